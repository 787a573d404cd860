import { makeFinding } from "../../src/core/finding";
import { FixPlan, NO_FIXES, fixOutcome, planFix, undoWrites } from "../../src/core/fixes";
import { LiteralCell, SheetView, gridSheet } from "../../src/core/snapshot";

describe("fix planners", () => {
  const view = new SheetView(
    gridSheet("表", [
      ["项目", "金额"],
      ["甲", 10],
      ["乙", { v: "1,060.41", fmt: "@" }],
      ["合计", 1070],
      ["完成率", "≧９５％"],
      ["满意度", "≥0.85"],
      ["公式", { v: 5, f: "=B2/2" }],
    ]),
  );
  const at = (rule: string, cell: string, related: string[] = []) =>
    makeFinding({ rule: rule as "SUM-ROW", sheet: "表", cell, related, message: "m" });
  const only = (rule: string, cell: string, related?: string[]) => {
    const plan = planFix(at(rule, cell, related), view)!;
    expect(plan.writes).toHaveLength(1);
    return plan.writes[0];
  };

  test("a text number becomes a number, in General format if it was text; undo writes the old content back", () => {
    const write = only("CELL-TEXTNUM", "B3");
    expect(write.after).toEqual({ value: 1060.41, formula: "", numberFormat: "General" });
    expect(write.before).toEqual({ value: "1,060.41", formula: "", numberFormat: "@" });
    expect(write.description).toBe("表!B3：文本“1,060.41” → 数字 1060.41");
    const [undo] = undoWrites(planFix(at("CELL-TEXTNUM", "B3"), view)!);
    expect(undo.after).toEqual(write.before);
    expect(undo.before).toEqual({ value: 1060.41, formula: "", numberFormat: undefined });
  });

  test("a typed total becomes =SUM over its items; a formula cell is never rewritten", () => {
    const plan = planFix(at("SUM-ROW", "B4", ["B2"]), view)!;
    expect(plan.writes.map((w) => w.after.formula)).toEqual(["=SUM(B2)"]);
    expect(planFix(at("SUM-ROW", "B7", ["B2"]), view)).toBeNull();
    expect(planFix(at("SUM-ROW", "B4", []), view)).toBeNull();
    expect(planFix(at("BAL-BALANCE", "B4", ["B2"]), view)).toBeNull();
  });

  test("no =SUM where it would not give the value the finding expects (an item blamed under its sum's rule)", () => {
    const item = (related: string[], expected: string) =>
      makeFinding({ rule: "SUM-ROW", sheet: "表", cell: "B2", related, message: "m", actual: "10", expected });
    // B2 is the culprit item; its related cells are the total and the other item: =SUM(B3:B4) is not 9.
    expect(planFix(item(["B3", "B4"], "9"), view)).toBeNull();
    const total = (expected: string) =>
      makeFinding({ rule: "SUM-ROW", sheet: "表", cell: "B4", related: ["B2"], message: "m", actual: "1070", expected });
    expect(planFix(total("10"), view)).not.toBeNull();
    expect(planFix(total("12"), view)).toBeNull();
  });

  test("full-width signs become half-width; a fraction beside ≥ becomes a percentage", () => {
    expect(only("IND-FULLWIDTH", "B5").after.value).toBe("≥95%");
    expect(only("IND-FRACTION-PERCENT", "B6").after).toEqual({ value: "≥85%", formula: "", numberFormat: "@" });
    expect(planFix(at("IND-EMPTY", "B6"), view)).toBeNull();
  });

  test("a host that applies no fixes gets no plan", () => {
    expect(planFix(at("CELL-TEXTNUM", "B3"), view, NO_FIXES)).toBeNull();
    expect(planFix(at("CELL-TEXTNUM", "B3"), view, new Set(["CELL-TEXTNUM"]))).not.toBeNull();
  });

  const summary = new SheetView(
    gridSheet("收支总表", [
      ["项目", "预算数"],
      ["一、拨款收入", 150],
      ["二、事业收入", 30],
      ["本年收入合计", 175],
      ["上年结转结余", 20],
      ["收入总计", 210],
    ]),
  );
  const grand = (related: string[]) =>
    planFix(makeFinding({ rule: "BAL-INCOME-TOTAL", sheet: "收支总表", cell: "B6", related, message: "m" }), summary);

  test("收入总计 becomes the SUM of 本年收入合计 and the rows below it", () => {
    expect(grand(["B4", "B5"])!.writes[0].after.formula).toBe("=SUM(B4:B5)");
  });

  test("收入总计 judged against the items (本年收入合计 itself wrong) waits for that total's own fix", () => {
    // A SUM skipping B4 would be FORMULA-OMITS once B4 is put right.
    expect(grand(["B2", "B3", "B5"])).toBeNull();
  });

  test("a parent code's fix adds its children below it, as ranges around the grandchildren; children above it are refused", () => {
    const codes = new SheetView(
      gridSheet("支出", [
        ["205", "教育支出", 12],
        ["20501", "教育管理事务", 5],
        ["2050101", "行政运行", 5],
        ["20502", "普通教育", 6],
        ["20503", "职业教育", null],
        ["206", "科学技术支出", 3],
      ]),
    );
    const tree = (cell: string, related: string[]) =>
      fixOutcome(makeFinding({ rule: "CODE-TREE", sheet: "支出", cell, related, message: "m" }), codes);
    // The empty 20503 is a child too: a figure typed there later is added.
    expect((tree("C1", ["C2", "C4"]) as FixPlan).writes[0].after.formula).toBe("=SUM(C2,C4:C5)");
    expect(tree("C6", ["C2", "C4"])).toEqual(expect.objectContaining({ refused: expect.stringContaining("下方") }));
  });
});

describe("a SUM fix covers its block's item rows, as a spreadsheet will add them", () => {
  // The sample's 收支总表 shape: items numbered 一、二、…, most still empty, one number stored as
  // text, a 其中 row, then 本年支出合计 typed by hand.
  const rows: LiteralCell[][] = [
    ["部门收支总表", null],
    ["项目", "预算数"],
    [null, 1],
    ["一、一般公共服务支出", null],
    ["二、外交支出", null],
    ["三、教育支出", { v: "1,060.41", fmt: "@" }],
    ["    其中：义务教育", 60],
    ["四、卫生健康支出", 200],
    [null, null],
    ["五、住房保障支出", 40.5],
    ["六、其他支出", null],
    ["本年支出合计", 1298.41],
    ["年终结转结余", null],
    ["支出总计", 1300.91],
  ];
  const view = new SheetView(gridSheet("收支总表", rows));
  const fix = (rule: string, cell: string, related: string[], expected?: string) =>
    fixOutcome(
      makeFinding({
        rule: rule as "BAL-SPEND",
        sheet: "收支总表",
        cell,
        related,
        message: "m",
        expected,
        actual: expected && "1298.41",
      }),
      view,
    );

  test("the sample's defect: not =SUM of the filled cells, but the block as ranges, the text number converted first", () => {
    const plan = fix("BAL-SPEND", "B12", ["B6", "B8", "B10"], "1300.91") as FixPlan;
    expect(plan.writes.map((w) => `${w.cell} ${w.afterText}`)).toEqual([
      "B6 数字 1060.41",
      "B12 =SUM(B4:B6,B8:B11)（计算结果 1,300.91）",
    ]);
    expect(plan.writes[1].after.value).toBe(1300.91);
  });

  test("the value it gives must be the rule's 应为, or the fix is refused", () => {
    expect(fix("BAL-SPEND", "B12", ["B6", "B8", "B10"], "1300.92")).toEqual(
      expect.objectContaining({ refused: expect.stringContaining("应为") }),
    );
  });

  test("an item SUM cannot add is refused with its reason: an error value, a formula giving text", () => {
    const broken = (cell: LiteralCell) => {
      const v = new SheetView(
        gridSheet("表", [
          ["项目", "金额"],
          ["甲", 10],
          ["乙", cell],
          ["合计", 30],
        ]),
      );
      return fixOutcome(makeFinding({ rule: "SUM-ROW", sheet: "表", cell: "B4", related: ["B2", "B3"], message: "m" }), v);
    };
    expect(broken("#REF!")).toEqual(expect.objectContaining({ refused: expect.stringMatching(/B3 是错误值 #REF!/) }));
    expect(broken({ v: "20", f: '=TEXT(20,"0")' })).toEqual(
      expect.objectContaining({ refused: expect.stringMatching(/B3 的公式结果是文本/) }),
    );
  });

  test("支出总计 adds 本年支出合计 and the adjustment rows below it, filled or not", () => {
    expect((fix("BAL-SPEND-TOTAL", "B14", ["B12"]) as FixPlan).writes[0].after.formula).toBe("=SUM(B12:B13)");
  });

  test("a 合计 over 小计 rows adds the 小计 rows only", () => {
    const v = new SheetView(
      gridSheet("表", [
        ["项目", "金额"],
        ["工资", 10],
        ["津贴", null],
        ["小计", 10],
        ["办公费", 5],
        ["印刷费", null],
        ["小计", 5],
        ["合计", 16],
      ]),
    );
    const plan = planFix(makeFinding({ rule: "SUM-ROW", sheet: "表", cell: "B8", related: ["B4", "B7"], message: "m" }), v);
    expect(plan!.writes[0].after.formula).toBe("=SUM(B4,B7)");
  });

  test("a 合计 column adds its parts and the empty parts between them", () => {
    const v = new SheetView(
      gridSheet("表", [
        ["项目", "合计", "基本", "其他", "项目"],
        ["教育", 95, 60, null, 30],
      ]),
    );
    const plan = planFix(makeFinding({ rule: "SUM-COL", sheet: "表", cell: "B2", related: ["C2", "E2"], message: "m" }), v);
    expect(plan!.writes[0].after.formula).toBe("=SUM(C2:E2)");
  });
});
