import Decimal from "decimal.js";
import { shownAmount } from "../excerpt";
import { judgeIdentity } from "../judge";
import { PlanPoint } from "./read/project";
import { BlockScope, a1 } from "./scope";

/**
 * PLAN-MONOTONIC, PLAN-END and PLAN-FORM on the block's 资金支出计划 (docs/domain.md §6).
 *
 * The plan can be written in three forms: amounts ending at the budget, percentages ending at 100,
 * or fractions ending at 1. 001 titles its row 资金支出计划（%） yet writes amounts in all 58 blocks,
 * so the amount form is accepted under a （%） header; only the fraction form contradicts it (PLAN-FORM, info).
 */

const HUNDRED = new Decimal(100);
const ONE = new Decimal(1);
const ZERO = new Decimal(0);

export function checkPlan(scope: BlockScope): void {
  const { block } = scope;
  const plan = block.project.plan;
  if (!plan) return;
  const anchorBase = `${block.project.name}|资金支出计划`;
  // Plans are almost always written in month order; copying and sorting is only needed otherwise.
  const points = inOrder(plan.points) ? plan.points : [...plan.points].sort(byMonth);
  let prev: PlanPoint | null = null;
  for (const p of points) {
    if (p.value === null) continue;
    if (prev && prev.value && p.value.lessThan(prev.value)) {
      scope.report.add({
        rule: "PLAN-MONOTONIC",
        cell: a1(p),
        related: [a1(prev)],
        anchor: `${anchorBase}|${p.label}`,
        message: `资金支出计划${p.label}累计 ${shownAmount(p.value)} 小于${prev.label}的 ${shownAmount(prev.value)}，累计数不应下降，减少了 ${shownAmount(prev.value.minus(p.value))}`,
      });
    }
    prev = p;
  }
  checkEnd(scope, points, plan.percentHeader, anchorBase);
}

function byMonth(a: PlanPoint, b: PlanPoint): number {
  return a.month - b.month || a.col - b.col;
}

function inOrder(points: PlanPoint[]): boolean {
  for (let i = 1; i < points.length; i++) if (byMonth(points[i - 1], points[i]) > 0) return false;
  return true;
}

function checkEnd(scope: BlockScope, points: PlanPoint[], percentHeader: boolean, anchorBase: string): void {
  const { block, ctx } = scope;
  const end = points.find((p) => p.month === 12) ?? points[points.length - 1];
  // An error value at the end, or in 预算数, leaves nothing to judge the end against (CELL-ERROR says so).
  if (!end || end.error || block.project.budgetError) return;
  const anchor = `${anchorBase}|${end.label}`;
  const { budget, budgetCell } = block.project;
  const related = budgetCell ? [a1(budgetCell)] : [];
  if (end.value === null) {
    if (points.some((p) => p.value !== null)) {
      scope.report.add({
        rule: "PLAN-END",
        cell: a1(end),
        related,
        anchor,
        message: `资金支出计划${end.label}未填写，全年累计应达到预算数或 100%`,
      });
    }
    return;
  }
  const value = end.value;
  if (points.some((p) => p.percentShown)) {
    if (!value.equals(HUNDRED)) {
      scope.report.add({
        rule: "PLAN-END",
        cell: a1(end),
        related,
        anchor,
        message: `资金支出计划${end.label}累计为 ${value.toString()}%，应为 100%，相差 ${HUNDRED.minus(value).abs().toString()} 个百分点`,
      });
    }
    return;
  }
  const place = { cell: a1(end), related, anchor };
  const hasBudget = budget !== null && budget.greaterThan(ZERO);
  // The usual case, an end equal to the budget, needs no judging.
  if (hasBudget && value.equals(budget!)) return;
  const offBudget = hasBudget
    ? judgeIdentity(
        { rule: "PLAN-END", subject: `资金支出计划${end.label}累计`, actual: value, expectedPhrase: "预算数", expected: budget! },
        ctx.band,
        block.project.budgetUnit,
      )
    : null;
  if (offBudget?.withinBand) {
    scope.report.addJudgement(offBudget, place);
    return;
  }
  if (value.equals(HUNDRED)) return;
  const fraction = value.equals(ONE) && points.every((p) => p.value === null || p.value.lessThanOrEqualTo(ONE));
  if (fraction) {
    if (percentHeader) {
      scope.report.add({
        rule: "PLAN-FORM",
        ...place,
        message: `资金支出计划表头为（%），但${end.label}累计填为 ${shownAmount(value)}，按比例小数填写，与表头的百分比或预算数 ${budget ? shownAmount(budget) : "—"} 的写法不一致`,
      });
    }
    return;
  }
  if (offBudget) {
    scope.report.addJudgement(offBudget, place);
  } else if (percentHeader) {
    scope.report.add({
      rule: "PLAN-END",
      cell: a1(end),
      related,
      anchor,
      message: `资金支出计划${end.label}累计 ${shownAmount(value)}，按（%）表头应为 100，相差 ${shownAmount(HUNDRED.minus(value).abs())}`,
    });
  }
}
