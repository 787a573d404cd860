/**
 * Builds the wild corpus: one workbook test/wild/NN-*.xlsx per source text test/wild/sources/NN-*.txt, laid out
 * as the source lays it out, and test/wild/manifest.json listing each file's defects and quiet sheets.
 * Needs nothing outside the repository.
 *
 * Run: npm run wild
 */
import { writeFileSync } from "fs";
import { join, relative, resolve } from "path";
import { writeWorkbook } from "../fixtures/grid";
import { ROOT, WILD_DIR, readSources, workbookPath } from "./identities";
import { ManifestEntry, manifestEntry, sheetSpec } from "./corpus";

async function main(): Promise<void> {
  const entries: ManifestEntry[] = [];
  for (const source of readSources()) {
    await writeWorkbook(workbookPath(source), source.sheets.map(sheetSpec));
    entries.push(manifestEntry(source));
    console.log(`已生成 ${relative(ROOT, workbookPath(source))}`);
  }
  const manifestPath = join(WILD_DIR, "manifest.json");
  // Loaded here, not at the top: jest (which imports ./corpus) cannot run prettier's dynamic imports.
  const prettier = await import("prettier");
  const options = (await prettier.resolveConfig(manifestPath)) ?? {};
  writeFileSync(manifestPath, await prettier.format(JSON.stringify(entries, null, 2), { ...options, filepath: manifestPath }));
  const provinces = new Set(entries.map((e) => e.province));
  const sheets = readSources().reduce((n, s) => n + s.sheets.length, 0);
  console.log(`${entries.length} 个文件，${sheets} 张表，${provinces.size} 个省份；已写 test/wild/manifest.json`);
}

if (resolve(process.argv[1] ?? "") === __filename) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
