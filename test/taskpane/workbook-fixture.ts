import { LiteralCell, SheetSnapshot, gridSheet } from "../../src/core/snapshot";

const n = (v: number): LiteralCell => ({ v, fmt: "0.00" });

/** Title, unit line and two header rows of seed 001's 收支总表, shared by both fixtures. */
const heading = (): LiteralCell[][] => [
  ["部门预算收支总表", null, null, null],
  ["编制单位：示例市卫生健康局", null, "单位：万元", null],
  ["收入", null, "支出", null],
  ["项目", "预算数", "项目", "预算数"],
];

/**
 * A 收支总表 laid out as in seed 001 whose 本年支出合计 (D11) was typed as 1520.00 while its items
 * add up to 1500.00; 事业收入 is stored as text. Shared by the component and end-to-end tests.
 */
export function summaryWithWrongSpendTotal(): SheetSnapshot {
  return gridSheet("收支总表", [
    ...heading(),
    ["一、一般公共预算拨款收入", n(1200), "一、一般公共服务支出", n(100)],
    ["二、政府性基金预算拨款收入", null, "八、社会保障和就业支出", n(300)],
    ["三、事业收入", { v: "300.00", t: "300.00", fmt: "@" }, "十、卫生健康支出", n(1100)],
    ["四、事业单位经营收入", null, "十二、节能环保支出", null],
    ["五、其他收入", null, null, null],
    [null, null, null, null],
    ["本年收入合计", n(1500), "本年支出合计", n(1520)],
    ["上年结转结余", n(20), "年终结转结余", n(0)],
    ["收入总计", n(1520), "支出总计", n(1520)],
  ]);
}

/** A 收支总表 whose totals are formulas that add up: the checker finds nothing on it. */
export function cleanSummary(): SheetSnapshot {
  const total = (f: string, v: number): LiteralCell => ({ f, v, fmt: "0.00" });
  return gridSheet("收支总表", [
    ...heading(),
    ["一、一般公共预算拨款收入", n(1200), "一、一般公共服务支出", n(100)],
    ["二、事业收入", n(300), "八、社会保障和就业支出", n(1400)],
    ["本年收入合计", total("SUM(B5:B6)", 1500), "本年支出合计", total("SUM(D5:D6)", 1500)],
    ["收入总计", total("B7", 1500), "支出总计", total("D7", 1500)],
  ]);
}

/** A plain sheet the checker does not recognise, so a workbook check spans more than one sheet. */
export function notesSheet(): SheetSnapshot {
  return gridSheet("说明", [["本工作簿为示例。"]]);
}

/**
 * One invented project block on a 绩效指标 sheet, with the defects the pane can fix: a full-width
 * `≧９５％`, a satisfaction written as the fraction `≥0.85`, and an empty value.
 */
export function indicatorSheet(): SheetSnapshot {
  const m = (v: number): LiteralCell => ({ v, fmt: "0.00" });
  return gridSheet("绩效指标", [
    ["健康宣传项目绩效目标表", null, null, "单位：万元"],
    ["项目名称", "健康宣传项目"],
    ["预算数", m(20)],
    ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"],
    [null, m(4), m(10), m(16), m(20)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "宣传活动场次", "≥12场"],
    [null, "质量指标", "宣传覆盖率", "≧９５％"],
    [null, "时效指标", "完成时间", "12月底前"],
    [null, "成本指标", "宣传经费", "≤20万元"],
    ["效益指标", "社会效益指标", "居民健康知识知晓率", null],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥0.85"],
  ]);
}
