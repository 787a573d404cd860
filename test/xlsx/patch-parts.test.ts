import JSZip from "jszip";
import { compactSheet, MAX_GRID_CELLS } from "../../src/core/compact-sheet";
import { makeFinding } from "../../src/core/finding";
import { addMarkStyles, addMarks } from "../../src/xlsx/marks";
import { addNotes } from "../../src/xlsx/notes";
import { PackageText } from "../../src/xlsx/package";
import { freeSheetName, resultsSheetXml } from "../../src/xlsx/results-sheet";
import { childNames, inSchemaOrder, insertChild, intoSchemaOrder, WORKSHEET_ORDER } from "../../src/xlsx/sheet-order";
import { readWorkbookBytes } from "../../src/xlsx";
import ExcelJS from "exceljs";

const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const sheet = (body: string, root = "worksheet", ns = NS) => `<?xml version="1.0"?><${root} ${ns}>${body}</${root}>`;
const CF = `<conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="1"><formula>1</formula></cfRule></conditionalFormatting>`;
const plan = [{ sheet: "S", severity: "error" as const, rects: [{ top: 4, left: 1, bottom: 6, right: 1 }], cells: 3 }];

describe("conditional formats go where CT_Worksheet puts them", () => {
  const cases: [string, string][] = [
    ["a bare sheet", `<sheetData/>`],
    [
      "after merges, before data validations and hyperlinks",
      `<sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><dataValidations count="0"/><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>`,
    ],
    ["after the user's own conditional formats", `<sheetData/>${CF}<dataValidations count="0"/>`],
    [
      "before tableParts and extLst",
      `<sheetData/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/><drawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts><extLst><ext uri="{x}"><x14:conditionalFormattings xmlns:x14="urn:x14"/></ext></extLst>`,
    ],
    [
      "before controls wrapped in mc:AlternateContent",
      `<sheetData/><phoneticPr fontId="1"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><controls><control r:id="rId4"/></controls></mc:Choice></mc:AlternateContent>`,
    ],
  ];
  it.each(cases)("%s", (_, body) => {
    const xml = addMarks(sheet(body), "", plan, { error: 7, warning: 8, info: 9 });
    expect(inSchemaOrder(xml)).toBe(true);
    const names = childNames(xml);
    const at = names.lastIndexOf("conditionalFormatting");
    expect(
      names
        .slice(at + 1)
        .every(
          (n) =>
            n === "AlternateContent" || WORKSHEET_ORDER.indexOf(n as never) > WORKSHEET_ORDER.indexOf("conditionalFormatting"),
        ),
    ).toBe(true);
    expect(xml).toContain(
      `<conditionalFormatting sqref="B5:B7"><cfRule type="expression" dxfId="7" priority="${body.includes("priority") ? 2 : 1}"><formula>N(&quot;budget-check:error&quot;)=0</formula>`,
    );
  });

  it("writes with the sheet's own prefix when it uses one (x:worksheet)", () => {
    const xml = sheet(
      `<x:sheetData/><x:pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>`,
      "x:worksheet",
      `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`,
    );
    const out = addMarks(xml, "x:", plan, { error: 0, warning: 1, info: 2 });
    expect(childNames(out)).toEqual(["sheetData", "conditionalFormatting", "pageMargins"]);
    expect(out).toContain("<x:conditionalFormatting");
  });

  it("puts misplaced elements back in order and leaves an ordered sheet as it is", () => {
    const misplaced = sheet(`<sheetData/><tableParts count="0"/><extLst/><legacyDrawing r:id="rId1"/>`);
    expect(childNames(intoSchemaOrder(misplaced))).toEqual(["sheetData", "legacyDrawing", "tableParts", "extLst"]);
    const ordered = sheet(`<sheetData/>${CF}<legacyDrawing r:id="rId1"/>`);
    expect(intoSchemaOrder(ordered)).toBe(ordered);
    expect(insertChild(sheet(`<sheetData/><extLst/>`), "legacyDrawing", "<legacyDrawing/>")).toContain(
      "<legacyDrawing/><extLst/>",
    );
  });
});

describe("styles, notes and the results sheet", () => {
  /** A package loaded from zip bytes, as the patcher always gets one. */
  async function pkgWith(files: Record<string, string>): Promise<PackageText> {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    return new PackageText(await JSZip.loadAsync(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" })));
  }

  it("appends the mark fills to dxfs, also an empty self-closing one or none at all", async () => {
    for (const [styles, first] of [
      [`<styleSheet xmlns="m"><fonts/><dxfs count="1"><dxf><font/></dxf></dxfs><tableStyles count="0"/></styleSheet>`, 1],
      [`<styleSheet xmlns="m"><fonts/><dxfs count="0"/></styleSheet>`, 0],
      [`<styleSheet xmlns="m"><fonts/><cellStyles/><tableStyles count="0"/></styleSheet>`, 0],
    ] as [string, number][]) {
      const pkg = await pkgWith({ "xl/styles.xml": styles });
      expect(await addMarkStyles(pkg, "xl/styles.xml")).toEqual({ error: first, warning: first + 1, info: first + 2 });
      const out = (await pkg.read("xl/styles.xml"))!;
      expect(out).toContain(`<dxfs count="${first + 3}">`);
      expect(out).toContain(`<bgColor rgb="FFFFC7CE"/>`);
      expect(out.indexOf("<dxfs")).toBeLessThan(out.indexOf("<tableStyles") < 0 ? Infinity : out.indexOf("<tableStyles"));
    }
  });

  it("adds notes to an existing comments and VML part, under its own author, keeping what was there", async () => {
    const comments = `<comments xmlns="m"><authors><author>张三</author></authors><commentList><comment ref="A1" authorId="0"><text><t>旧</t></text></comment></commentList></comments>`;
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="3"/></o:shapelayout><v:shapetype id="_x0000_t202" o:spt="202"/><v:shape id="_x0000_s3073" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;
    const pkg = await pkgWith({
      "xl/worksheets/sheet1.xml": sheet(`<sheetData/><legacyDrawing r:id="rId2"/>`),
      "xl/worksheets/_rels/sheet1.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
      "xl/comments1.xml": comments,
      "xl/drawings/vmlDrawing1.vml": vml,
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    });
    const sheetXml = (await pkg.read("xl/worksheets/sheet1.xml"))!;
    const r = await addNotes(pkg, {
      sheetPart: "xl/worksheets/sheet1.xml",
      sheetXml,
      notes: new Map([["B2", "a < b & \u0001c"]]),
    });
    expect(r.added).toBe(1);
    expect(r.sheetXml).toBe(sheetXml);
    const c = (await pkg.read("xl/comments1.xml"))!;
    expect(c).toContain("<author>张三</author><author>预算表检查</author>");
    expect(c).toContain(`<comment ref="A1" authorId="0"><text><t>旧</t></text></comment><comment ref="B2" authorId="1">`);
    expect(c).toContain("a &lt; b &amp; c");
    const v = (await pkg.read("xl/drawings/vmlDrawing1.vml"))!;
    expect(v.startsWith(vml.slice(0, -"</xml>".length))).toBe(true);
    expect(v).toContain(`id="_x0000_s3074"`);
    expect(v).toContain("<x:Row>1</x:Row><x:Column>1</x:Column>");
  });

  it("names the results sheet freely and links each 单元格, quoting odd sheet names", () => {
    expect(freeSheetName(["收支总表", "检查结果", "检查结果 (2)"])).toBe("检查结果 (3)");
    const xml = resultsSheetXml([
      makeFinding({ rule: "SUM-ROW", sheet: "A&B's", cell: "C3", message: "x", expected: "12345678901234.56", actual: "1.5" }),
    ]);
    expect(xml).toContain(`<hyperlink ref="B2" location="'A&amp;B''s'!C3" display="C3"/>`);
    expect(xml).toContain(`<c r="I2"><v>1.5</v></c>`);
    // 16 significant digits do not fit a double: kept as exact text.
    expect(xml).toContain(`<c r="H2" t="inlineStr"><is><t xml:space="preserve">12345678901234.56</t></is></c>`);
    // Laid out to be read and printed: a filter over the table, landscape, fitted to the page width.
    expect(xml).toContain(`<autoFilter ref="A1:J2"/>`);
    expect(xml).toContain(`orientation="landscape" fitToWidth="1" fitToHeight="0"`);
    expect(inSchemaOrder(xml)).toBe(true);
    const long = resultsSheetXml([makeFinding({ rule: "IND-VAGUE", sheet: "表", cell: "A1", message: "长".repeat(40000) })]);
    expect(long).toContain(`${"长".repeat(32000)}…</t>`);
    expect(long).not.toContain("长".repeat(32001));
  });
});

describe("sheets too large to check", () => {
  it("are named in a note and skipped; the other sheets are checked", async () => {
    const wb = new ExcelJS.Workbook();
    const big = wb.addWorksheet("大表");
    for (let r = 1; r <= 20; r++) big.addRow([r, r, r]);
    wb.addWorksheet("小表").addRow(["单位：万元"]);
    const read = await readWorkbookBytes(new Uint8Array(await wb.xlsx.writeBuffer()), "t", { maxContentCells: 50 });
    expect(read.snapshots.map((s) => s.name)).toEqual(["小表"]);
    expect(read.tooLarge).toEqual([{ name: "大表", cells: 60 }]);
    expect(read.notes.join("")).toContain("工作表「大表」有 60 个非空单元格，超过可检查的上限 50 个，未检查");
  });

  it("content scattered far apart is bounded by the collapsed grid, not by its spread", () => {
    // A diagonal of cells each 100 rows and 50 columns apart: gaps shrink to one empty row/column.
    const diagonal = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        row: i * 100,
        col: i * 50,
        value: i,
        text: String(i),
        formula: "",
        numberFormat: "General",
      }));
    const r = compactSheet("散", diagonal(600), []);
    if (!("snapshot" in r)) throw new Error("expected a snapshot");
    expect(r.snapshot.values.length).toBe(1199);
    expect(r.snapshot.values[0].length).toBe(1199);
    expect(r.snapshot.sheetRows![1198]).toBe(59900);
    // Twice as many no longer fit: skipped as scattered, before any grid is allocated.
    expect(compactSheet("散", diagonal(1200), [])).toEqual({ tooLarge: { cells: 1200, scattered: true } });
    expect(1200 * 2 * 1200 * 2).toBeGreaterThan(MAX_GRID_CELLS);
  });
});

describe("notes on several sheets", () => {
  it("give each new VML drawing its own shape-id block", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["表一", "表二"]) {
      const ws = wb.addWorksheet(name);
      ws.addRow(["单位：万元"]);
      ws.addRow(["项目", "金额"]);
      ws.addRow(["甲", 1]);
      ws.addRow(["乙", 2]);
      ws.addRow(["合计", 4]);
    }
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const { checkWorkbook } = await import("../../src/core/check");
    const findings = checkWorkbook((await readWorkbookBytes(input, "t")).snapshots).findings;
    expect(new Set(findings.filter((f) => f.rule === "SUM-ROW").map((f) => f.sheet))).toEqual(new Set(["表一", "表二"]));
    const { annotateWorkbookBytes } = await import("../../src/xlsx");
    const copy = await annotateWorkbookBytes(input, findings);
    const zip = await JSZip.loadAsync(copy.bytes);
    const vmls = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.endsWith(".vml"))
        .map((n) => zip.file(n)!.async("string")),
    );
    expect(vmls).toHaveLength(2);
    const idmaps = vmls.map((v) => /idmap[^>]*data="(\d+)"/.exec(v)![1]);
    expect(new Set(idmaps).size).toBe(2);
    const ids = vmls.flatMap((v) => [...v.matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("a package the patcher cannot handle", () => {
  it("is refused with a Chinese AnnotateError, and a bug is not disguised as one", async () => {
    const { annotateWorkbookBytes, AnnotateError } = await import("../../src/xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.addRow(["单位：万元"]);
    ws.addRow(["项目", "金额"]);
    ws.addRow(["甲", 1]);
    ws.addRow(["合计", 4]);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    const findings = (await import("../../src/core/check")).checkWorkbook(
      (await readWorkbookBytes(good, "t")).snapshots,
    ).findings;
    const zip = await JSZip.loadAsync(good);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", xml.replace("</sheetData>", ""));
    const broken = await zip.generateAsync({ type: "uint8array" });
    await expect(annotateWorkbookBytes(broken, findings)).rejects.toBeInstanceOf(AnnotateError);
    await expect(annotateWorkbookBytes(broken, findings)).rejects.toThrow(/无法写出标注副本/);
    await expect(annotateWorkbookBytes(new Uint8Array([1, 2, 3]), findings)).rejects.toBeInstanceOf(AnnotateError);
  });
});
