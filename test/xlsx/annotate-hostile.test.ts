import JSZip from "jszip";
import { inflateRawSync } from "zlib";
import { checkWorkbook } from "../../src/core/check";
import { Finding, makeFinding } from "../../src/core/finding";
import { AnnotateError, annotateWorkbookBytes, readWorkbookBytes } from "../../src/xlsx";
import { EngineError } from "../../src/web/engine";
import { CheckSession } from "../../src/web/session";
import { deflated, RawEntry, workbookAround, zipOf } from "./support/hostile-zip";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const SHEET = `<?xml version="1.0"?><worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>`;
const STYLES = `<?xml version="1.0"?><styleSheet ${MAIN}><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`;

/** A one-sheet workbook with styles, plus any extra entries; `replace` swaps an entry by name. */
function workbook(sheet = SHEET, extra: RawEntry[] = [], replace: Record<string, string> = {}): Uint8Array {
  const entries = workbookAround(sheet).map((e) => (replace[e.name] !== undefined ? deflated(e.name, replace[e.name]) : e));
  const rels = entries.find((e) => e.name === "xl/_rels/workbook.xml.rels")!;
  const withStyles = inflateRawSync(rels.data)
    .toString()
    .replace(
      "</Relationships>",
      `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    );
  return zipOf([
    ...entries.filter((e) => e !== rels),
    deflated(rels.name, withStyles),
    deflated("xl/styles.xml", STYLES),
    ...extra,
  ]);
}

const finding = (cell: string): Finding => makeFinding({ rule: "SUM-ROW", sheet: "表", cell, message: "合计不等于各项之和" });

async function annotateFails(bytes: Uint8Array): Promise<AnnotateError> {
  const error = await annotateWorkbookBytes(bytes, [finding("B1")]).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AnnotateError);
  expect((error as Error).message).toMatch(/^工作簿.*无法写出标注副本（原文件未改动）/);
  return error as AnnotateError;
}

describe("the annotated copy of a file that checks fine never fails inside", () => {
  test("a reference to a character XML cannot hold in a sheet's relationships part: a message naming the part", async () => {
    const rels = deflated(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="${RELS}"><Relationship Id="rId9" Type="urn:x&#x110000;" Target="x.xml"/></Relationships>`,
    );
    const bytes = workbook(SHEET, [rels]);
    expect((await readWorkbookBytes(bytes, "t.xlsx")).snapshots).toHaveLength(1);
    expect((await annotateFails(bytes)).message).toContain("xl/worksheets/_rels/sheet1.xml.rels");
  });

  test("the same in [Content_Types].xml: the package is damaged, so the check already says 已损坏 (as Excel does)", async () => {
    const types = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml&#x110000;"/></Types>`;
    const bytes = workbook(SHEET, [], { "[Content_Types].xml": types });
    await expect(readWorkbookBytes(bytes, "t.xlsx")).rejects.toMatchObject({ kind: "corrupt" });
    expect((await annotateFails(bytes)).message).toContain("[Content_Types].xml");
  });

  test("a styles part that is related but missing, or not related at all: marks get a minimal one", async () => {
    const types = await JSZip.loadAsync(workbook()).then((z) => z.file("[Content_Types].xml")!.async("string"));
    for (const bytes of [
      await JSZip.loadAsync(workbook()).then((z) => z.remove("xl/styles.xml").generateAsync({ type: "uint8array" })),
      zipOf(workbookAround(SHEET)),
    ]) {
      const copy = await annotateWorkbookBytes(bytes, [finding("B1")]);
      const zip = await JSZip.loadAsync(copy.bytes);
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      expect(rels.match(/relationships\/styles"/g)).toHaveLength(1);
      const target = [...rels.matchAll(/<Relationship [^>]*>/g)].map((m) => m[0]).find((r) => r.includes('/styles"'));
      const styles = await zip.file(`xl/${/Target="([^"]*)"/.exec(target!)![1]}`)!.async("string");
      expect(styles).toContain('<dxfs count="3">');
      const after = await zip.file("[Content_Types].xml")!.async("string");
      expect(after.match(/styles\+xml/g)?.length ?? 0).toBeLessThanOrEqual(Math.max(1, types.match(/styles\+xml/g)?.length ?? 0));
      expect((await readWorkbookBytes(copy.bytes, "copy.xlsx")).snapshots[0].values[0]).toEqual([1, 2]);
    }
  });

  test("a sheet with 130,000 conditional-format rules gets its marks after them", async () => {
    const rules = Array.from(
      { length: 130_000 },
      (_, i) =>
        `<conditionalFormatting sqref="C${i + 1}"><cfRule type="expression" dxfId="0" priority="${i + 1}"><formula>FALSE</formula></cfRule></conditionalFormatting>`,
    ).join("");
    const sheet = SHEET.replace("</sheetData>", `</sheetData>${rules}`);
    const copy = await annotateWorkbookBytes(workbook(sheet), [finding("B1")]);
    expect(copy.marked).toBe(1);
    const xml = await (await JSZip.loadAsync(copy.bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain(`priority="130001"><formula>N(&quot;budget-check:error&quot;)=0</formula>`);
  });

  test("a custom XML part whose stated size is wrong is kept as it is", async () => {
    const item = {
      ...deflated("customXml/item1.xml", `<?xml version="1.0"?><data xmlns="urn:department">部门自己的数据</data>`),
      statedSize: 3,
    };
    const bytes = workbook(SHEET, [item]);
    const copy = await annotateWorkbookBytes(bytes, [finding("B1")]);
    const kept = (await JSZip.loadAsync(copy.bytes)).file("customXml/item1.xml");
    expect(kept).not.toBeNull();
    const compressed = (kept as unknown as { _data: { compressedContent: Uint8Array } })._data.compressedContent;
    expect(Buffer.from(compressed).equals(item.data)).toBe(true);
    expect(checkWorkbook((await readWorkbookBytes(copy.bytes, "c.xlsx")).snapshots).sheets.map((s) => s.name)).toContain("表");
  });

  test("the page's 下载标注副本 gives the same message, not 内部错误", async () => {
    const rels = deflated(
      "xl/worksheets/_rels/sheet1.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="${RELS}"><Relationship Id="rId9" Type="urn:x&#x110000;" Target="x.xml"/></Relationships>`,
    );
    const bytes = workbook(SHEET, [rels]);
    const session = new CheckSession();
    await session.open({ name: "t.xlsx", bytes: bytes.slice().buffer }, "0.01");
    const error = await session.annotate([finding("B1")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe("annotate");
    expect((error as EngineError).message).toContain("xl/worksheets/_rels/sheet1.xml.rels");
  });
});
