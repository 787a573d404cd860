import * as XLSX from "@e965/xlsx";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { annotatableBytes, isXlsBytes, readAnyWorkbookBytes } from "../../src/xlsx/read-any";
import { WorkbookReadError } from "../../src/xlsx/errors";

/** A BIFF8 workbook written by SheetJS itself (values only): a visible sheet and a hidden one. */
function biff8(): Uint8Array {
  const book = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([
    ["部门收支总表", null, null],
    ["单位：万元", null, null],
    ["项目", "预算数", "备注"],
    ["一、一般公共预算拨款收入", 150.5, "文本"],
    ["合计", { t: "n", v: 150.5, f: "SUM(B4:B4)" }, { t: "e", v: 0x17 }],
  ]);
  sheet["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
  (sheet["B4"] as XLSX.CellObject).z = "#,##0.00";
  XLSX.utils.book_append_sheet(book, sheet, "收支总表");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["秘密", 1]]), "隐藏");
  book.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }] };
  return new Uint8Array(XLSX.write(book, { bookType: "biff8", type: "array" }) as ArrayBuffer);
}

describe("the .xls reader", () => {
  it("reads cells, formulas, number formats and error values into a snapshot, merged areas' covered cells left out", async () => {
    const read = await readAnyWorkbookBytes(biff8(), "表.xls");
    expect(read.format).toBe("xls");
    expect(read.hidden).toEqual(["隐藏"]);
    expect(read.notes[0]).toContain("隐藏的工作表未检查：隐藏");
    const [s] = read.snapshots;
    expect(s.name).toBe("收支总表");
    expect(s.values[0]).toEqual(["部门收支总表", null, null]);
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(s.values[3]).toEqual(["一、一般公共预算拨款收入", 150.5, "文本"]);
    expect(s.texts[3][1]).toBe("150.50");
    // SheetJS writes BIFF8 values only; formulas read from LibreOffice's .xls are in xls-parity.test.ts.
    expect(s.values[4][1]).toBe(150.5);
    expect(s.values[4][2]).toBe("#REF!");
  });

  it("reads hidden sheets when asked", async () => {
    const read = await readAnyWorkbookBytes(biff8(), "表.xls", { includeHidden: true });
    expect(read.snapshots.map((s) => s.name)).toEqual(["收支总表", "隐藏"]);
  });

  it("knows an .xls by its bytes, and leaves .xlsx to the .xlsx reader", async () => {
    expect(isXlsBytes(biff8())).toBe(true);
    const xlsx = new Uint8Array(
      XLSX.write(XLSX.read(biff8(), { type: "array" }), { bookType: "xlsx", type: "array" }) as ArrayBuffer,
    );
    expect(isXlsBytes(xlsx)).toBe(false);
    expect((await readAnyWorkbookBytes(xlsx, "表.xlsx")).format).toBe("xlsx");
  });

  it("calls a damaged .xls 已损坏 in Chinese, never a crash", async () => {
    const bytes = biff8().slice(0, 1200);
    const read = readAnyWorkbookBytes(bytes, "坏.xls");
    await expect(read).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(read).rejects.toThrow(/坏\.xls/);
  });

  it("gives the annotated copy .xlsx bytes that read back as the same cells", async () => {
    const bytes = await annotatableBytes(biff8(), "表.xls");
    expect(isXlsBytes(bytes)).toBe(false);
    const again = await readWorkbookBytes(bytes, "表.xlsx");
    const first = (await readAnyWorkbookBytes(biff8(), "表.xls")).snapshots[0];
    expect(again.snapshots[0].values).toEqual(first.values);
    expect(again.snapshots[0].merges).toEqual(first.merges);
  });
});
