const root = process.argv[2];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readWorkbookFile } = require(`${root}/src/cli/xlsx-read`);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkWorkbook } = require(`${root}/src/core/check`);
const files = ["test/fixtures/seed000-indicators.xlsx","test/fixtures/seed001-budget.xlsx","test/fixtures/seed001-budget-formulas.xlsx","test/fixtures/seed001-indicators.xlsx","test/fixtures/seed003-indicators.xlsx","samples/示例预算表.xlsx","test/fixtures/planted/formula-omits.xlsx","test/fixtures/planted/orphan-code.xlsx","test/fixtures/planted/ref-error.xlsx","test/fixtures/planted/text-number.xlsx","test/fixtures/planted/typed-total.xlsx","test/fixtures/planted/wrong-item.xlsx"];
(async () => {
  for (const f of files) {
    const r = checkWorkbook(await readWorkbookFile(`/work/wt/totals/${f}`));
    for (const x of r.findings) console.log(`${f}\t${x.sheet}!${x.cell}\t${x.rule}\t${x.severity}\t${x.message}`);
  }
})();
