import { checkWorkbook } from "../../src/core/check";
import { LiteralCell, gridSheet } from "../../src/core/snapshot";

/**
 * A sheet is a set of tables (docs/domain.md §8): each table found on a sheet gets the rules its shape
 * supports, whatever the sheet's kind. Invented figures and names.
 */
const brief = (rows: LiteralCell[][], name: string) =>
  checkWorkbook([gridSheet(name, rows)]).findings.map((f) => [f.rule, f.cell, f.severity]);
const m = (v: number): LiteralCell => ({ v, fmt: "0.00" });

const INDICATORS: LiteralCell[][] = [
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ["产出指标", "数量指标", "宣传活动场次", "≥12场"],
  [null, "质量指标", "活动覆盖率", "≥90%"],
  ["效益指标", "社会效益指标", "居民防灾意识", "显著提高"],
  ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"],
];

/** A funds table with a 合计 row above the indicator table (rows 1–6), indicators from row 8. */
function fundsAbove(total: number, indicators = INDICATORS): LiteralCell[][] {
  return [
    ["防灾减灾宣传项目绩效目标表", null, null, "单位：万元"],
    ["资金来源", "金额"],
    ["财政拨款", m(30)],
    ["单位自筹", m(10)],
    ["其他资金", m(2.5)],
    ["合计", m(total)],
    [],
    ...indicators,
  ];
}

describe("every table on a sheet gets its own rules", () => {
  test("a funds table above an indicator table: clean, nothing", () => {
    expect(brief(fundsAbove(42.5), "绩效目标表")).toEqual([]);
  });

  test("its wrong 合计 is SUM-ROW, found by the totals checker on an indicator sheet", () => {
    expect(brief(fundsAbove(45), "绩效目标表")).toEqual([["SUM-ROW", "B6", "error"]]);
  });

  test("both tables are checked: a defect in each is found", () => {
    const indicators = INDICATORS.map((r) => (r[2] === "宣传活动场次" ? ["产出指标", "数量指标", "宣传活动场次", null] : r));
    expect(brief(fundsAbove(45, indicators), "绩效目标表")).toEqual([
      ["SUM-ROW", "B6", "error"],
      ["IND-EMPTY", "D9", "error"],
    ]);
  });

  test("the sheet keeps its dominant kind in the report", () => {
    const { sheets } = checkWorkbook([gridSheet("绩效目标表", fundsAbove(42.5))]);
    expect(sheets[0].kind).toBe("indicators");
  });

  const SUMMARY: LiteralCell[][] = [
    ["部门收支总表", null, null, null],
    [null, null, null, "单位：万元"],
    ["收入", null, "支出", null],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", m(80), "一、社会保障和就业支出", m(50)],
    ["二、事业收入", m(20), "二、卫生健康支出", m(50)],
    ["本年收入合计", m(100), "本年支出合计", m(100)],
    ["上年结转结余", m(0), "年终结转结余", m(0)],
    ["收入总计", m(100), "支出总计", m(100)],
    [],
  ];

  test("an indicator table inside a summary-named sheet gets the IND-* rules; the summary keeps its own", () => {
    expect(brief([...SUMMARY, ...INDICATORS], "部门收支总表")).toEqual([]);
    const vague = INDICATORS.map((r) => (r[2] === "宣传活动场次" ? ["产出指标", "数量指标", "宣传活动场次", "基本完成"] : r));
    expect(brief([...SUMMARY, ...vague], "部门收支总表")).toEqual([["IND-QUAL-IN-QUANT", "D12", "warning"]]);
    const wrong = SUMMARY.map((r) => (r[0] === "本年收入合计" ? ["本年收入合计", m(101), "本年支出合计", m(100)] : r));
    expect(brief([...wrong, ...INDICATORS], "部门收支总表").map((f) => f[0])).toContain("BAL-INCOME");
    const { sheets } = checkWorkbook([gridSheet("部门收支总表", [...SUMMARY, ...INDICATORS])]);
    expect(sheets[0].kind).toBe("summary");
  });
});
