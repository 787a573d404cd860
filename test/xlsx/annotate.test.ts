import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/check";
import { Finding } from "../../src/core/finding";
import { RESULT_COLUMNS } from "../../src/core/results-table";
import { SEVERITY_ORDER } from "../../src/core/severity";
import { annotateWorkbookBytes, isAnnotatedCopy, readWorkbookBytes, COPY_MARKER_NAMESPACE } from "../../src/xlsx";
import { PackageText, workbookSheets } from "../../src/xlsx/package";
import { inSchemaOrder } from "../../src/xlsx/sheet-order";
import { readWithExceljs } from "../support/exceljs-reader";
import { changedParts, marksOf, partsOf, worstByCell } from "./support/copy-reader";
import { exceljsRichWorkbook, libreOfficeConvert, withExcelOnlyParts } from "./support/rich-workbook";

async function check(bytes: Uint8Array): Promise<Finding[]> {
  return checkWorkbook((await readWorkbookBytes(bytes, "t", { includeHidden: true })).snapshots).findings;
}

/** Parts the patcher may change for marks on the first sheet: everything else keeps its bytes. */
const MAY_CHANGE =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet1\.xml|xl\/worksheets\/_rels\/sheet1\.xml\.rels|xl\/comments\d*\.xml|xl\/drawings\/vmlDrawing\d+\.vml)$/;
const MAY_ADD =
  /^(xl\/worksheets\/sheet\d+\.xml|xl\/comments\d+\.xml|xl\/drawings\/vmlDrawing\d+\.vml|xl\/worksheets\/_rels\/sheet1\.xml\.rels|customXml\/item\d+\.xml|customXml\/itemProps\d+\.xml|customXml\/_rels\/item\d+\.xml\.rels)$/;

function wellFormed(parts: Map<string, Buffer>): string[] {
  const bad: string[] = [];
  for (const [name, bytes] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const r = spawnSync("xmllint", ["--noout", "-"], { input: bytes });
    if (r.status !== 0) bad.push(name);
  }
  return bad;
}

const sheetParts = (parts: Map<string, Buffer>) => [...parts].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));

interface Case {
  label: string;
  input: Uint8Array;
  findings: Finding[];
  copy: Uint8Array;
}

const cases: Case[] = [];
let loOpened: Buffer[] = [];

beforeAll(async () => {
  const base = await exceljsRichWorkbook();
  const [fromLibreOffice] = libreOfficeConvert([{ name: "lo.xlsx", bytes: base }]);
  const inputs: [string, Uint8Array][] = [
    ["exceljs + chart, threaded comment, x14 validation, custom properties", await withExcelOnlyParts(base)],
    ["the same as .xlsm with a VBA project", await withExcelOnlyParts(base, { macros: true })],
    ["saved by LibreOffice (its own Table, image, data bar, note)", new Uint8Array(fromLibreOffice)],
  ];
  for (const [label, input] of inputs) {
    const findings = await check(input);
    const { bytes } = await annotateWorkbookBytes(input, findings);
    cases.push({ label, input, findings, copy: bytes });
  }
  loOpened = libreOfficeConvert(cases.map((c, i) => ({ name: `copy${i}.${i === 1 ? "xlsm" : "xlsx"}`, bytes: c.copy })));
}, 240000);

describe("the annotated copy keeps the whole workbook", () => {
  it("finds the planted errors in every input (so there is something to mark)", () => {
    for (const c of cases) {
      const cells = c.findings.map((f) => `${f.rule}@${f.cell}`);
      expect([c.label, cells]).toEqual([c.label, expect.arrayContaining(["BAL-INCOME@B8", "BAL-SPEND@D8", "CELL-TEXTNUM@D7"])]);
    }
  });

  it("changes only the parts the marks need; every other part keeps its bytes", async () => {
    for (const c of cases) {
      const diff = await changedParts(c.input, c.copy);
      expect([c.label, diff.removed]).toEqual([c.label, []]);
      expect([c.label, diff.changed.filter((n) => !MAY_CHANGE.test(n))]).toEqual([c.label, []]);
      expect([c.label, diff.added.filter((n) => !MAY_ADD.test(n))]).toEqual([c.label, []]);
      const before = await partsOf(c.input);
      const after = await partsOf(c.copy);
      const kept = [...before.keys()].filter((n) => !MAY_CHANGE.test(n));
      expect(kept.length).toBeGreaterThan(8);
      for (const n of kept) expect([c.label, n, after.get(n)!.equals(before.get(n)!)]).toEqual([c.label, n, true]);
    }
  });

  it("keeps charts, images, tables, threaded comments, custom properties and macros", async () => {
    const [rich, xlsm] = await Promise.all(cases.slice(0, 2).map((c) => partsOf(c.copy)));
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/threadedComments/threadedComment1.xml",
      "xl/persons/person.xml",
      "docProps/custom.xml",
      "xl/tables/table1.xml",
    ]) {
      expect(rich.has(part)).toBe(true);
    }
    expect([...rich.keys()].some((n) => n.startsWith("xl/media/"))).toBe(true);
    expect(xlsm.get("xl/vbaProject.bin")).toEqual((await partsOf(cases[1].input)).get("xl/vbaProject.bin"));
    expect(xlsm.get("[Content_Types].xml")!.toString()).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    const sheet = rich.get("xl/worksheets/sheet1.xml")!.toString();
    expect(sheet).toContain("x14:dataValidations");
    expect(sheet).toContain('type="dataBar"');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape"');
    expect(sheet).toContain("<headerFooter><oddFooter>第 &amp;P 页</oddFooter></headerFooter>");
    expect(rich.get("xl/workbook.xml")!.toString()).toContain("_xlnm.Print_Area");
  });

  it("changes a marked sheet only by the marks it inserts (LibreOffice's sheet, already in schema order)", async () => {
    const c = cases[2];
    const before = (await partsOf(c.input)).get("xl/worksheets/sheet1.xml")!.toString();
    const after = (await partsOf(c.copy)).get("xl/worksheets/sheet1.xml")!.toString();
    const withoutMarks = after.replace(
      /<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>N\(&quot;budget-check:\w+&quot;\)=0<\/formula><\/cfRule><\/conditionalFormatting>/g,
      "",
    );
    expect(withoutMarks).toBe(before);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it("writes every sheet in CT_Worksheet order and every XML part well-formed", async () => {
    for (const c of cases) {
      const parts = await partsOf(c.copy);
      expect([c.label, wellFormed(parts)]).toEqual([c.label, []]);
      for (const [name, xml] of sheetParts(parts))
        expect([c.label, name, inSchemaOrder(xml.toString())]).toEqual([c.label, name, true]);
    }
  });

  it("marks exactly the flagged cells by their worst severity, read back by an independent reader", async () => {
    for (const c of cases) {
      const marks = await marksOf(c.copy);
      const want = worstByCell(c.findings);
      for (const [sheet, cells] of marks)
        expect([c.label, sheet, Object.fromEntries(cells)]).toEqual([
          c.label,
          sheet,
          Object.fromEntries(want.get(sheet) ?? new Map()),
        ]);
    }
  });

  it("leaves every cell's own fill, font and border as they were", async () => {
    for (const c of cases) {
      const a = new ExcelJS.Workbook();
      const b = new ExcelJS.Workbook();
      await a.xlsx.load(c.input as unknown as ExcelJS.Buffer);
      await b.xlsx.load(c.copy as unknown as ExcelJS.Buffer);
      const ws = a.getWorksheet("收支总表")!;
      const ws2 = b.getWorksheet("收支总表")!;
      ws.eachRow((row, r) =>
        row.eachCell((cell, col) => expect([cell.address, ws2.getCell(r, col).style]).toEqual([cell.address, cell.style])),
      );
    }
  });

  it("adds a note only where there is none: a user's note and a threaded comment stay untouched", async () => {
    const c = cases[0];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(c.copy as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("收支总表")!;
    const text = (a: string) => JSON.stringify(ws.getCell(a).note ?? null);
    expect(text("D8")).toContain("用户自己的批注：请财务复核");
    expect(text("D8")).not.toContain("BAL-SPEND");
    expect(text("B8")).toBe("null");
    expect(text("D7")).toContain("CELL-TEXTNUM");
  });

  it("lists every finding on a 检查结果 sheet with the shared columns, 单元格 linking to the cell", async () => {
    for (const c of cases) {
      // The reader leaves a copy's own results sheet out (see reannotate.test.ts): read it with exceljs.
      expect((await readWorkbookBytes(c.copy, "copy")).ownResults).toEqual(["检查结果"]);
      const read = await readWithExceljs(c.copy, "copy");
      const sheet = read.snapshots.find((s) => s.name === "检查结果")!;
      expect(sheet.values[0]).toEqual([...RESULT_COLUMNS]);
      expect(sheet.values.length).toBe(c.findings.length + 1);
      // Most severe first, as in every findings sheet; the check's own order within a severity.
      const bySeverity = [...c.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      expect(sheet.values.slice(1).map((r) => `${r[0]}!${r[1]}|${r[3]}`)).toEqual(
        bySeverity.map((f) => `${f.sheet}!${f.cell}|${f.rule}`),
      );
      const xml = (await partsOf(c.copy)).get(await sheetPartOf(await JSZip.loadAsync(c.copy), "检查结果"))!.toString();
      expect(xml).toContain(`<hyperlink ref="B2" location="'收支总表'!${bySeverity[0].cell}"`);
      // The checker reads the results sheet as an ordinary table without tripping (a copy whose marker is lost).
      expect(() => checkWorkbook(read.snapshots)).not.toThrow();
    }
  });

  it("carries the marker part, and only copies do", async () => {
    for (const c of cases) {
      expect(await isAnnotatedCopy(c.copy)).toBe(true);
      expect(await isAnnotatedCopy(c.input)).toBe(false);
      expect((await partsOf(c.copy)).get("customXml/item1.xml")!.toString()).toContain(COPY_MARKER_NAMESPACE);
    }
  });

  it("LibreOffice opens each copy and keeps its marks and the 检查结果 sheet", async () => {
    expect(loOpened).toHaveLength(cases.length);
    for (const [i, bytes] of loOpened.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((w) => w.name)).toContain("检查结果");
      const marks = await marksOf(new Uint8Array(bytes));
      expect(Object.fromEntries(marks.get("收支总表")!)).toEqual(
        Object.fromEntries(worstByCell(cases[i].findings).get("收支总表")!),
      );
      // LibreOffice read our notes too: the one added on D7 and the user's own on D8.
      const ws = wb.getWorksheet("收支总表")!;
      expect(JSON.stringify(ws.getCell("D7").note ?? null)).toContain("CELL-TEXTNUM");
      expect(JSON.stringify(ws.getCell("D8").note ?? null)).toContain("用户自己的批注");
    }
  });

  it("re-annotating a copy replaces its marks instead of stacking them, and keeps one marker", async () => {
    const c = cases[0];
    const again = await annotateWorkbookBytes(c.copy, c.findings);
    const xml = (await partsOf(again.bytes)).get("xl/worksheets/sheet1.xml")!.toString();
    expect(xml.match(/budget-check:error/g)).toHaveLength(1);
    expect([...(await partsOf(again.bytes)).keys()].filter((n) => /^customXml\/item\d+\.xml$/.test(n))).toHaveLength(1);
    expect(again.resultSheet).toBe("检查结果");
    // Our note on D7 was replaced, not doubled; the user's note on D8 is still the only one there.
    const comments = (await partsOf(again.bytes)).get("xl/comments1.xml")!.toString();
    expect(comments.match(/ref="D7"/g)).toHaveLength(1);
    expect(comments.match(/ref="D8"/g)).toHaveLength(1);
  });

  it("re-annotating a copy after a fix drops the notes it added for findings that are gone", async () => {
    const c = cases[0];
    const remaining = c.findings.filter((f) => f.rule === "BAL-SPEND");
    const again = await annotateWorkbookBytes(c.copy, remaining);
    expect(again.notes).toBe(0);
    const parts = await partsOf(again.bytes);
    const comments = parts.get("xl/comments1.xml")!.toString();
    expect(comments).not.toContain('ref="D7"');
    expect(comments).toContain("用户自己的批注：请财务复核");
    const vml = [...parts].find(([n]) => n.endsWith(".vml"))![1].toString();
    expect(vml.match(/ObjectType="Note"/g)).toHaveLength(comments.match(/<comment /g)!.length);
    expect(Object.fromEntries((await marksOf(again.bytes)).get("收支总表")!)).toEqual({ D8: "error" });
  });
});

async function sheetPartOf(zip: JSZip, name: string): Promise<string> {
  const { sheets } = await workbookSheets(new PackageText(zip));
  return sheets.find((s) => s.name === name)!.part;
}
