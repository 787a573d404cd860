/**
 * Builds the wild corpus: one workbook test/wild/NN-*.xlsx per source text test/wild/sources/NN-*.txt, laid out
 * as the source lays it out, and test/wild/manifest.json listing each file's defects and quiet sheets.
 * Needs nothing outside the repository.
 *
 * Run: npm run wild
 */
import { writeFileSync } from "fs";
import * as prettier from "prettier";
import { join, relative, resolve } from "path";
import { FxCell, SheetSpec, writeWorkbook } from "../fixtures/grid";
import { ROOT, WILD_DIR, readSources, workbookPath } from "./identities";
import { SourceSheet, WildSource } from "./source";

export interface ManifestEntry {
  file: string;
  province: string;
  source: string;
  kind: string;
  defects: { sheet: string; cell: string; min: "info" | "warning" | "error"; why: string }[];
  quiet: string[];
}

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

export function sheetSpec(sheet: SourceSheet): SheetSpec {
  if (sheet.name.length > 31 || INVALID_SHEET_NAME.test(sheet.name))
    throw new Error(`sheet name not allowed in Excel: ${sheet.name}`);
  const rows: FxCell[][] = sheet.rows.map((row) => row.map((c) => (c.v === null ? null : c.fmt ? { v: c.v, fmt: c.fmt } : c.v)));
  return { name: sheet.name, rows, merges: sheet.merges.map((m) => ({ ...m })), widths: sheet.widths };
}

export function manifestEntry(source: WildSource): ManifestEntry {
  return {
    file: relative(ROOT, workbookPath(source)).split("\\").join("/"),
    province: source.meta.PROVINCE,
    source: source.meta.SOURCE,
    kind: source.meta.KIND,
    defects: source.defects.map((d) => ({ sheet: d.sheet, cell: d.cell, min: d.min, why: d.why })),
    quiet: [...source.quiet],
  };
}

async function main(): Promise<void> {
  const entries: ManifestEntry[] = [];
  for (const source of readSources()) {
    await writeWorkbook(workbookPath(source), source.sheets.map(sheetSpec));
    entries.push(manifestEntry(source));
    console.log(`已生成 ${relative(ROOT, workbookPath(source))}`);
  }
  const manifestPath = join(WILD_DIR, "manifest.json");
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
