import Decimal from "decimal.js";
import { RectRef } from "../../../src/core/address";
import { CheckContext } from "../../../src/core/context";
import { Finding } from "../../../src/core/finding";
import { checkIndicatorSheet } from "../../../src/core/indicators";
import { LiteralCell, SheetView, gridSheet } from "../../../src/core/snapshot";

export const CTX: CheckContext = { band: new Decimal("0.01"), unit: "万元", unitStated: true };

export function check(rows: LiteralCell[][], merges: RectRef[] = [], name = "项目绩效目标表"): Finding[] {
  return checkIndicatorSheet(new SheetView(gridSheet(name, rows, { merges })), CTX);
}

export function byRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

export const money = (v: number): LiteralCell => ({ v, fmt: "0.00" });

/**
 * A small clean block in the 4-column layout: project name, budget 10.00, a plan ending at 10.00
 * and one row per category. `edit` replaces rows by index (0 = 数量 row) to make a defect.
 * Rows start at sheet row 6 (A6), so row i of the table is sheet row 6 + i + 1.
 */
export function miniBlock(
  edit: Record<number, LiteralCell[]> = {},
  options: { budget?: number; plan?: LiteralCell[]; extra?: LiteralCell[][] } = {},
): LiteralCell[][] {
  const rows: LiteralCell[][] = [
    ["产出指标", "数量指标", "培训人数", "≥100人"],
    [null, "质量指标", "培训合格率", "≥95%"],
    [null, "时效指标", "完成时间", "12月底前"],
    [null, "成本指标", "培训经费", "≤10万元"],
    ["效益指标", "社会效益指标", "群众健康素养", "显著提高"],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"],
  ];
  for (const [i, row] of Object.entries(edit)) rows[Number(i)] = row;
  return [
    ["培训项目绩效目标表", null, null, "单位：万元"],
    ["项目名称", "培训项目"],
    ["预算数", money(options.budget ?? 10)],
    ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"],
    [null, ...(options.plan ?? [money(2), money(5), money(8), money(10)])],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ...rows,
    ...(options.extra ?? []),
  ];
}
