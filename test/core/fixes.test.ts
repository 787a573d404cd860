import { makeFinding } from "../../src/core/finding";
import { NO_FIXES, planFix, undoWrites } from "../../src/core/fixes";
import { SheetView, gridSheet } from "../../src/core/snapshot";

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
    expect(only("SUM-ROW", "B4", ["B2", "B3"]).after.formula).toBe("=SUM(B2:B3)");
    expect(planFix(at("SUM-ROW", "B7", ["B2"]), view)).toBeNull();
    expect(planFix(at("SUM-ROW", "B4", []), view)).toBeNull();
    expect(planFix(at("BAL-BALANCE", "B4", ["B2"]), view)).toBeNull();
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

  test("a parent code's fix needs its children right below it", () => {
    const codes = new SheetView(
      gridSheet("支出", [
        ["205", 12],
        ["20501", 5],
        ["20502", 6],
        ["206", 3],
      ]),
    );
    const tree = (related: string[]) =>
      planFix(makeFinding({ rule: "CODE-TREE", sheet: "支出", cell: "B1", related, message: "m" }), codes);
    expect(tree(["B2", "B3"])!.writes[0].after.formula).toBe("=SUM(B2:B3)");
    expect(tree(["B2", "B4"])).toBeNull();
  });
});
