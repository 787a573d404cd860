import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/check";
import { Finding } from "../../src/core/finding";
import { annotateWorkbookBytes, COPY_MARKER_NAMESPACE, readWorkbookBytes } from "../../src/xlsx";
import { PackageText, workbookSheets } from "../../src/xlsx/package";
import { exceljsRichWorkbook } from "./support/rich-workbook";

async function check(bytes: Uint8Array): Promise<{ names: string[]; findings: Finding[]; notes: string[] }> {
  const read = await readWorkbookBytes(bytes, "t.xlsx", { includeHidden: true });
  return { names: read.snapshots.map((s) => s.name), findings: checkWorkbook(read.snapshots).findings, notes: read.notes };
}

async function sheetNames(bytes: Uint8Array): Promise<string[]> {
  return (await workbookSheets(new PackageText(await JSZip.loadAsync(bytes)))).sheets.map((s) => s.name);
}

/** The package after `edit` changes the text of one part. */
async function edited(bytes: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, edit(await zip.file(part)!.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const ISLE = "本工具在标注副本中写出的检查结果表，未检查";

describe("an annotated copy's own 检查结果 sheet is never checked, and is replaced when the copy is annotated again", () => {
  let input: Uint8Array;
  let first: { names: string[]; findings: Finding[] };
  let copy: Uint8Array;
  beforeAll(async () => {
    input = await exceljsRichWorkbook();
    first = await check(input);
    expect(first.findings.length).toBeGreaterThan(0);
    copy = (await annotateWorkbookBytes(input, first.findings)).bytes;
  }, 60000);

  test("checking the copy checks the department's sheets only, and says why 检查结果 was left out", async () => {
    const again = await check(copy);
    expect(again.names).toEqual(first.names);
    expect(again.findings.map((f) => [f.sheet, f.cell, f.rule])).toEqual(first.findings.map((f) => [f.sheet, f.cell, f.rule]));
    expect(again.notes).toContain(`「检查结果」是${ISLE}。`);
  });

  test("annotating the copy again rewrites its 检查结果 in place: no 「检查结果 (2)」, however often", async () => {
    const fewer = first.findings.slice(0, 1);
    const second = await annotateWorkbookBytes(copy, fewer);
    expect(second.resultSheet).toBe("检查结果");
    const third = await annotateWorkbookBytes(second.bytes, first.findings);
    expect(await sheetNames(third.bytes)).toEqual(await sheetNames(copy));
    const zip = await JSZip.loadAsync(second.bytes);
    const { sheets } = await workbookSheets(new PackageText(zip));
    const results = await zip.file(sheets.find((s) => s.name === "检查结果")!.part)!.async("string");
    expect(results.match(/<row /g)).toHaveLength(1 + fewer.length);
  });

  test("renamed by the user, it is still known by the id the marker records", async () => {
    const renamed = await edited(copy, "xl/workbook.xml", (xml) => xml.replace('name="检查结果"', 'name="上次结果"'));
    expect((await check(renamed)).names).toEqual(first.names);
    const again = await annotateWorkbookBytes(renamed, first.findings);
    expect(again.resultSheet).toBe("上次结果");
    expect(await sheetNames(again.bytes)).not.toContain("检查结果");
  });

  test("a forged marker cannot hide a department's sheet: it must still begin with the results columns", async () => {
    const { sheets } = await workbookSheets(new PackageText(await JSZip.loadAsync(copy)));
    const dataSheet = sheets.find((s) => s.name === first.names[0])!;
    const forged = await edited(copy, "customXml/item1.xml", (xml) =>
      xml.replace(/resultsSheetId="\d+"/, `resultsSheetId="${dataSheet.sheetId}"`),
    );
    expect((await check(forged)).names).toContain(first.names[0]);
  });

  test("a copy from before the id was recorded: its 检查结果 sheets are known by name and header", async () => {
    const legacy = await edited(
      copy,
      "customXml/item1.xml",
      () => `<annotatedCopy xmlns="${COPY_MARKER_NAMESPACE}" tool="budget-check"/>`,
    );
    const read = await check(legacy);
    expect(read.names).toEqual(first.names);
    expect((await annotateWorkbookBytes(legacy, first.findings)).resultSheet).toBe("检查结果");
  });

  test("in a workbook that is no copy of ours, a sheet the user named 检查结果 is checked, and ours takes another name", async () => {
    const own = await edited(input, "xl/workbook.xml", (xml) => xml.replace(`name="${first.names[0]}"`, 'name="检查结果"'));
    expect((await check(own)).names[0]).toBe("检查结果");
    expect((await annotateWorkbookBytes(own, [])).resultSheet).toBe("检查结果 (2)");
  });
});
