import Decimal from "decimal.js";
import { toA1 } from "../address";
import { CheckContext } from "../context";
import { excerpt, shownAmount } from "../excerpt";
import { judgeIdentity } from "../judge";
import { Reporter } from "../reporter";
import { FundsBlock, FundsCell, FundsField, FundsRow } from "./read/funds";

/**
 * EVAL-FUNDS-TOTAL and EVAL-RATE on a self-evaluation form's funds block (docs/domain.md §8): the 总额
 * row equals its parts in every amount column, and each row's 执行率 is 全年执行数 ÷ 全年预算数.
 * The block's own 得分 against its 分值 is EVAL-SCORE-OVER, with the other points (points-and-scores.ts).
 */

const AMOUNT_FIELDS: FundsField[] = ["initial", "budget", "spent"];
const HUNDRED = new Decimal(100);
const ZERO = new Decimal(0);

export function checkFunds(report: Reporter, funds: FundsBlock, ctx: CheckContext, project: string): void {
  const broken = checkTotal(report, funds, ctx, project);
  const rows = funds.total ? [funds.total, ...funds.parts] : funds.parts;
  for (const row of rows) checkRate(report, funds, row, row === funds.total ? broken : new Set(), project);
}

function label(funds: FundsBlock, field: FundsField): string {
  return funds.columns[field]?.label ?? field;
}

/** The 总额 row against its parts; returns the fields whose total is wrong beyond the band. */
function checkTotal(report: Reporter, funds: FundsBlock, ctx: CheckContext, project: string): Set<FundsField> {
  const broken = new Set<FundsField>();
  const total = funds.total;
  if (!total || funds.parts.length === 0) return broken;
  for (const field of AMOUNT_FIELDS) {
    const cell = total.cells[field];
    if (!cell || cell.error || cell.invalid) continue;
    const parts = funds.parts.map((p) => p.cells[field]).filter((c): c is FundsCell => c !== undefined);
    if (parts.some((p) => p.error || p.invalid)) continue;
    // Forms list every kind of fund; a breakdown left blank throughout says nothing.
    if (parts.every((p) => p.value === null)) continue;
    const expected = parts.reduce((s, p) => s.plus(p.value ?? ZERO), ZERO);
    const judgement = judgeIdentity(
      {
        rule: "EVAL-FUNDS-TOTAL",
        subject: `${total.label}的${label(funds, field)}`,
        actual: cell.value ?? ZERO,
        expectedPhrase: "其中各项之和",
        expected,
      },
      ctx.band,
      funds.unit ?? ctx.unit,
    );
    if (!judgement) continue;
    if (!judgement.withinBand) broken.add(field);
    report.addJudgement(judgement, {
      cell: toA1(cell.row, cell.col),
      related: parts.map((p) => toA1(p.row, p.col)),
      anchor: `${project}|资金|${total.label}|${label(funds, field)}`,
    });
  }
  return broken;
}

/** The figure a row's rate is judged on: its own, or the sum of the parts where its own total is wrong. */
function figure(funds: FundsBlock, row: FundsRow, field: FundsField, broken: Set<FundsField>): Decimal | null {
  if (broken.has(field)) return partsSum(funds, field);
  const c = row.cells[field];
  if (!c || c.error || c.invalid) return null;
  return c.value ?? ZERO;
}

function checkRate(report: Reporter, funds: FundsBlock, row: FundsRow, broken: Set<FundsField>, project: string): void {
  const rateCell = row.cells.rate;
  if (!rateCell || rateCell.value === null) return;
  const budgetField: FundsField = funds.columns.budget ? "budget" : "initial";
  const budget = figure(funds, row, budgetField, broken);
  const spent = figure(funds, row, "spent", broken);
  if (budget === null || spent === null || budget.isZero()) return;
  const expected = spent.dividedBy(budget).times(HUNDRED);
  if (rateMatches(rateCell, expected)) return;
  // A total off by a rounding gap: the rate may well be computed from its parts.
  if (row === funds.total && !broken.size && rateMatches(rateCell, partsRate(funds, budgetField))) return;
  const fromParts = broken.has(budgetField) || broken.has("spent");
  const related = [row.cells.spent, row.cells[budgetField]]
    .filter((c): c is FundsCell => c !== undefined)
    .map((c) => toA1(c.row, c.col));
  report.add({
    rule: "EVAL-RATE",
    cell: toA1(rateCell.row, rateCell.col),
    related,
    anchor: `${project}|资金|${row.label}|执行率`,
    message: `${row.label}的执行率 ${excerpt(rateCell.text, 20)} 与${label(funds, "spent")} ÷ ${label(funds, budgetField)}${fromParts ? "（按其中各项合计）" : ""} = ${shownAmount(spent)} ÷ ${shownAmount(budget)} = ${expected.toDecimalPlaces(2).toFixed(2)}% 不一致`,
  });
}

/** The sum of a field over the parts, or null when a part holds an error or a non-number. */
function partsSum(funds: FundsBlock, field: FundsField): Decimal | null {
  let sum = ZERO;
  for (const p of funds.parts) {
    const c = p.cells[field];
    if (c?.error || c?.invalid) return null;
    sum = sum.plus(c?.value ?? ZERO);
  }
  return sum;
}

function partsRate(funds: FundsBlock, budgetField: FundsField): Decimal {
  const budget = partsSum(funds, budgetField);
  const spent = partsSum(funds, "spent");
  return budget === null || spent === null || budget.isZero() ? new Decimal(-1) : spent.dividedBy(budget).times(HUNDRED);
}

/**
 * The rate as shown matches the computed percentage to the decimals it shows (`98.00%`, `98%`).
 * A rate without a % sign may be a fraction (0.98) or a percentage (98): either reading is accepted.
 */
function rateMatches(cell: FundsCell, expected: Decimal): boolean {
  const shown = cell.value!;
  const readings = /[%％]$/.test(cell.text) ? [shown] : [shown, shown.times(HUNDRED)];
  const decimals = /\.(\d+)/.exec(cell.text.replace(/[%％]$/, ""))?.[1].length ?? 0;
  const half = new Decimal(10).pow(-decimals).dividedBy(2).plus("1e-9");
  return readings.some((r) => r.minus(expected).abs().lessThanOrEqualTo(half));
}
