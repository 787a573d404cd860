import { parseA1, parseRange } from "../../src/core/address";
import { makeFinding } from "../../src/core/finding";
import { runCheck } from "../../src/excel/check-flow";
import { MARKS_KEY } from "../../src/excel/marks";
import { PROTECTION_OPTIONS } from "../../src/excel/template-ranges";
import { SUMMARY_LAYOUT } from "../../src/templates/summary-spec";
import { FakeExcel } from "../support/fake-excel";
import { ledgerRows, setup } from "./helpers";

const L = SUMMARY_LAYOUT;
const IN = L.columns.income;
const OUT = L.columns.spend;
const key = (row: number, col: number) => row * 16384 + col;

/**
 * Types into the template's input cells as the user would (input cells are unlocked, so the
 * protection allows it) and gives the formula cells the results Excel would recalculate:
 * income 100, spending 90, so the grand totals disagree.
 */
function fillUnbalanced(fake: FakeExcel, sheet: string): void {
  const cells = fake.sheet(sheet).cells;
  const set = (row: number, col: number, value: number) =>
    cells.set(key(row, col), { ...(cells.get(key(row, col)) ?? { value: null }), value });
  set(L.firstItemRow, IN, 100);
  set(L.firstItemRow, OUT, 90);
  for (const row of [L.yearTotalRow, L.grandTotalRow]) {
    set(row, IN, 100);
    set(row, OUT, 90);
  }
}

const isOurs = (formula?: string) => Boolean(formula?.includes("budget-check"));
const marksOn = (fake: FakeExcel, sheet: string) =>
  fake
    .snapshot()
    .sheets.find((s) => s.name === sheet)!
    .conditionalFormats.filter((c) => isOurs(c.formula));
const othersOn = (fake: FakeExcel, sheet: string) =>
  fake
    .snapshot()
    .sheets.find((s) => s.name === sheet)!
    .conditionalFormats.filter((c) => !isOurs(c.formula));
const within = (cell: string, areas: string[]) => {
  const c = parseA1(cell)!;
  return areas.map((a) => parseRange(a)!).some((r) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right);
};
/** Our rules go first, so the template's own rules keep everything but their priority. */
const withoutPriority = <T extends { priority: number }>(list: T[]) => list.map((c) => ({ ...c, priority: undefined }));

async function insertFilledTemplate() {
  const ctx = setup([{ name: "说明", rows: [["本工作簿的说明"]] }]);
  const { sheetName } = await ctx.gateway.insertTemplate("收支总表");
  fillUnbalanced(ctx.fake, sheetName);
  return { ...ctx, sheetName };
}

describe("marks on a sheet the template protected without a password", () => {
  it("marks the filled template and leaves it protected with the template's options", async () => {
    const { fake, gateway, sheetName } = await insertFilledTemplate();
    const before = fake.sheet(sheetName);
    expect(before.protected).toBe(true);
    expect(before.protectionOptions).toEqual(PROTECTION_OPTIONS);
    const templateRules = othersOn(fake, sheetName);
    expect(templateRules.length).toBeGreaterThan(0);

    const run = await runCheck(gateway, "active");
    expect(run.problems).toEqual([]);
    const errors = run.visible.filter((f) => f.sheet === sheetName && f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    const marks = marksOn(fake, sheetName);
    expect(marks.length).toBeGreaterThan(0);
    const marked = marks.flatMap((m) => m.areas);
    for (const f of errors) expect(within(f.cell, marked)).toBe(true);

    const after = fake.sheet(sheetName);
    expect(after.protected).toBe(true);
    expect(after.protectionOptions).toEqual(PROTECTION_OPTIONS);
    expect(after.protectionPassword).toBeNull();
    expect(withoutPriority(othersOn(fake, sheetName))).toEqual(withoutPriority(templateRules));
  });

  it("clears the marks again and leaves the protection and the template's own rules as they were", async () => {
    const { fake, gateway, sheetName } = await insertFilledTemplate();
    const before = fake.snapshot();
    await runCheck(gateway, "active");
    const painted = marksOn(fake, sheetName).length;
    expect(painted).toBeGreaterThan(0);

    const cleared = await gateway.clearMarks();
    expect(cleared).toEqual({ count: painted, problems: [] });
    expect(marksOn(fake, sheetName)).toEqual([]);
    expect(fake.snapshot()).toEqual(before);
  });

  it("keeps options the user changed, not the template's", async () => {
    const { fake, gateway, sheetName } = await insertFilledTemplate();
    const mine = { allowFormatCells: true, allowSort: true, selectionMode: "Unlocked" };
    fake.setProtected(sheetName, true, { options: mine });
    await runCheck(gateway, "active");
    expect(marksOn(fake, sheetName).length).toBeGreaterThan(0);
    expect(fake.sheet(sheetName)).toMatchObject({ protected: true, protectionOptions: mine, protectionPassword: null });
  });
});

describe("a sheet protected with a password", () => {
  const finding = (sheet: string, cell: string) => makeFinding({ rule: "SUM-ROW", sheet, cell, message: "合计不符" });

  it("is reported in Chinese and left untouched; the other sheets, protected or not, are still marked", async () => {
    const { fake, gateway } = setup([
      { name: "有密码", rows: ledgerRows(5), protected: true, password: "secret", protectionOptions: { allowSort: true } },
      { name: "无密码", rows: ledgerRows(5), protected: true, protectionOptions: { allowFormatRows: true } },
      { name: "未保护", rows: ledgerRows(5) },
    ]);
    const before = fake.snapshot().sheets[0];
    const result = await gateway.paint(
      [finding("有密码", "B9"), finding("无密码", "B9"), finding("未保护", "B8")],
      ["有密码", "无密码", "未保护"],
    );
    expect(result).toEqual({
      count: 2,
      problems: [
        {
          sheet: "有密码",
          code: "AccessDenied",
          message: "工作表“有密码”受保护，无法添加标记。请撤销工作表保护后重试；检查结果不受影响。",
        },
      ],
    });
    expect(fake.snapshot().sheets[0]).toEqual(before);
    expect(fake.sheet("有密码")).toMatchObject({
      protected: true,
      protectionPassword: "secret",
      protectionOptions: { allowSort: true },
    });
    expect(marksOn(fake, "无密码").map((m) => m.areas)).toEqual([["B9"]]);
    expect(fake.sheet("无密码")).toMatchObject({
      protected: true,
      protectionPassword: null,
      protectionOptions: { allowFormatRows: true },
    });
    expect(marksOn(fake, "未保护").map((m) => m.areas)).toEqual([["B8"]]);
    expect(fake.state.settings.get(MARKS_KEY)).toEqual({ version: 2, sheets: { 无密码: 1, 未保护: 1 } });
  });

  it("reports marks it cannot clear after the user added a password, and clears the rest", async () => {
    const { fake, gateway } = setup([
      { name: "表一", rows: ledgerRows(5) },
      { name: "表二", rows: ledgerRows(5), protected: true },
    ]);
    await gateway.paint([finding("表一", "B9"), finding("表二", "B9")], ["表一", "表二"]);
    expect(marksOn(fake, "表二")).toHaveLength(1);
    fake.setProtected("表一", true, { password: "pw" });
    const cleared = await gateway.clearMarks();
    expect(cleared).toEqual({
      count: 1,
      problems: [{ sheet: "表一", code: "AccessDenied", message: expect.stringContaining("工作表“表一”受保护，无法清除标记") }],
    });
    expect(marksOn(fake, "表一")).toHaveLength(1);
    expect(marksOn(fake, "表二")).toEqual([]);
    expect(fake.sheet("表一")).toMatchObject({ protected: true, protectionPassword: "pw" });
    expect(fake.sheet("表二")).toMatchObject({ protected: true, protectionPassword: null });
    // The record keeps the marks that are still there, and only those.
    expect(fake.state.settings.get(MARKS_KEY)).toEqual({ version: 2, sheets: { 表一: 1 } });
  });

  it("protects a sheet again with its options when a write fails after unprotect went through", async () => {
    const { fake, gateway } = setup([
      { name: "表一", rows: ledgerRows(5), protected: true, protectionOptions: { allowSort: true } },
      { name: "表二", rows: ledgerRows(5) },
    ]);
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    // XFE lies past Excel's last column: the host refuses the mark after the sheet was unprotected.
    const result = await gateway.paint([finding("表一", "XFE1"), finding("表二", "B9")], ["表一", "表二"]);
    log.mockRestore();
    expect(result).toEqual({
      count: 1,
      problems: [
        {
          sheet: "表一",
          code: "Unknown",
          message: "添加标记时出错。请稍后重试；如果问题反复出现，请保存工作簿，关闭后重新打开再试。",
        },
      ],
    });
    expect(fake.sheet("表一")).toMatchObject({
      protected: true,
      protectionOptions: { allowSort: true },
      protectionPassword: null,
    });
    expect(marksOn(fake, "表二")).toHaveLength(1);
  });

  it("does not unprotect a protected sheet that has nothing to mark or clear", async () => {
    const { gateway } = setup([
      { name: "有密码", rows: ledgerRows(5), protected: true, password: "pw" },
      { name: "表二", rows: ledgerRows(5) },
    ]);
    expect(await gateway.paint([finding("表二", "B9")], ["有密码", "表二"])).toEqual({ count: 1, problems: [] });
    expect(await gateway.clearMarks()).toEqual({ count: 1, problems: [] });
  });
});

describe("syncs", () => {
  const finding = (sheet: string, cell: string) => makeFinding({ rule: "SUM-ROW", sheet, cell, message: "合计不符" });
  const rowsOf = (n: number) => ledgerRows(n);

  async function paintSyncs(protectedSheets: number, rows: number): Promise<number> {
    const names = ["甲", "乙", "丙", "丁"];
    const { fake, gateway } = setup(names.map((name, i) => ({ name, rows: rowsOf(rows), protected: i < protectedSheets })));
    const start = fake.syncCount;
    const result = await gateway.paint(
      names.map((n) => finding(n, "B4")),
      names,
    );
    expect(result.problems).toEqual([]);
    return fake.syncCount - start;
  }

  it("paints unprotected sheets in 3 syncs and adds one per protected sheet, whatever the rows", async () => {
    expect(await paintSyncs(0, 5)).toBe(3);
    expect(await paintSyncs(0, 500)).toBe(3);
    expect(await paintSyncs(1, 5)).toBe(4);
    expect(await paintSyncs(2, 5)).toBe(5);
    expect(await paintSyncs(2, 500)).toBe(5);
  });

  it("checks the filled template in 4 syncs: 3 as for an unprotected sheet, plus its own batch", async () => {
    const { fake, gateway } = await insertFilledTemplate();
    const start = fake.syncCount;
    await runCheck(gateway, "active");
    expect(fake.syncCount - start).toBe(4);
  });
});
