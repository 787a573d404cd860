import JSZip from "jszip";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { rawPackage, worksheet } from "./support/raw-package";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

async function read(...args: Parameters<typeof rawPackage>) {
  return (await readWorkbookBytes(await rawPackage(...args), "t.xlsx", { includeHidden: true })).snapshots[0];
}

/** The package with one part replaced by these bytes (a UTF-16 part, say). */
async function withPart(bytes: Uint8Array, part: string, data: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, data);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const ROWS = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>100</v></c></row>`;
const SST = `<si><t>项目</t></si><si><t>金额</t></si><si><t>合计</t></si>`;

/**
 * Legal XML that the regular-expression scanner used to read differently from Excel: each is read
 * exactly as its plain form is (the plain sheet above), as a conforming parser reads it.
 */
describe("a part is read as a conforming XML parser reads it", () => {
  let plain: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => {
    plain = await read([{ name: "表", xml: worksheet(ROWS) }], { sharedStrings: SST });
    expect(plain.values).toEqual([
      ["项目", "金额"],
      ["合计", 100],
    ]);
  });

  test.each([
    [
      "a comment holding a fake cell after the real one",
      ROWS.replace("<v>100</v></c>", `<v>100</v></c><!--<c r="B2"><v>999</v></c>-->`),
    ],
    ["a comment inside a cell and inside its value", ROWS.replace("<v>100</v>", "<!-- 原值 --><v>1<!-- x -->00</v>")],
    ["CDATA in a value", ROWS.replace("<v>100</v>", "<v><![CDATA[100]]></v>")],
    ["a processing instruction between cells", ROWS.replace('<c r="B2">', '<?budget x?><c r="B2">')],
    [
      "cells under a namespace prefix while their parent row has none",
      ROWS.replace(`<c r="A2" t="s"><v>2</v></c>`, `<x:c xmlns:x="${NS_MAIN}" r="A2" t="s"><x:v>2</x:v></x:c>`),
    ],
    [
      "a cell-like element in another namespace next to the real one (ignored, as Excel ignores it)",
      ROWS.replace(`<v>100</v></c>`, `<v>100</v></c><o:c xmlns:o="urn:other" r="B2"><o:v>999</o:v></o:c>`),
    ],
  ])("%s", async (_label, rows) => {
    expect((await read([{ name: "表", xml: worksheet(rows) }], { sharedStrings: SST })).values).toEqual(plain.values);
  });

  test("a comment before <sheetData> that holds an empty one does not hide the sheet", async () => {
    const xml = worksheet(ROWS).replace("<sheetData>", "<!-- <sheetData/> --><sheetData>");
    expect((await read([{ name: "表", xml }], { sharedStrings: SST })).values).toEqual(plain.values);
  });

  test.each([
    [
      "a comment holding a string item, which would shift every index",
      SST.replace("</si><si><t>金额", "</si><!--<si><t>伪</t></si>--><si><t>金额"),
    ],
    ["CDATA in a shared string", SST.replace("<t>合计</t>", "<t><![CDATA[合计]]></t>")],
    [
      "string items under a prefix bound to the main namespace",
      SST.replace("<si><t>合计</t></si>", `<m:si xmlns:m="${NS_MAIN}"><m:t>合计</m:t></m:si>`),
    ],
  ])("shared strings: %s", async (_label, sst) => {
    expect((await read([{ name: "表", xml: worksheet(ROWS) }], { sharedStrings: sst })).values).toEqual(plain.values);
  });

  test.each([
    ["UTF-16LE with a byte order mark", "utf16le", true],
    ["UTF-16BE with a byte order mark", "utf16be", true],
    ["UTF-16LE without one", "utf16le", false],
  ])("a sheet part in %s", async (_label, encoding, bom) => {
    const text = worksheet(ROWS).replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-16"?>');
    const le = Buffer.from(`${bom ? "\ufeff" : ""}${text}`, "utf16le");
    const bytes = encoding === "utf16le" ? le : Buffer.from(le).swap16();
    const pkg = await withPart(
      await rawPackage([{ name: "表", xml: worksheet(ROWS) }], { sharedStrings: SST }),
      "xl/worksheets/sheet1.xml",
      bytes,
    );
    const s = (await readWorkbookBytes(pkg, "t.xlsx")).snapshots[0];
    expect(s.values).toEqual(plain.values);
  });

  test("line ends are read as a parser reads them: CR LF and CR as LF, an escaped CR kept", async () => {
    const sst = `<si><t>一\r\n二\r三&#13;四</t></si>`;
    const s = await read([{ name: "表", xml: worksheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) }], {
      sharedStrings: sst,
    });
    expect(s.values).toEqual([["一\n二\n三\r四"]]);
  });

  test("a reference written as a character reference is read as its character, a number as a number", async () => {
    const s = await read([{ name: "表", xml: worksheet(`<row r="1"><c r="A1"><v>&#49;&#48;0</v></c></row>`) }]);
    expect(s.values).toEqual([[100]]);
  });

  test.each([
    [
      "a DTD (a package must not hold one)",
      worksheet(ROWS).replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY x "100">]><worksheet'),
    ],
    ["a reference to a character XML cannot hold", worksheet(ROWS.replace("<v>100</v>", "<v>&#x110000;</v>"))],
    ["an undefined entity", worksheet(ROWS.replace("<v>100</v>", "<v>&nbsp;100</v>"))],
    ["a control character", worksheet(ROWS.replace("<v>100</v>", "<v>1\u000100</v>"))],
    ["mismatched tags after a comment", worksheet(ROWS.replace("<v>100</v>", "<!-- --><v>100</x>"))],
    ["a sheet cut short", worksheet(ROWS).slice(0, -30)],
    ["an encoding a package may not use", worksheet(ROWS).replace('encoding="UTF-8"', 'encoding="GB2312"')],
  ])("%s is refused as damaged, not read some other way", async (_label, xml) => {
    const bytes = await rawPackage([{ name: "表", xml }], { sharedStrings: SST });
    await expect(readWorkbookBytes(bytes, "t.xlsx")).rejects.toMatchObject({ kind: "corrupt" });
  });

  test("bytes that are not UTF-8 are refused, not replaced", async () => {
    const good = await rawPackage([{ name: "表", xml: worksheet(ROWS) }], { sharedStrings: SST });
    const gbk = Buffer.concat([
      Buffer.from(`<?xml version="1.0"?><sst xmlns="${NS_MAIN}"><si><t>`),
      Buffer.from([0xcf, 0xee]),
      Buffer.from("</t></si></sst>"),
    ]);
    await expect(readWorkbookBytes(await withPart(good, "xl/sharedStrings.xml", gbk), "t.xlsx")).rejects.toMatchObject({
      kind: "corrupt",
    });
  });

  test("the sheet list is read by the parser too: a sheet in a comment is no sheet", async () => {
    const bytes = await rawPackage(
      [
        { name: "表", xml: worksheet(ROWS) },
        { name: "藏", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) },
      ],
      { sharedStrings: SST },
    );
    const zip = await JSZip.loadAsync(bytes);
    const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace(/<sheet name="藏"[^>]*\/>/, (s) => `<!-- ${s} -->`);
    zip.file("xl/workbook.xml", wb);
    const read = await readWorkbookBytes(await zip.generateAsync({ type: "uint8array" }), "t.xlsx");
    expect(read.snapshots.map((s) => s.name)).toEqual(["表"]);
  });
});
