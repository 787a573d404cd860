import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/check";
import { makeFinding } from "../../src/core/finding";
import { annotateWorkbookBytes, readWorkbookBytes } from "../../src/xlsx";
import { distinctSheetNames } from "../../src/xlsx/sheet-names";
import { rawPackage, worksheet } from "./support/raw-package";

const STYLES = `<cellXfs count="1"><xf numFmtId="0"/></cellXfs>`;
const sheet = (n: number) =>
  worksheet(`<row r="1"><c r="A1"><v>${n}</v></c><c r="B1"><v>${n}</v></c><c r="C1"><v>${n}</v></c></row>`);

/** The sqref of each conditional format in each sheet part, by part. */
async function marksByPart(bytes: Uint8Array): Promise<string[][]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[][] = [];
  for (let i = 1; i <= 3; i++) {
    const xml = await zip.file(`xl/worksheets/sheet${i}.xml`)!.async("string");
    out.push([...xml.matchAll(/<conditionalFormatting sqref="([^"]*)"/g)].map((m) => m[1]));
  }
  return out;
}

describe("sheets whose names Excel takes for the same name each keep their own findings and marks", () => {
  test("a name equal to an earlier one, whatever its case, gets its position", () => {
    expect(distinctSheetNames(["表", "Sheet1", "表", "SHEET1", "表（第3张）"])).toEqual([
      "表",
      "Sheet1",
      "表（第3张）",
      "SHEET1（第4张）",
      "表（第3张）（第5张）",
    ]);
  });

  test.each([
    ["the same name twice in a hostile workbook.xml", ["表", "表", "其他"]],
    ["names that differ only in case", ["Sheet1", "SHEET1", "其他"]],
  ])("%s", async (_label, names) => {
    const bytes = await rawPackage(
      names.map((name, i) => ({ name, xml: sheet(i + 1) })),
      { styles: STYLES },
    );
    const read = await readWorkbookBytes(bytes, "t.xlsx");
    const seen = read.snapshots.map((s) => s.name);
    expect(new Set(seen.map((n) => n.toLowerCase())).size).toBe(3);
    expect(read.snapshots.map((s) => s.values[0][0])).toEqual([1, 2, 3]);
    expect(checkWorkbook(read.snapshots).sheets.map((s) => s.name)).toEqual(seen);

    const findings = [
      makeFinding({ rule: "SUM-ROW", sheet: seen[0], cell: "A1", message: "第一张" }),
      makeFinding({ rule: "SUM-ROW", sheet: seen[1], cell: "C1", message: "第二张" }),
    ];
    const copy = await annotateWorkbookBytes(bytes, findings);
    expect(copy.marked).toBe(2);
    expect(await marksByPart(copy.bytes)).toEqual([["A1"], ["C1"], []]);
  });
});
