import { readAmount } from "../../src/core/amount";
import { checkWorkbook } from "../../src/core/check";
import { UNCALCULATED, gridSheet, isUncalculated } from "../../src/core/snapshot";

/** A 收支总表 whose 本年支出合计 (D5) is a formula; its value is what the reader gave it. */
const summary = (spendTotal: number) =>
  gridSheet("收支总表", [
    ["部门预算收支总表"],
    ["某单位", null, null, "单位：万元"],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", 100, "十、卫生健康支出", 100],
    ["本年收入合计", 100, "本年支出合计", { v: spendTotal, f: "SUM(D4:D4)", t: "" }],
    ["收入总计", 100, "支出总计", 100],
  ]);

describe("FORMULA-UNCALCULATED: a formula without a result is unknown, never 0", () => {
  it("is read as unknown, not as an amount, an empty cell or text", () => {
    expect(isUncalculated(UNCALCULATED)).toBe(true);
    expect([0, null, "", "NaN", Number.POSITIVE_INFINITY].some(isUncalculated)).toBe(false);
    expect(readAmount(UNCALCULATED)).toEqual({ kind: "unknown" });
  });

  it("leaves the identities through it unjudged, and says so once for the sheet", () => {
    const { findings } = checkWorkbook([summary(UNCALCULATED)]);
    expect(findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([["FORMULA-UNCALCULATED", "D5", "info"]]);
    expect(findings[0].message).toBe(
      "工作表「收支总表」有 1 个公式没有计算结果（如 D5），用到它们的合计未核对。公式未计算，请在 Excel 中打开并保存后再检查",
    );
  });

  it("read as 0 (as before), the same total was a false error", () => {
    expect(checkWorkbook([summary(0)]).findings.some((f) => f.severity === "error")).toBe(true);
  });

  it("a sheet whose formulas all have results says nothing", () => {
    expect(checkWorkbook([summary(100)]).findings).toEqual([]);
  });
});
