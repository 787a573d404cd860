import { readFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/check";
import { patchSheetCells } from "../../src/xlsx/cell-patch";
import { fixWorkbookBytes } from "../../src/xlsx/fix";
import { readWorkbookBytes } from "../../src/xlsx";
import { MalformedPartError } from "../../src/xlsx/xml";
import { changedParts, partsOf } from "./support/copy-reader";
import { rawPackage, worksheet } from "./support/raw-package";
import { exceljsRichWorkbook, withExcelOnlyParts } from "./support/rich-workbook";

const SAMPLE = path.join(__dirname, "../../samples/示例预算表.xlsx");

describe("the fixed copy", () => {
  test("the sample: 本年支出合计 becomes =SUM(E6:E36) after E13's text is converted; the copy re-checks without them", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const copy = await fixWorkbookBytes(input);
    const written = copy.fixes.flatMap((p) => p.writes.map((w) => `${p.rule} ${w.sheet}!${w.cell} ${w.afterText}`));
    expect(written).toEqual(
      expect.arrayContaining([
        "BAL-SPEND 收支总表!E13 数字 1060.41",
        "BAL-SPEND 收支总表!E37 =SUM(E6:E36)（计算结果 24,490.91）",
        "IND-FRACTION-PERCENT 绩效指标!E11 “85%”",
      ]),
    );
    const after = checkWorkbook((await readWorkbookBytes(copy.bytes)).snapshots).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(after).not.toEqual(expect.arrayContaining(["BAL-SPEND@E37"]));
    expect(after.filter((f) => /^(BAL-SPEND|CELL-TEXTNUM|IND-FRACTION-PERCENT|FORMULA-)/.test(f))).toEqual([]);
    expect(copy.findingsAfter.map((f) => `${f.rule}@${f.cell}`)).toEqual(after);
  });

  test("only the fixed sheets, styles.xml and workbook.xml change; the input's other parts keep their bytes", async () => {
    const input = new Uint8Array(readFileSync(SAMPLE));
    const { bytes } = await fixWorkbookBytes(input);
    const diff = await changedParts(input, bytes);
    expect(diff).toEqual({
      changed: ["xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"],
      added: [],
      removed: [],
    });
    const wb = (await partsOf(bytes)).get("xl/workbook.xml")!.toString();
    expect(wb).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test("a workbook with Excel-only parts and macros keeps them all; only the cells written differ", async () => {
    const base = await withExcelOnlyParts(await exceljsRichWorkbook(), { macros: true });
    const copy = await fixWorkbookBytes(base);
    expect(copy.macroEnabled).toBe(true);
    // D7's "100.25" is a number stored as text; both 本年合计 are typed 10.00 short.
    expect(copy.fixes.map((p) => `${p.rule}@${p.writes.at(-1)!.cell}`)).toEqual([
      "CELL-TEXTNUM@D7",
      "BAL-INCOME@B8",
      "BAL-SPEND@D8",
    ]);
    expect(copy.findingsAfter.filter((f) => f.severity !== "info")).toEqual([]);
    const diff = await changedParts(base, copy.bytes);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.every((n) => /^xl\/(workbook|styles)\.xml$|^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toBe(true);
  });
});

describe("patchSheetCells", () => {
  const sheet = (rows: string) => worksheet(rows);

  test("replaces a cell whole, keeps its style, and leaves every other byte", () => {
    const xml = sheet(`<row r="1"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>`);
    const out = patchSheetCells(xml, [{ cell: "A1", content: { number: 1060.41 } }]);
    expect(out).toBe(xml.replace(`<c r="A1" s="3" t="s"><v>0</v></c>`, `<c r="A1" s="3"><v>1060.41</v></c>`));
  });

  test("writes a formula with its cached result, and a string inline", () => {
    const xml = sheet(`<row r="2"><c r="B2"><v>5</v></c><c r="C2"><v>0.85</v></c></row>`);
    const out = patchSheetCells(xml, [
      { cell: "B2", content: { formula: "=SUM(B3:B9)", result: 7 } },
      { cell: "C2", content: { text: "85%" }, style: 4 },
    ]);
    expect(out).toContain(`<c r="B2"><f>SUM(B3:B9)</f><v>7</v></c>`);
    expect(out).toContain(`<c r="C2" s="4" t="inlineStr"><is><t xml:space="preserve">85%</t></is></c>`);
  });

  test("inserts a missing cell in column order, and a missing row in row order", () => {
    const xml = sheet(
      `<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c></row>`,
    );
    const out = patchSheetCells(xml, [
      { cell: "B1", content: { number: 2 } },
      { cell: "B3", content: { number: 9 } },
    ]);
    expect(out).toContain(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="3"><c r="B3"><v>9</v></c></row><row r="4">`,
    );
  });

  test("markup inside a comment is never taken for a cell; a prefixed sheet keeps its prefix", () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><!-- <x:c r="A1"><x:v>9</x:v></x:c> --><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const out = patchSheetCells(xml, [{ cell: "A1", content: { number: 2 } }]);
    expect(out).toContain(`<!-- <x:c r="A1"><x:v>9</x:v></x:c> --><x:c r="A1"><x:v>2</x:v></x:c>`);
  });

  test("a cell without its address is refused, never guessed", () => {
    expect(() => patchSheetCells(sheet(`<row r="1"><c><v>1</v></c></row>`), [{ cell: "A1", content: { number: 2 } }])).toThrow(
      MalformedPartError,
    );
  });

  test("a text-formatted cell converted to a number gets a General copy of its format", async () => {
    const bytes = await rawPackage(
      [
        {
          name: "表",
          xml: sheet(
            `<row r="1"><c r="A1" t="inlineStr"><is><t>项目</t></is></c><c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>` +
              `<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" s="1" t="inlineStr"><is><t>1,060.41</t></is></c></row>` +
              `<row r="3"><c r="A3" t="inlineStr"><is><t>乙</t></is></c><c r="B3"><v>10</v></c></row>`,
          ),
        },
      ],
      {
        styles: `<fonts count="1"><font/></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="49" fontId="0" applyNumberFormat="1"/></cellXfs>`,
      },
    );
    const copy = await fixWorkbookBytes(bytes);
    expect(copy.fixes.map((p) => p.rule)).toEqual(["CELL-TEXTNUM"]);
    const zip = await JSZip.loadAsync(copy.bytes);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toContain(`<cellXfs count="3">`);
    expect(styles).toContain(`<xf numFmtId="0" applyNumberFormat="1" fontId="0"/>`);
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain(`<c r="B2" s="2"><v>1060.41</v></c>`);
    const read = await readWorkbookBytes(copy.bytes);
    expect(read.snapshots[0].values[1][1]).toBe(1060.41);
  });
});
