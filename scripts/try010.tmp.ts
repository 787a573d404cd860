import { mkdirSync } from "fs";
import { writeWorkbook } from "../scripts/fixtures/grid";
import { writeJuesuanFixtures } from "../scripts/fixtures/juesuan";
import { readWorkbookFile } from "../src/cli/xlsx-read";
import { checkWorkbook } from "../src/core/check";
async function main() {
  mkdirSync("/tmp/fx/planted", { recursive: true });
  const files: string[] = [];
  await writeJuesuanFixtures("/tmp/fx", async (path, sheets, entry) => { await writeWorkbook(path, sheets); files.push(path); console.log(path, JSON.stringify(entry.defects.map(d=>`${d.sheet}!${d.cell} ${d.rule}`))); });
  for (const f of files) {
    const r = checkWorkbook(await readWorkbookFile(f));
    console.log("=====", f, JSON.stringify(r.sheets));
    for (const x of r.findings) console.log(x.severity, x.rule, `${x.sheet}!${x.cell}`, x.message);
  }
}
main();
