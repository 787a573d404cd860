import ExcelJS from "exceljs";
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import { annotateWorkbookBytes, readWorkbookBytes } from "../../src/xlsx";
import { inSchemaOrder } from "../../src/xlsx/sheet-order";
import { marksOf, partsOf, worstByCell } from "./support/copy-reader";

const ERRORS = ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?"];
const LABELS = ["合计", "本年支出合计", "项目", "预算数", "单位：万元", "一级指标", "指标值", "≥85%", "1,060.41", "满意度", ""];

const cell = fc.oneof(
  fc.constantFrom(...LABELS),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.constantFrom(...ERRORS).map((error) => ({ error })),
  fc.constant(null),
);

const sheet = fc.record({
  rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
  merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 5 })), { nil: undefined }),
  notes: fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 6 }), fc.string({ maxLength: 20 })), {
    maxLength: 3,
  }),
});

async function build(
  sheets: { rows: unknown[][]; merge?: [number, number]; notes: [number, number, string][] }[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(i === 0 ? "收支总表" : `表${i}`);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
    if (s.merge) ws.mergeCells(s.merge[0], s.merge[1], s.merge[0] + 1, s.merge[1] + 1);
    const seen = new Set<string>();
    for (const [r, c, text] of s.notes) {
      const key = `${r}:${c}`;
      const master = ws.getCell(r, c).master;
      if (seen.has(key) || master.address !== ws.getCell(r, c).address) continue;
      seen.add(key);
      ws.getCell(r, c).note = text || "备注";
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("random small workbooks", () => {
  it("are read, checked and annotated without throwing, and the copy reopens with all its parts", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 2 }), async (sheets) => {
        const input = await build(sheets);
        const findings = checkWorkbook((await readWorkbookBytes(input, "rand")).snapshots).findings;
        const copy = await annotateWorkbookBytes(input, findings);
        const before = await partsOf(input);
        const after = await partsOf(copy.bytes);
        for (const name of before.keys()) expect(after.has(name)).toBe(true);
        for (const [name, xml] of after)
          if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) expect(inSchemaOrder(xml.toString())).toBe(true);
        const reread = await readWorkbookBytes(copy.bytes, "copy");
        expect(reread.snapshots.map((s) => s.name)).toEqual(sheets.map((_, i) => (i === 0 ? "收支总表" : `表${i}`)));
        expect(reread.ownResults).toEqual(["检查结果"]);
        const marks = await marksOf(copy.bytes);
        for (const [name, cells] of worstByCell(findings))
          expect(Object.fromEntries(marks.get(name)!)).toEqual(Object.fromEntries(cells));
      }),
      { numRuns: 12, seed: 20261201 },
    );
  }, 120000);
});
