import { readdirSync, statSync, writeFileSync } from "fs";
import path from "path";
import { readWorkbookFile } from "../src/cli/xlsx-read";
import { checkWorkbook } from "../src/core/check";

/**
 * `node bin/run-ts.js scripts/findings-snapshot.ts OUT.json [DIR…]`: every finding on every .xlsx
 * under the given folders (default: test/fixtures, samples, test/wild), one line per finding, so a
 * change to the engine can be reviewed as a diff of findings before and after.
 */
function xlsxUnder(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const n of names) {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) out = out.concat(xlsxUnder(p));
    else if (n.endsWith(".xlsx")) out.push(p);
  }
  return out;
}

async function main(): Promise<void> {
  const [out, ...dirs] = process.argv.slice(2);
  const files = (dirs.length ? dirs : ["test/fixtures", "samples", "test/wild"]).flatMap(xlsxUnder);
  const lines: string[] = [];
  for (const f of files) {
    const { findings } = checkWorkbook(await readWorkbookFile(f));
    for (const x of findings) lines.push(`${f} | ${x.sheet}!${x.cell} | ${x.severity} ${x.rule} | ${x.message}`);
    if (findings.length === 0) lines.push(`${f} | (none)`);
  }
  writeFileSync(out, lines.join("\n") + "\n");
  console.log(`${files.length} files, ${lines.length} lines → ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
