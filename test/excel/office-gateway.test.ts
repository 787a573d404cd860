import { makeFinding } from "../../src/core/finding";
import { runCheck } from "../../src/excel/check-flow";
import { MARKS_KEY } from "../../src/excel/marks";
import { GatewayError } from "../../src/excel/gateway";
import { FakeSheetInit } from "../support/fake-excel";
import { ledgerRows, setup } from "./helpers";

type Ctx = any; // the fake is structurally Excel's RequestContext; the test plays the user through it

const userFormats = {
  conditionalFormats: [{ address: "B4:B8", formula: "=B4>100", fill: "#00B050" }],
};

function finding(sheet: string, cell: string, severity?: "error" | "warning" | "info") {
  return makeFinding({ rule: "SUM-ROW", sheet, cell, message: "合计不符" }, severity);
}

describe("readSheets", () => {
  it("reads values, formulas, texts, number formats and merges of the used range", async () => {
    const { gateway } = setup([
      {
        name: "收支总表",
        origin: "B2",
        rows: [
          ["标题", null],
          ["工资", { v: 1850.2, fmt: "#,##0.00" }],
          ["合计", { v: 1850.2, f: "=SUM(C3)", fmt: "#,##0.00" }],
        ],
        merges: ["B2:C2"],
      },
    ]);
    const { snapshots, problems } = await gateway.readSheets("active");
    expect(problems).toEqual([]);
    const s = snapshots[0];
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.values).toEqual([
      ["标题", null],
      ["工资", 1850.2],
      ["合计", 1850.2],
    ]);
    expect(s.formulas).toEqual([
      ["", ""],
      ["", ""],
      ["", "=SUM(C3)"],
    ]);
    expect(s.texts[2][1]).toBe("1,850.20");
    expect(s.numberFormats[1]).toEqual(["General", "#,##0.00"]);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it("reads every visible sheet for scope all, an empty sheet as an empty snapshot, and skips merges below ExcelApi 1.13", async () => {
    const { gateway } = setup(
      [{ name: "甲", rows: [["a"]], merges: ["A1:B1"] }, { name: "空" }, { name: "隐藏", rows: [["x"]], visibility: "Hidden" }],
      { maxApi: "1.12" },
    );
    const progress: string[] = [];
    const { snapshots, problems } = await gateway.readSheets("all", (done, total, sheet) =>
      progress.push(`${done}/${total} ${sheet}`),
    );
    expect(snapshots.map((s) => s.name)).toEqual(["甲", "空"]);
    expect(problems).toEqual([{ code: "HiddenSheetSkipped", message: expect.stringContaining("隐藏的工作表未检查：隐藏") }]);
    expect(snapshots[0].merges).toEqual([]);
    expect(snapshots[1].values).toEqual([]);
    expect(progress).toEqual(["1/2 甲", "2/2 空"]);
  });

  it("skips a sheet whose used range is over 5 million cells, says how many cells hold content, and reads the others", async () => {
    const big = setup([
      { name: "大表", rows: [["a"]] },
      { name: "小表", rows: ledgerRows(3) },
    ]);
    big.fake.sheet("大表").cells.set(400 * 16384 + 16383, { value: 1 }); // XFD401: 401 × 16384 cells
    const before = big.fake.syncCount;
    const { snapshots, problems } = await big.gateway.readSheets("all");
    expect(snapshots.map((s) => s.name)).toEqual(["小表"]);
    expect(problems).toEqual([
      { sheet: "大表", code: "SheetTooLarge", message: expect.stringContaining("工作表“大表”有内容的单元格只有 2 个") },
    ]);
    expect(problems[0].message).toContain("6,569,984");
    // The sheet list, the first read (all of 小表), and the count, which waits for the used range that calls for it.
    expect(big.fake.syncCount - before).toBe(3);
    // Below ExcelApi 1.9 the count is unknown, and the note states the limit in cells with content.
    const old = setup([{ name: "大表", rows: [["a"]] }], { maxApi: "1.8" });
    old.fake.sheet("大表").cells.set(400 * 16384 + 16383, { value: 1 });
    const plain = await old.gateway.readSheets("all");
    expect(plain.problems[0].message).toMatch(
      /已用区域有 6,569,984 个单元格，超过可检查的上限（有内容的单元格 2,000,000 个），未检查/,
    );
  });

  it("skips a sheet with more cells holding content than the limit and keeps the others", async () => {
    const { withinContentLimit } = await import("../../src/excel/read");
    const { gridSheet } = await import("../../src/core/snapshot");
    const full = gridSheet("满表", [
      [1, 2, null],
      [{ v: null, f: "=A1" }, "x", null],
    ]);
    const small = gridSheet("小表", [[1, null]]);
    const problems: { message: string }[] = [];
    // Four cells hold content (a value or a formula); with a limit of 3 the sheet is skipped.
    expect(withinContentLimit([full, small], problems as never, 3).map((s) => s.name)).toEqual(["小表"]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^工作表“满表”有内容的单元格有 4 个，超过可检查的上限（有内容的单元格 3 个），未检查/),
    ]);
    expect(withinContentLimit([full], [], 4)).toHaveLength(1);
  });

  it("reads sheets too big for one response in several syncs, moving progress sheet by sheet", async () => {
    // 20,000 × 2 cells at 120 bytes each is 4.8 MB: each sheet needs a response of its own.
    const rows = ledgerRows(20_000);
    const { fake, gateway } = setup([
      { name: "甲", rows },
      { name: "乙", rows },
      { name: "丙", rows: ledgerRows(5) },
    ]);
    const before = fake.syncCount;
    const progress: string[] = [];
    const { snapshots } = await gateway.readSheets("all", (done, total, sheet) => progress.push(`${done}/${total} ${sheet}`));
    expect(snapshots.map((s) => [s.name, s.values.length])).toEqual([
      ["甲", rows.length],
      ["乙", rows.length],
      ["丙", 3 + 5 + 1],
    ]);
    expect(progress).toEqual(["1/3 甲", "2/3 乙", "3/3 丙"]);
    expect(fake.syncCount - before).toBeGreaterThan(3);
  });

  /** The same sheet read alone through the active-sheet path: used range first, then blocks. */
  async function blockByBlock(sheets: FakeSheetInit[], name: string) {
    const { gateway } = setup(sheets, { active: name });
    return (await gateway.readSheets("active")).snapshots[0];
  }

  it("reads named sheets in 2 syncs, their cells coming with their used ranges, as block by block would", async () => {
    const sheets: FakeSheetInit[] = [
      {
        name: "收支总表",
        origin: "B2",
        rows: [
          ["收支总表", null],
          ["工资", { v: 1850.2, fmt: "#,##0.00" }],
          ["合计", { v: 1850.2, f: "=SUM(C3)", fmt: "#,##0.00" }],
        ],
        merges: ["B2:C2", "F40:G40"],
      },
      { name: "空" },
      { name: "指标", rows: ledgerRows(5000) },
    ];
    const { fake, gateway } = setup(sheets);
    const progress: string[] = [];
    const { snapshots, problems } = await gateway.readSheets("all", (done, total, sheet) =>
      progress.push(`${done}/${total} ${sheet}`),
    );
    expect(fake.syncCount).toBe(2);
    expect(problems).toEqual([]);
    expect(progress).toEqual(["1/3 收支总表", "2/3 空", "3/3 指标"]);
    for (const name of ["收支总表", "空", "指标"])
      expect(snapshots.find((s) => s.name === name)).toEqual(await blockByBlock(sheets, name));
    // The merge outside the used range is left out, as a read of the used range leaves it out.
    expect(snapshots[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it("reads what the first read could not hold in blocks: the rows below it, and a sheet wider than it whole", async () => {
    const { FIRST_READ_CELLS, FIRST_READ_COLUMNS } = await import("../../src/excel/read");
    // Two sheets share the first read: each gets its first FIRST_READ_CELLS / 2 / FIRST_READ_COLUMNS rows.
    const windowRows = Math.floor(FIRST_READ_CELLS / 2 / FIRST_READ_COLUMNS);
    const tall = ledgerRows(windowRows + 1000);
    const wide: FakeSheetInit = {
      name: "宽表",
      rows: [["科目", ...Array.from({ length: FIRST_READ_COLUMNS + 5 }, (_, i) => i)]],
    };
    const sheets: FakeSheetInit[] = [{ name: "长表", rows: tall, merges: [`A${windowRows + 500}:B${windowRows + 500}`] }, wide];
    const { fake, gateway } = setup(sheets);
    const { snapshots } = await gateway.readSheets("all");
    expect(snapshots[0].values).toHaveLength(tall.length);
    expect(snapshots[0]).toEqual(await blockByBlock(sheets, "长表"));
    expect(snapshots[0].merges).toEqual([{ top: windowRows + 499, left: 0, bottom: windowRows + 499, right: 1 }]);
    expect(snapshots[1]).toEqual(await blockByBlock(sheets, "宽表"));
    // Sheet list, first read, then one batch for the rest of both sheets.
    expect(fake.syncCount).toBe(3);
  });

  it("falls back to the used ranges alone when Excel refuses the first read as too large, and reads the same cells", async () => {
    const text = "项目支出绩效目标说明".repeat(4);
    const rows = Array.from({ length: 300 }, (_, i) => [text, i]);
    const sheets: FakeSheetInit[] = [
      { name: "甲", rows },
      { name: "乙", rows },
    ];
    const limit = 150_000;
    const { fake, gateway } = setup(sheets, { responseLimitBytes: limit });
    const { snapshots } = await gateway.readSheets("all");
    expect(snapshots.map((s) => s.values.length)).toEqual([300, 300]);
    for (const [i, name] of ["甲", "乙"].entries()) expect(snapshots[i]).toEqual(await blockByBlock(sheets, name));
    expect(fake.stats.lastResponseBytes).toBeLessThanOrEqual(limit);
    // The refused first read, the used ranges alone, then blocks small enough to fit.
    expect(fake.syncCount).toBeGreaterThan(3);
  });

  it("re-reads in smaller blocks when cells are longer than the size estimate", async () => {
    const long = "很长的说明文字".repeat(40);
    const rows = Array.from({ length: 300 }, (_, i) => [long, i]);
    const { fake, gateway } = setup([{ name: "指标", rows }], { responseLimitBytes: 200_000 });
    const { snapshots } = await gateway.readSheets("active");
    expect(snapshots[0].values).toHaveLength(300);
    expect(snapshots[0].values[299]).toEqual([long, 299]);
    expect(fake.stats.lastResponseBytes).toBeLessThanOrEqual(200_000);
  });

  it("says in Chinese that Excel is in cell-edit mode", async () => {
    const { fake, gateway } = setup([{ name: "S", rows: [[1]] }]);
    fake.setEditMode(true);
    await expect(gateway.readSheets("active")).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
      message: expect.stringContaining("正在编辑单元格"),
    });
  });
});

describe("paint and clear", () => {
  it("leaves the workbook exactly as before after paint then clear, the user's own formats included", async () => {
    const { fake, gateway } = setup([
      { name: "表一", rows: ledgerRows(5, 49), ...userFormats },
      { name: "表二", rows: ledgerRows(2) },
    ]);
    fake.sheet("表一").cells.get(3 * 16384 + 1)!.format = { "fill.color": "#FFFF00" };
    const before = fake.snapshot();
    const painted = await gateway.paint(
      [finding("表一", "B9"), finding("表一", "B4", "warning"), finding("表一", "B5", "warning"), finding("表二", "B6", "info")],
      ["表一", "表二"],
    );
    expect(painted).toEqual({ count: 4, problems: [] });
    const during = fake.snapshot();
    expect(during.sheets[0].conditionalFormats.filter((c) => c.formula?.includes("budget-check"))).toHaveLength(2);
    expect(during.sheets[0].cells).toEqual(before.sheets[0].cells);
    const cleared = await gateway.clearMarks();
    expect(cleared).toEqual({ count: 3, problems: [] });
    expect(fake.snapshot()).toEqual(before);
  });

  it("colours by severity and merges cells into rectangles", async () => {
    const { fake, gateway } = setup([{ name: "表一", rows: ledgerRows(5) }]);
    await gateway.paint(
      [
        finding("表一", "B4"),
        finding("表一", "B5"),
        finding("表一", "B6"),
        finding("表一", "A9", "info"),
        finding("表一", "B9", "warning"),
        finding("表一", "B9", "error"),
      ],
      ["表一"],
    );
    const cfs = fake.snapshot().sheets[0].conditionalFormats;
    const byColour = Object.fromEntries(cfs.map((c) => [c.format["fill.color"], c.areas]));
    expect(byColour).toEqual({ "#FFC7CE": ["B4:B6", "B9"], "#BDD7EE": ["A9"] });
  });

  it("replaces earlier marks on a re-check instead of stacking them, and keeps other sheets' marks", async () => {
    const { fake, gateway } = setup([
      { name: "表一", rows: ledgerRows(5) },
      { name: "表二", rows: ledgerRows(5) },
    ]);
    await gateway.paint([finding("表一", "B9"), finding("表二", "B9")], ["表一", "表二"]);
    await gateway.paint([finding("表一", "B9")], ["表一"]);
    await gateway.paint([finding("表一", "B8")], ["表一"]);
    const sheets = fake.snapshot().sheets;
    expect(sheets[0].conditionalFormats.map((c) => c.areas)).toEqual([["B8"]]);
    expect(sheets[1].conditionalFormats.map((c) => c.areas)).toEqual([["B9"]]);
    expect(fake.state.settings.get(MARKS_KEY)).toEqual({ version: 2, sheets: { 表一: 1, 表二: 1 } });
  });

  it("writes the marks record only when it changes, so a re-check that marks the same sheets writes no setting", async () => {
    const { fake, gateway } = setup([
      { name: "表一", rows: ledgerRows(5) },
      { name: "表二", rows: ledgerRows(5) },
    ]);
    await gateway.paint([finding("表一", "B9"), finding("表二", "B9")], ["表一", "表二"]);
    expect(fake.stats.settingsWrites).toBe(1);
    // Another cell of the same severity: the same number of formats on each sheet.
    await gateway.paint([finding("表一", "B8"), finding("表二", "B9")], ["表一", "表二"]);
    expect(fake.stats.settingsWrites).toBe(1);
    expect(fake.snapshot().sheets[0].conditionalFormats.map((c) => c.areas)).toEqual([["B8"]]);
    await gateway.paint([finding("表二", "B9")], ["表一", "表二"]);
    expect(fake.stats.settingsWrites).toBe(2);
    expect(fake.state.settings.get(MARKS_KEY)).toEqual({ version: 2, sheets: { 表二: 1 } });
  });

  it("never deletes a user's rule that now holds an id one of our marks had: ids are priorities and shift", async () => {
    const { fake, gateway } = setup([{ name: "表一", rows: ledgerRows(5), ...userFormats }]);
    const ids = () =>
      fake.Excel.run(async (ctx: Ctx) => {
        const list = ctx.workbook.worksheets
          .getItem("表一")
          .getRange()
          .conditionalFormats.load("items/id,items/customOrNullObject/rule/formula");
        await ctx.sync();
        return Object.fromEntries(list.items.map((cf: Ctx) => [cf.customOrNullObject.rule.formula, cf.id]));
      });
    await gateway.paint([finding("表一", "B9")], ["表一"]);
    const ours = Object.keys(await ids()).find((f) => f.includes("budget-check"))!;
    const oursWas = (await ids())[ours];
    // The user adds a rule of their own; Excel puts it first and it takes over our mark's id.
    await fake.Excel.run(async (ctx: Ctx) => {
      const cf = ctx.workbook.worksheets.getItem("表一").getRange("B4:B8").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=B4<0";
      cf.custom.format.fill.color = "#FF0000";
      await ctx.sync();
    });
    expect((await ids())["=B4<0"]).toBe(oursWas);
    expect((await ids())[ours]).not.toBe(oursWas);
    const before = fake.snapshot().sheets[0].conditionalFormats.filter((c) => c.formula === "=B4<0" || c.formula === "=B4>100");
    expect(await gateway.clearMarks()).toEqual({ count: 1, problems: [] });
    const after = fake.snapshot();
    expect(after.sheets[0].conditionalFormats.map((c) => ({ ...c, priority: undefined }))).toEqual(
      before.map((c) => ({ ...c, priority: undefined })),
    );
    expect(after.settings).toEqual({});
  });

  it("reads the older record of ids as per-sheet counts: a password-protected sheet that holds marks is still reported", async () => {
    const { fake, gateway } = setup([
      { name: "表一", rows: ledgerRows(5) },
      { name: "表二", rows: ledgerRows(5) },
    ]);
    await gateway.paint([finding("表一", "B9"), finding("表二", "B9")], ["表一", "表二"]);
    fake.setProtected("表一", true, { password: "pw" });
    fake.state.settings.set(MARKS_KEY, { version: 1, sheets: { 表一: ["{3}", "{4}"], 表二: ["{0}"] } });
    const cleared = await gateway.clearMarks();
    expect(cleared).toEqual({
      count: 1,
      problems: [{ sheet: "表一", code: "AccessDenied", message: expect.stringContaining("表一") }],
    });
    expect(fake.state.settings.get(MARKS_KEY)).toEqual({ version: 2, sheets: { 表一: 2 } });
    expect(fake.snapshot().sheets[1].conditionalFormats).toEqual([]);
  });

  it("uses one format per rectangle below ExcelApi 1.9 and splits long area lists into chunks", async () => {
    const old = setup([{ name: "表一", rows: ledgerRows(5) }], { maxApi: "1.8" });
    await old.gateway.paint([finding("表一", "B4"), finding("表一", "A9")], ["表一"]);
    expect(old.fake.snapshot().sheets[0].conditionalFormats.map((c) => c.areas)).toEqual([["A9"], ["B4"]]);

    const many = setup([{ name: "表一", rows: ledgerRows(5) }]);
    const scattered = Array.from({ length: 3000 }, (_, i) => finding("表一", `${i % 2 ? "C" : "E"}${2 * i + 1}`));
    expect((await many.gateway.paint(scattered, ["表一"])).count).toBe(3000);
    const cfs = many.fake.snapshot().sheets[0].conditionalFormats;
    expect(cfs.length).toBeGreaterThan(1);
    expect(cfs.reduce((n, c) => n + c.areas.length, 0)).toBe(3000);
    expect(cfs.every((c) => c.areas.join(",").length < 8000)).toBe(true);
  });

  it("reports a password-protected sheet in Chinese, still marks the others, and clear leaves it alone", async () => {
    const { fake, gateway } = setup([
      { name: "收支总表", rows: ledgerRows(5), protected: true, password: "pw" },
      { name: "表二", rows: ledgerRows(5) },
    ]);
    const result = await gateway.paint([finding("收支总表", "B9"), finding("表二", "B9")], ["收支总表", "表二"]);
    expect(result.count).toBe(1);
    expect(result.problems).toEqual([
      {
        sheet: "收支总表",
        code: "AccessDenied",
        message: "工作表“收支总表”受保护，无法添加标记。请撤销工作表保护后重试；检查结果不受影响。",
      },
    ]);
    expect(fake.snapshot().sheets[1].conditionalFormats).toHaveLength(1);
    fake.setProtected("表二", true, { password: "pw" });
    const cleared = await gateway.clearMarks();
    expect(cleared.problems.map((p) => [p.sheet, p.code])).toEqual([["表二", "AccessDenied"]]);
    expect(fake.snapshot().sheets[1].conditionalFormats).toHaveLength(1);
  });

  it("returns problems instead of throwing: edit mode, a missing sheet, conditional formats unsupported", async () => {
    const { fake, gateway } = setup([{ name: "表一", rows: ledgerRows(5) }]);
    fake.setEditMode(true);
    const edit = await gateway.paint([finding("表一", "B9")], ["表一"]);
    expect(edit.problems[0]).toMatchObject({
      code: "InvalidOperationInCellEditMode",
      message: expect.stringContaining("按 Enter 或 Esc"),
    });
    fake.setEditMode(false);
    const gone = await gateway.paint([finding("已删除", "B9")], ["已删除"]);
    expect(gone.problems).toEqual([
      { sheet: "已删除", code: "ItemNotFound", message: expect.stringContaining("找不到工作表“已删除”") },
    ]);
    const old = setup([{ name: "表一", rows: ledgerRows(5) }], { maxApi: "1.5" });
    const unsupported = await old.gateway.paint([finding("表一", "B9")], ["表一"]);
    expect(unsupported.problems[0]).toMatchObject({
      code: "RequirementSetMissing",
      message: expect.stringContaining("ExcelApi 1.6"),
    });
  });
});

describe("select, settings", () => {
  it("activates the sheet and selects the cell", async () => {
    const { fake, gateway } = setup([
      { name: "表一", rows: ledgerRows(2) },
      { name: "表二", rows: ledgerRows(2) },
    ]);
    await gateway.select("表二", "B6");
    expect(fake.selection()).toEqual({ sheet: "表二", address: "B6" });
  });

  it("says a vanished sheet cannot be found", async () => {
    const { gateway } = setup([{ name: "表一" }]);
    const error = await gateway.select("表九", "A1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({
      code: "ItemNotFound",
      message: "找不到工作表“表九”，它可能已被删除或改名。请重新检查后再试。",
    });
  });

  it("round-trips settings, defaults when absent, and drops malformed fields", async () => {
    const { fake, gateway } = setup([{ name: "表一" }]);
    expect(await gateway.loadSettings()).toEqual({ tolerance: "0.01", ignored: [] });
    await gateway.saveSettings({ tolerance: "0.5", ignored: ["SUM-ROW|表一|合计"] });
    expect(await gateway.loadSettings()).toEqual({ tolerance: "0.5", ignored: ["SUM-ROW|表一|合计"] });
    fake.state.settings.set("budgetCheck.settings", { tolerance: "很多", ignored: [1, "x"] });
    expect(await gateway.loadSettings()).toEqual({ tolerance: "0.01", ignored: ["x"] });
  });

  it("refuses to save settings in cell-edit mode with its error code", async () => {
    const { fake, gateway } = setup([{ name: "表一" }]);
    fake.setEditMode(true);
    await expect(gateway.saveSettings({ tolerance: "0.01", ignored: [] })).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
  });
});

describe("runCheck over the gateway", () => {
  async function syncsToCheck(
    items: number,
    scope: "active" | "all" = "active",
  ): Promise<{ syncs: number; errors: number; marks: number }> {
    const { fake, gateway } = setup([
      { name: "收支总表", rows: ledgerRows(items, items * 10 - 1) },
      { name: "说明", rows: [["说明"]] },
    ]);
    const run = await runCheck(gateway, scope);
    return {
      syncs: fake.syncCount,
      errors: run.visible.filter((f) => f.severity === "error").length,
      marks: fake.snapshot().sheets[0].conditionalFormats.length,
    };
  }

  it("checks the active sheet in 3 syncs for 50 rows and 5,000 rows alike: settings with the sheet list, read, paint", async () => {
    const small = await syncsToCheck(50);
    const large = await syncsToCheck(5000);
    expect(small.errors).toBeGreaterThan(0);
    expect(large.errors).toBeGreaterThan(0);
    expect(small.marks).toBeGreaterThan(0);
    expect(large.marks).toBeGreaterThan(0);
    expect(small.syncs).toBe(3);
    expect(large.syncs).toBe(3);
  });

  it("checks the workbook in 3 syncs too, for 50 rows and 5,000 rows alike: settings with the sheet list, the used ranges with their cells, paint", async () => {
    const small = await syncsToCheck(50, "all");
    const large = await syncsToCheck(5000, "all");
    expect(small).toEqual({ ...(await syncsToCheck(50)), syncs: 3 });
    expect(large).toEqual({ ...(await syncsToCheck(5000)), syncs: 3 });
    expect(large.errors).toBeGreaterThan(0);
    expect(large.marks).toBeGreaterThan(0);
  });

  it("checks the workbook with hidden, protected and oversize sheets: each named, the others checked and marked", async () => {
    const { fake, gateway } = setup([
      { name: "收支总表", rows: ledgerRows(5, 49) },
      { name: "模板", rows: ledgerRows(5, 49), protected: true },
      { name: "有密码", rows: ledgerRows(5, 49), protected: true, password: "pw" },
      { name: "隐藏", rows: ledgerRows(5, 49), visibility: "Hidden" },
      { name: "大表", rows: [["a"]] },
    ]);
    fake.sheet("大表").cells.set(400 * 16384 + 16383, { value: 1 });
    const progress: number[] = [];
    const run = await runCheck(gateway, "all", (stage, done) => stage === "read" && progress.push(done));
    expect(run.result.sheets.map((s) => s.name)).toEqual(["收支总表", "模板", "有密码"]);
    expect(run.problems.map((p) => [p.sheet, p.code])).toEqual([
      [undefined, "HiddenSheetSkipped"],
      ["大表", "SheetTooLarge"],
      ["有密码", "AccessDenied"],
    ]);
    expect(progress).toEqual([1, 2, 3]);
    const marked = (name: string) =>
      fake.sheet(name).conditionalFormats.filter((c) => c.formula?.includes("budget-check")).length;
    expect([marked("收支总表"), marked("模板"), marked("有密码"), marked("隐藏")]).toEqual([1, 1, 0, 0]);
    expect(fake.sheet("模板").protected).toBe(true);
  });

  it("gives the same findings and marks in one run as through separate settings, read and paint", async () => {
    const one = setup([{ name: "收支总表", rows: ledgerRows(20, 199) }]);
    const separate = setup([{ name: "收支总表", rows: ledgerRows(20, 199) }]);
    const viaOne = await runCheck(one.gateway, "active");
    const viaSeparate = await runCheck({ ...separate.gateway, check: undefined }, "active");
    expect(viaOne.visible).toEqual(viaSeparate.visible);
    expect(one.fake.snapshot().sheets[0].conditionalFormats).toEqual(separate.fake.snapshot().sheets[0].conditionalFormats);
  });

  it("drops ignored findings from the marks", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: ledgerRows(5, 49) }]);
    const first = await runCheck(gateway, "active");
    const sum = first.visible.find((f) => f.rule === "SUM-ROW")!;
    await gateway.saveSettings({ tolerance: "0.01", ignored: [sum.id] });
    const second = await runCheck(gateway, "active");
    expect(second.ignored.map((f) => f.id)).toEqual([sum.id]);
    const marked = fake.snapshot().sheets[0].conditionalFormats.flatMap((c) => c.areas);
    expect(marked).not.toContain(sum.cell);
  });
});

describe("templates through the gateway", () => {
  it("inserts a template as a new sheet under a free name, range by range below ExcelApi 1.13", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: [["旧数据"]] }], { maxApi: "1.12" });
    const before = fake.snapshot().sheets[0];
    const { sheetName } = await gateway.insertTemplate("收支总表");
    expect(sheetName).not.toBe("收支总表");
    expect(fake.snapshot().sheets.map((s) => s.name)).toContain(sheetName);
    expect(fake.snapshot().sheets[0]).toEqual(before);
    expect(fake.selection().sheet).toBe(sheetName);
  });

  it("reports a template insert in cell-edit mode in Chinese", async () => {
    const { fake, gateway } = setup([{ name: "S" }]);
    fake.setEditMode(true);
    await expect(gateway.insertTemplate("绩效指标")).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
      message: expect.stringContaining("插入模板"),
    });
  });
});
