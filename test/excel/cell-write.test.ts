import { CellContent } from "../../src/excel/gateway";
import { ledgerRows, setup } from "./helpers";

/*
 * The one-cell write behind a fix and its undo, over the fake Excel. Inside an undo group the fake
 * refuses what Excel refuses (protect, unprotect and settings writes give UndoNotSupported) and a
 * group asked of a host below ExcelApi 1.20 fails, so a write that goes through proves the option
 * was passed only where it may be and nothing that clears the undo stack ran inside the group.
 */

const textNumber: CellContent = { value: "300.00", formula: "", numberFormat: "@" };
const number: CellContent = { value: 300, formula: "", numberFormat: "General" };

function workbook(maxApi: string, protection: { protected?: boolean; password?: string } = {}, noUndo?: string[]) {
  const rows = ledgerRows(3);
  rows[3] = ["支出1", { v: "300.00", fmt: "@" }];
  return setup([{ name: "收支总表", rows, ...protection }], { maxApi, noUndo });
}

const cellOf = (fake: ReturnType<typeof setup>["fake"]) => fake.snapshot().sheets[0].cells.B4;

describe("writeCell and Excel's undo", () => {
  it("writes a fix as one undo group where ExcelApi 1.20 is supported, and its undo too", async () => {
    const { fake, gateway } = workbook("1.20");
    await gateway.writeCell!("收支总表", "B4", textNumber, number);
    expect(cellOf(fake)).toMatchObject({ value: 300, numberFormat: "General" });
    await gateway.writeCell!("收支总表", "B4", number, textNumber);
    expect(cellOf(fake)).toMatchObject({ value: "300.00", numberFormat: "@" });
    expect(fake.stats.runOptions).toEqual([{ mergeUndoGroup: true }, { mergeUndoGroup: true }]);
  });

  it("asks for no undo group below ExcelApi 1.20, and writes the same cell", async () => {
    for (const maxApi of ["1.8", "1.19"]) {
      const { fake, gateway } = workbook(maxApi);
      await gateway.writeCell!("收支总表", "B4", textNumber, number);
      expect(cellOf(fake)).toMatchObject({ value: 300, numberFormat: "General" });
      expect(fake.stats.runOptions).toEqual([{}]);
    }
  });

  it("writes a sheet protected without a password outside the group, since unprotect and protect cannot be undone", async () => {
    const { fake, gateway } = workbook("1.20", { protected: true });
    await gateway.writeCell!("收支总表", "B4", textNumber, number);
    expect(cellOf(fake)).toMatchObject({ value: 300 });
    expect(fake.sheet("收支总表").protected).toBe(true);
    // The grouped run only read the cell and its protection; the write ran in a run of its own.
    expect(fake.stats.runOptions).toEqual([{ mergeUndoGroup: true }, {}]);
  });

  it("writes outside the group on a host that answers UndoNotSupported for the write itself", async () => {
    const { fake, gateway } = workbook("1.20", {}, ["Range.numberFormat"]);
    await gateway.writeCell!("收支总表", "B4", textNumber, number);
    expect(cellOf(fake)).toMatchObject({ value: 300, numberFormat: "General" });
    expect(fake.stats.runOptions).toEqual([{ mergeUndoGroup: true }, {}]);
  });

  it("still refuses a sheet protected with a password, and a cell that changed since the check", async () => {
    const locked = workbook("1.20", { protected: true, password: "pw" });
    await expect(locked.gateway.writeCell!("收支总表", "B4", textNumber, number)).rejects.toMatchObject({
      code: "AccessDenied",
      // It names what to do with the pane's own words: no button is called 「修复」.
      message: expect.stringMatching(
        /受密码保护，无法修改单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再在问题卡片上重新修复。$/,
      ),
    });
    expect(cellOf(locked.fake)).toMatchObject({ value: "300.00" });

    const edited = workbook("1.20");
    edited.fake.edit("收支总表", "B4", "310");
    await expect(edited.gateway.writeCell!("收支总表", "B4", textNumber, number)).rejects.toMatchObject({ code: "Changed" });
    expect(edited.fake.stats.runOptions).toEqual([{ mergeUndoGroup: true }]);
  });
});
