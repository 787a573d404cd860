import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/check";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { rawPackage, worksheet } from "./support/raw-package";

const ROWS = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>100</v></c></row>`;
const SST = `<si><t>项目</t></si><si><t>金额</t></si><si><t>合计</t></si>`;

async function without(bytes: Uint8Array, part: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.remove(part);
  return zip.generateAsync({ type: "uint8array" });
}

describe("a damaged package is 已损坏, not a clean run", () => {
  test("sheets refer to shared strings, and the shared string part is missing", async () => {
    const bytes = await without(
      await rawPackage([{ name: "表", xml: worksheet(ROWS) }], { sharedStrings: SST }),
      "xl/sharedStrings.xml",
    );
    await expect(readWorkbookBytes(bytes, "t.xlsx")).rejects.toMatchObject({
      kind: "corrupt",
      message: expect.stringContaining("已损坏"),
    });
  });

  test("the same when the workbook does not even relate one", async () => {
    const bytes = await rawPackage([{ name: "表", xml: worksheet(ROWS) }]);
    await expect(readWorkbookBytes(bytes, "t.xlsx")).rejects.toMatchObject({ kind: "corrupt" });
  });

  test("without shared strings, a sheet that uses none still reads", async () => {
    const bytes = await rawPackage([{ name: "表", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) }]);
    expect((await readWorkbookBytes(bytes, "t.xlsx")).snapshots[0].values).toEqual([[1]]);
  });

  test("the workbook's relationships part is missing (it used to say 没有工作表)", async () => {
    const bytes = await without(
      await rawPackage([{ name: "表", xml: worksheet(ROWS) }], { sharedStrings: SST }),
      "xl/_rels/workbook.xml.rels",
    );
    await expect(readWorkbookBytes(bytes, "t.xlsx")).rejects.toMatchObject({
      kind: "corrupt",
      message: expect.stringContaining("已损坏"),
    });
  });

  test("the content-types part is missing, or is not one (Excel refuses both)", async () => {
    const good = await rawPackage([{ name: "表", xml: worksheet(ROWS) }], { sharedStrings: SST });
    await expect(readWorkbookBytes(good, "t.xlsx")).resolves.toBeDefined();
    await expect(readWorkbookBytes(await without(good, "[Content_Types].xml"), "t.xlsx")).rejects.toMatchObject({
      kind: "corrupt",
    });
    const zip = await JSZip.loadAsync(good);
    zip.file("[Content_Types].xml", `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>`);
    await expect(readWorkbookBytes(await zip.generateAsync({ type: "uint8array" }), "t.xlsx")).rejects.toMatchObject({
      kind: "corrupt",
    });
  });

  test("a worksheet whose markup outside the cells is unbalanced (a parser refuses the whole part)", async () => {
    const read = (xml: string) =>
      rawPackage([{ name: "表", xml }], { sharedStrings: SST }).then((b) => readWorkbookBytes(b, "t.xlsx"));
    const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    await expect(
      read(`<worksheet ${NS}><cols><col min="1" max="1"/></cols><sheetData>${ROWS}</sheetData></worksheet>`),
    ).resolves.toBeDefined();
    await expect(
      read(`<worksheet ${NS}><cols><col min="1" max="1"></cols><sheetData>${ROWS}</sheetData></worksheet>`),
    ).rejects.toMatchObject({
      kind: "corrupt",
    });
    // The <sheetData> start tag itself cut away, its end tag left.
    await expect(read(`<worksheet ${NS}><cols>${ROWS}</sheetData></worksheet>`)).rejects.toMatchObject({ kind: "corrupt" });
  });

  test("a sheet whose relationship is missing", async () => {
    const zip = await JSZip.loadAsync(await rawPackage([{ name: "表", xml: worksheet(ROWS) }], { sharedStrings: SST }));
    const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace(
      "</sheets>",
      '<sheet name="丢" sheetId="9" r:id="rId99"/></sheets>',
    );
    zip.file("xl/workbook.xml", wb);
    await expect(readWorkbookBytes(await zip.generateAsync({ type: "uint8array" }), "t.xlsx")).rejects.toMatchObject({
      kind: "corrupt",
    });
  });
});

describe("valid files are not called damaged: what Excel cannot show reads as ####, and is checked", () => {
  const STYLES = `<numFmts count="1"><numFmt numFmtId="170" formatCode="0.${"0".repeat(101)}"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"/></cellXfs>`;

  test("a date-formatted number of 1e8 or more, and a negative one", async () => {
    const rows = `${ROWS}<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"><v>100000000</v></c><c r="C3" s="1"><v>-1</v></c><c r="D3" s="1"><v>45688</v></c></row>`;
    const read = await readWorkbookBytes(
      await rawPackage([{ name: "表", xml: worksheet(rows) }], { sharedStrings: SST, styles: STYLES }),
      "t.xlsx",
    );
    const s = read.snapshots[0];
    expect(s.texts[2]).toEqual(["项目", "####", "####", "2025-01-31"]);
    expect(s.values[2][1]).toBe(100000000);
    expect(checkWorkbook(read.snapshots).sheets).toHaveLength(1);
  });

  test("a number format with more than 100 decimals", async () => {
    const rows = `${ROWS}<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" s="2"><v>1.5</v></c></row>`;
    const read = await readWorkbookBytes(
      await rawPackage([{ name: "表", xml: worksheet(rows) }], { sharedStrings: SST, styles: STYLES }),
      "t.xlsx",
    );
    expect(read.snapshots[0].texts[2]).toEqual(["合计", "####"]);
    expect(read.snapshots[0].values[2]).toEqual(["合计", 1.5]);
  });

  test("2,000 merges of a whole row: each row's first cell kept, the rest of the row empty", async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>7</v></c></row>`,
    ).join("");
    const merges = Array.from({ length: 2000 }, (_, i) => `<mergeCell ref="A${i + 1}:XFD${i + 1}"/>`).join("");
    const bytes = await rawPackage([{ name: "表", xml: worksheet(rows, `<mergeCells count="2000">${merges}</mergeCells>`) }]);
    const read = await readWorkbookBytes(bytes, "t.xlsx");
    const s = read.snapshots[0];
    expect(s.merges).toHaveLength(2000);
    expect(s.values.every((row, i) => row[0] === i && row.slice(1).every((v) => v === null))).toBe(true);
    expect(checkWorkbook(read.snapshots).sheets[0].note).not.toBe("此表结构异常，检查中断，请确认表格格式");
  });

  test("tall merges (a whole column) cover their cells too", async () => {
    const rows = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="5"><c r="A5"><v>3</v></c><c r="B5"><v>4</v></c></row>`;
    const bytes = await rawPackage([
      { name: "表", xml: worksheet(rows, `<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>`) },
    ]);
    const s = (await readWorkbookBytes(bytes, "t.xlsx")).snapshots[0];
    const at = (r: number, c: number) => s.values[(s.sheetRows ?? []).indexOf(r)]?.[c];
    expect([at(0, 0), at(0, 1), at(4, 0), at(4, 1)]).toEqual([1, 2, null, 4]);
  });
});
