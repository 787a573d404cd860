import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { WorkbookReadError, readWorkbookBuffer, readWorkbookFile } from "../../src/cli/xlsx-read";
import { SheetSnapshot, SheetView, isUncalculated } from "../../src/core/snapshot";

async function bufferOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect((err as Error).message).not.toMatch(/\n/);
    return (err as WorkbookReadError).code;
  }
  throw new Error("expected a WorkbookReadError");
}

describe("readWorkbookBuffer", () => {
  let snapshot: SheetSnapshot;
  let view: SheetView;
  beforeAll(async () => {
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet("收支总表");
      ws.getCell("C3").value = "项目";
      ws.getCell("D3").value = 24490.91;
      ws.getCell("D3").numFmt = "0.00";
      ws.getCell("D4").value = 0.9;
      ws.getCell("D4").numFmt = "0%";
      ws.getCell("D5").value = "1,060.41";
      ws.getCell("D6").value = { formula: "SUM(D3:D4)", result: 24491.81 };
      ws.getCell("D6").numFmt = "#,##0.00";
      ws.getCell("E6").value = { sharedFormula: "D6", result: 7 } as unknown as ExcelJS.CellValue;
      ws.getCell("D7").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("D8").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("D9").value = { richText: [{ text: "单位：" }, { text: "万元", font: { bold: true } }] };
      ws.getCell("D10").value = true;
      ws.getCell("D11").value = new Date(Date.UTC(2025, 0, 31));
      ws.getCell("D12").value = { formula: "D3*2" } as ExcelJS.CellFormulaValue;
      ws.getCell("C13").value = "收入";
      ws.mergeCells("C13:E14");
    });
    const sheets = await readWorkbookBuffer(buf);
    expect(sheets).toHaveLength(1);
    snapshot = sheets[0];
    view = new SheetView(snapshot);
  });

  it("places the used range at its origin in sheet coordinates", () => {
    expect(snapshot.origin).toEqual({ row: 2, col: 2 });
    expect(view.lastRow).toBe(13);
    expect(view.lastCol).toBe(4);
    expect(view.text(2, 2)).toBe("项目");
  });

  it("keeps numbers as numbers and applies their number format to the text", () => {
    expect(view.value(2, 3)).toBe(24490.91);
    expect(view.text(2, 3)).toBe("24490.91");
    expect(view.numberFormat(2, 3)).toBe("0.00");
    expect(view.value(3, 3)).toBe(0.9);
    expect(view.text(3, 3)).toBe("90%");
    expect(view.numberFormat(2, 2)).toBe("General");
  });

  it("keeps a text number as text", () => {
    expect(view.value(4, 3)).toBe("1,060.41");
  });

  it("reports a formula cell by its cached result and its formula text", () => {
    expect(view.value(5, 3)).toBe(24491.81);
    expect(view.text(5, 3)).toBe("24,491.81");
    expect(view.formula(5, 3)).toBe("=SUM(D3:D4)");
    expect(view.formula(5, 4)).toBe("=SUM(E3:E4)");
    expect(view.value(5, 4)).toBe(7);
    // Written without a result, and not a SUM or +/−: unknown (src/xlsx/formulas/), not empty.
    expect(isUncalculated(view.value(11, 3))).toBe(true);
    expect(view.formula(11, 3)).toBe("=D3*2");
    expect(view.formula(2, 3)).toBe("");
  });

  it("turns error values, rich text, booleans and dates into plain values", () => {
    expect(view.value(6, 3)).toBe("#REF!");
    expect(view.value(7, 3)).toBe("#DIV/0!");
    expect(view.formula(7, 3)).toBe("=1/0");
    expect(view.value(8, 3)).toBe("单位：万元");
    expect(view.value(9, 3)).toBe(true);
    expect(view.value(10, 3)).toBe(45688);
    expect(view.text(10, 3)).toBe("2025-01-31");
  });

  it("lists merged areas 0-based and leaves their covered cells empty", () => {
    expect(snapshot.merges).toEqual([{ top: 12, left: 2, bottom: 13, right: 4 }]);
    expect(view.value(12, 2)).toBe("收入");
    expect(view.value(12, 3)).toBeNull();
    expect(view.value(13, 4)).toBeNull();
    expect(view.mergeAt(13, 3)).toEqual({ top: 12, left: 2, bottom: 13, right: 4 });
  });

  it("gives an empty sheet an empty snapshot", async () => {
    const sheets = await readWorkbookBuffer(await bufferOf((wb) => wb.addWorksheet("空表")));
    expect(sheets[0]).toMatchObject({ name: "空表", values: [], merges: [] });
  });

  it("reads a sheet of many rows completely", async () => {
    const rows = 20000;
    const buf = await bufferOf((wb) => {
      const ws = wb.addWorksheet("大表");
      for (let r = 1; r <= rows; r++) ws.addRow([r, `项目${r}`, r * 0.01, r * 0.02, "", r % 7]);
    });
    const [sheet] = await readWorkbookBuffer(buf);
    expect(sheet.values).toHaveLength(rows);
    expect(sheet.values[rows - 1]).toEqual([rows, `项目${rows}`, rows * 0.01, rows * 0.02, "", rows % 7]);
  });
});

describe("WorkbookReadError", () => {
  const dir = mkdtempSync(join(tmpdir(), "xlsx-read-"));
  const file = (name: string, bytes: Buffer | string) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const ole2 = (extra: Buffer) =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra]);

  it("says missing for a file that does not exist", async () => {
    expect(await codeOf(readWorkbookFile(join(dir, "不存在.xlsx")))).toBe("missing");
  });

  it("says not-xlsx for a text file renamed .xlsx", async () => {
    expect(await codeOf(readWorkbookFile(file("文本.xlsx", "项目\t预算数\n合计\t100\n")))).toBe("not-xlsx");
  });

  it("says not-xlsx for an old .xls (OLE2 without an encrypted package)", async () => {
    expect(await codeOf(readWorkbookFile(file("旧版.xls", ole2(Buffer.from("Workbook", "utf16le")))))).toBe("not-xlsx");
  });

  it("says encrypted for a password-protected workbook", async () => {
    const bytes = ole2(Buffer.concat([Buffer.from("EncryptionInfo", "utf16le"), Buffer.from("EncryptedPackage", "utf16le")]));
    expect(await codeOf(readWorkbookFile(file("加密.xlsx", bytes)))).toBe("encrypted");
  });

  it("says corrupt for a truncated workbook", async () => {
    const whole = await bufferOf((wb) => {
      wb.addWorksheet("表").getCell("A1").value = 1;
    });
    expect(await codeOf(readWorkbookFile(file("截断.xlsx", whole.subarray(0, Math.floor(whole.length / 2)))))).toBe("corrupt");
  });

  it("names the file in its message", async () => {
    const p = file("空.xlsx", "");
    await expect(readWorkbookFile(p)).rejects.toThrow(p);
  });
});
