import { parseA1 } from "../../../src/core/address";
import { checkWorkbook } from "../../../src/core/check";
import { Finding } from "../../../src/core/finding";
import { LiteralCell, gridSheet } from "../../../src/core/snapshot";

/**
 * A small self-evaluation form (绩效自评表) in the layout of seed 011, with invented figures:
 * a funds block whose 总额 is the sum of its parts and whose 执行率 is 执行数 ÷ 全年预算数, then
 * indicators with 年度指标值 / 实际完成值 / 分值 / 得分 whose points add up to the 一级 labels
 * (40 + 30 + 20 = 90) and, with the funds block's 10, to the 合计 of 100. Every result meets its
 * target and scores full points; the funds block scores 分值 × 执行率 = 10 × 98% = 9.8.
 *
 * Rows (A1 numbering): 4 总额, 5–6 parts, 8 header, 9–13 indicators, 14 合计.
 * Columns of the funds block: B 年初, C 全年, D 执行, E 分值, F 执行率, G 得分.
 * Columns of the indicators: D 年度指标值, E 实际完成值, F 分值, G 得分.
 */
export function selfEvalRows(edit: Record<string, LiteralCell> = {}): LiteralCell[][] {
  const rows: LiteralCell[][] = [
    ["项目支出绩效自评表"],
    ["项目名称", "社区健康讲座项目"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", m2(20), m2(18.5), m2(18.13), 10, pct(0.98), 9.8],
    ["其中：财政拨款", m2(15), m2(14), m2(13.72), null, pct(0.98), null],
    ["其他资金", m2(5), m2(4.5), m2(4.41), null, pct(0.98), null],
    ["绩效指标"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标(40分)", "数量指标", "讲座场次", "≥24场", "26场", 20, 20],
    [null, "质量指标", "听众到场率", "≥85%", "91%", 10, 10],
    [null, "时效指标", "讲座完成时间", "12月底前", "11月底", 10, 10],
    ["效益指标(30分)", "社会效益指标", "居民健康知识知晓率", "≥80%", "84%", 30, 30],
    ["满意度指标(20分)", "服务对象满意度指标", "听众满意度", "≥90%", "93%", 20, 20],
    ["合计", null, null, null, null, 100, 99.8],
  ];
  for (const [a1, value] of Object.entries(edit)) {
    const at = parseA1(a1);
    if (!at) throw new Error(`bad address ${a1}`);
    while (rows[at.row].length <= at.col) rows[at.row].push(null);
    rows[at.row][at.col] = value;
  }
  return rows;
}

export function checkSelfEval(edit: Record<string, LiteralCell> = {}, name = "绩效自评表"): Finding[] {
  return checkWorkbook([gridSheet(name, selfEvalRows(edit))]).findings;
}

export const pct = (v: number): LiteralCell => ({ v, fmt: "0.00%" });
export const m2 = (v: number): LiteralCell => ({ v, fmt: "0.00" });

/** Findings as [rule, cell, severity], the shape most assertions compare. */
export function brief(findings: Finding[]): [string, string, string][] {
  return findings.map((f) => [f.rule, f.cell, f.severity]);
}
