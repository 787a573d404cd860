import { UNCALCULATED } from "../../src/core/snapshot";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { rawPackage, worksheet } from "./support/raw-package";

async function firstSheet(...args: Parameters<typeof rawPackage>) {
  const read = await readWorkbookBytes(await rawPackage(...args), "t.xlsx", { includeHidden: true });
  return read.snapshots[0];
}

describe("the part reader reads markup other writers produce", () => {
  test("a namespace prefix on every element (x:row, x:c, x:v)", async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>合计</x:t></x:is></x:c><x:c r="B1"><x:v>12.5</x:v></x:c></x:row>
      </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>`;
    const s = await firstSheet([{ name: "表", xml }]);
    expect(s.values).toEqual([["合计", 12.5, null, null]]);
    expect(s.merges).toEqual([{ top: 0, left: 2, bottom: 0, right: 3 }]);
  });

  test("shared formulas are expanded to each cell's own formula, anchors and quoted text kept", async () => {
    const rows = `<row r="1">
      <c r="B1"><f t="shared" ref="B1:D1" si="0">SUM(B2:B4)+$A$1+"A1"&amp;LOG10(B2)</f><v>1</v></c>
      <c r="C1"><f t="shared" si="0"/><v>2</v></c><c r="D1"><f t="shared" si="0"/><v>3</v></c></row>
      <row r="2"><c r="A2"><f t="shared" ref="A2:A3" si="1">B1*'收入 表'!C$5</f><v>0</v></c></row>
      <row r="3"><c r="A3"><f t="shared" si="1"/><v>0</v></c></row>`;
    const s = await firstSheet([{ name: "表", xml: worksheet(rows) }]);
    expect(s.formulas[0].slice(1)).toEqual([
      '=SUM(B2:B4)+$A$1+"A1"&LOG10(B2)',
      '=SUM(C2:C4)+$A$1+"A1"&LOG10(C2)',
      '=SUM(D2:D4)+$A$1+"A1"&LOG10(D2)',
    ]);
    expect([s.formulas[1][0], s.formulas[2][0]]).toEqual(["=B1*'收入 表'!C$5", "=B2*'收入 表'!C$5"]);
    expect(s.values[0]).toEqual([null, 1, 2, 3]);
  });

  test("rich text without its phonetic guide, entities and _xHHHH_ escapes", async () => {
    const sst = `<si><r><t>一般公共</t></r><r><rPr><b/></rPr><t xml:space="preserve">预算 </t></r><rPh sb="0" eb="1"><t>yi</t></rPh></si>
      <si><t>A &amp; B_x000D_C</t></si><si><t/></si>`;
    const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>9</v></c></row>`;
    const s = await firstSheet([{ name: "表", xml: worksheet(rows) }], { sharedStrings: sst });
    expect(s.values[0]).toEqual(["一般公共预算 ", "A & B\rC", ""]);
  });

  test("attributes in single quotes or with spaces around = are read as well", async () => {
    const rows = `<row r = '2'><c r='B2' t = 'inlineStr'><is><t>合计</t></is></c><c t="b" r="C2" s="0"><v>1</v></c></row>`;
    const s = await firstSheet([{ name: "表", xml: worksheet(rows) }]);
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values[0]).toEqual(["合计", true]);
  });

  test("an empty <v></v> is an empty cell, whatever its type", async () => {
    const rows = `<row r="1"><c r="A1" t="str"><v></v></c><c r="B1" t="s"><v></v></c><c r="C1"><v></v></c><c r="D1"><v>1</v></c></row>`;
    const s = await firstSheet([{ name: "表", xml: worksheet(rows) }]);
    expect(s.origin).toEqual({ row: 0, col: 3 });
    expect(s.values).toEqual([[1]]);
  });

  test("rows and cells without r attributes follow on from the one before", async () => {
    const rows = `<row><c t="inlineStr"><is><t>项目</t></is></c><c><v>1</v></c></row><row r="4"><c r="C4"><v>2</v></c><c><v>3</v></c></row>`;
    const s = await firstSheet([{ name: "表", xml: worksheet(rows) }]);
    expect(s.values[0]).toEqual(["项目", 1, null, null]);
    expect(s.values[3]).toEqual([null, null, 2, 3]);
  });

  test("booleans, errors, ISO dates and a formula's text result", async () => {
    const rows = `<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#REF!</v></c><c r="C1" t="d"><v>2025-01-31T00:00:00Z</v></c>
      <c r="D1" t="str"><f>"合"&amp;"计"</f><v>合计</v></c><c r="E1"><f>1/0</f></c></row>`;
    const s = await firstSheet([{ name: "表", xml: worksheet(rows) }]);
    // A formula without a result (and one the reader cannot calculate) is UNCALCULATED, not empty.
    expect(s.values[0]).toEqual([true, "#REF!", 45688, "合计", UNCALCULATED]);
    expect(s.texts[0][2]).toBe("2025-01-31");
    expect(s.formulas[0][4]).toBe("=1/0");
  });

  test("number formats: custom codes with literal text, zh-CN built-ins, cellXfs not cellStyleXfs", async () => {
    const styles = `<numFmts count="1"><numFmt numFmtId="176" formatCode="0&quot;人&quot;"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="4"/></cellStyleXfs>
      <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="31" applyNumberFormat="1"><alignment/></xf><xf numFmtId="4"/></cellXfs>`;
    const rows = `<row r="1"><c r="A1" s="1"><v>100</v></c><c r="B1" s="2"><v>45688</v></c><c r="C1" s="3"><v>1234.5</v></c><c r="D1"><v>7</v></c></row>`;
    const s = await firstSheet([{ name: "表", xml: worksheet(rows) }], { styles });
    expect(s.numberFormats[0]).toEqual(['0"人"', 'yyyy"年"m"月"d"日"', "#,##0.00", "General"]);
    expect(s.texts[0]).toEqual(["100人", "2025-01-31", "1,234.50", "7"]);
  });

  test("a 1904-based workbook's dates are read as 1900-based serials", async () => {
    const styles = `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>`;
    const rows = `<row r="1"><c r="A1" s="1"><v>44226</v></c></row>`;
    const s = await firstSheet([{ name: "表", xml: worksheet(rows) }], { styles, workbookPr: '<workbookPr date1904="1"/>' });
    expect(s.texts[0][0]).toBe("2025-01-31");
  });

  test("the covered cells of a merged area are empty, whatever the file holds there", async () => {
    const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>收入</t></is></c><c r="B1"><v>5</v></c><c r="C1"><v>6</v></c></row>`;
    const s = await firstSheet([
      { name: "表", xml: worksheet(rows, '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>') },
    ]);
    expect(s.values[0]).toEqual(["收入", null, 6]);
  });

  test("chart sheets are passed over; hidden sheets are named", async () => {
    const bytes = await rawPackage([
      { name: "图表", xml: "<chartsheet/>", chart: true },
      { name: "隐藏", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`), state: "hidden" },
      { name: "表", xml: worksheet(`<row r="1"><c r="A1"><v>2</v></c></row>`) },
    ]);
    const read = await readWorkbookBytes(bytes, "t.xlsx");
    expect(read.snapshots.map((s) => s.name)).toEqual(["表"]);
    expect(read.hidden).toEqual(["隐藏"]);
  });

  test("a Strict Open XML workbook and a missing sheet part get a sentence, not a crash", async () => {
    const strict = await rawPackage([{ name: "表", xml: worksheet("") }], { strict: true });
    await expect(readWorkbookBytes(strict, "s.xlsx")).rejects.toThrow(/Strict Open XML.*另存为.*s\.xlsx/);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await rawPackage([{ name: "表", xml: worksheet("") }]));
    zip.remove("xl/worksheets/sheet1.xml");
    const broken = await zip.generateAsync({ type: "uint8array" });
    await expect(readWorkbookBytes(broken, "b.xlsx")).rejects.toMatchObject({
      kind: "corrupt",
      message: expect.stringContaining("b.xlsx"),
    });
  });

  test("a sheet past the content limit is counted and skipped, the rest read", async () => {
    const rows = Array.from({ length: 30 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join("");
    const bytes = await rawPackage([
      { name: "大表", xml: worksheet(rows) },
      { name: "小表", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) },
    ]);
    const read = await readWorkbookBytes(bytes, "t.xlsx", { maxContentCells: 20 });
    expect(read.tooLarge).toEqual([{ name: "大表", cells: 30 }]);
    expect(read.snapshots.map((s) => s.name)).toEqual(["小表"]);
  });
});
