import Decimal from "decimal.js";
import { toA1 } from "../address";
import { CheckContext } from "../context";
import { excerpt, shownAmount, shownNumber } from "../excerpt";
import { judgeIdentity } from "../judge";
import { Reporter } from "../reporter";
import { FundsBlock, FundsCell, FundsField, FundsRow } from "./read/funds";

/**
 * EVAL-FUNDS-TOTAL, EVAL-RATE and EVAL-RATE-SCORE on a self-evaluation form's funds block (docs/domain.md
 * §8): the 总额 row equals its parts in every amount column, each row's 执行率 is 全年执行数 ÷ 全年预算数,
 * and the block's 得分 is 分值 × 执行率, rounded to the form's decimals and capped at 分值. The block's
 * own 得分 above its 分值 is EVAL-SCORE-OVER, with the other points (points-and-scores.ts).
 */

const AMOUNT_FIELDS: FundsField[] = ["initial", "budget", "spent"];
const HUNDRED = new Decimal(100);
const ZERO = new Decimal(0);

/**
 * `scoreTexts`: the form's other 得分 cells as shown, whose decimals (with the block's own) are the
 * form's decimals for EVAL-RATE-SCORE.
 */
export function checkFunds(
  report: Reporter,
  funds: FundsBlock,
  ctx: CheckContext,
  project: string,
  scoreTexts: readonly string[] = [],
): void {
  const broken = checkTotal(report, funds, ctx, project);
  const rows = funds.total ? [funds.total, ...funds.parts] : funds.parts;
  let rateWrong = false;
  for (const row of rows) {
    const wrong = checkRate(report, funds, row, row === funds.total ? broken : new Set(), project);
    if (row === rows[0]) rateWrong = wrong;
  }
  const first = rows[0];
  const budget = first?.cells[funds.columns.budget ? "budget" : "initial"]?.value;
  // Without a budget the rate is no figure, and neither is a score derived from it.
  if (!rateWrong && broken.size === 0 && first && budget?.greaterThan(0))
    checkRateScore(report, funds, first, scoreTexts, project);
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

/** EVAL-RATE on one row; true when it reported. */
function checkRate(report: Reporter, funds: FundsBlock, row: FundsRow, broken: Set<FundsField>, project: string): boolean {
  const rateCell = row.cells.rate;
  if (!rateCell || rateCell.value === null) return false;
  const budgetField: FundsField = funds.columns.budget ? "budget" : "initial";
  const budget = figure(funds, row, budgetField, broken);
  const spent = figure(funds, row, "spent", broken);
  if (budget === null || spent === null || budget.isZero()) return false;
  const expected = spent.dividedBy(budget).times(HUNDRED);
  if (rateMatches(rateCell, expected)) return false;
  // A total off by a rounding gap: the rate may well be computed from its parts.
  if (row === funds.total && !broken.size && rateMatches(rateCell, partsRate(funds, budgetField))) return false;
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
  return true;
}

/** Decimals a figure is shown with: `9.80` has 2. */
function decimalsOf(text: string): number {
  return /\.(\d+)/.exec(text.replace(/[%％]$/, ""))?.[1].length ?? 0;
}

/**
 * EVAL-RATE-SCORE: the block's 得分 against 分值 × 执行率, capped at 分值, at the form's decimals (the
 * most any 得分 of the form shows). The rate is read as shown; a 得分 above its 分值 is EVAL-SCORE-OVER.
 */
function checkRateScore(
  report: Reporter,
  funds: FundsBlock,
  row: FundsRow,
  scoreTexts: readonly string[],
  project: string,
): void {
  const { rate, points, score } = row.cells;
  if (!rate?.value || !points?.value || points.value.isZero() || !score) return;
  const percent = /[%％]$/.test(rate.text) || rate.value.greaterThan(new Decimal("1.5")) ? rate.value : rate.value.times(HUNDRED);
  if (score.value === null) {
    // Blank, not `/`: the form asks for this score. A part row scored instead is another layout.
    const scoredElsewhere = funds.parts.some((p) => p.cells.score?.value);
    if (score.text === "" && !score.error && !score.invalid && !scoredElsewhere)
      reportBlankScore(
        report,
        { rate, points: { ...points, value: points.value }, score },
        percent,
        `${project}|资金|${row.label}|得分`,
      );
    return;
  }
  if (score.value.greaterThan(points.value)) return;
  const decimals = Math.min(4, Math.max(decimalsOf(score.text), ...scoreTexts.map(decimalsOf)));
  const raw = Decimal.min(points.value, points.value.times(percent).dividedBy(HUNDRED));
  const expected = raw.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  if (expected.equals(score.value)) return;
  const product = points.value.times(percent).dividedBy(HUNDRED);
  const shown = percent.greaterThan(HUNDRED)
    ? `${shownNumber(product)}，不超过分值，应得 ${expected.toFixed(decimals)}`
    : expected.equals(product)
      ? shownNumber(product)
      : `${shownNumber(product)}，按表中得分的 ${decimals} 位小数取 ${expected.toFixed(decimals)}`;
  report.add({
    rule: "EVAL-RATE-SCORE",
    cell: toA1(score.row, score.col),
    related: [toA1(points.row, points.col), toA1(rate.row, rate.col)],
    anchor: `${project}|资金|${row.label}|得分`,
    message: `预算执行得分应为 分值 ${shownNumber(points.value)} × 执行率 ${excerpt(rate.text, 12)} = ${shown}，表中为 ${excerpt(score.text, 12)}`,
  });
}

/**
 * EVAL-RATE-SCORE on a 得分 left blank beside a 分值 and a 执行率: the score the rate earns, capped at
 * 分值 (an unfilled form's funds block; the indicators' blank results are EVAL-UNFILLED).
 */
function reportBlankScore(
  report: Reporter,
  cells: { rate: FundsCell; points: FundsCell & { value: Decimal }; score: FundsCell },
  percent: Decimal,
  anchor: string,
): void {
  const { rate, points, score } = cells;
  const earned = Decimal.min(points.value, points.value.times(percent).dividedBy(HUNDRED));
  report.add({
    rule: "EVAL-RATE-SCORE",
    cell: toA1(score.row, score.col),
    related: [toA1(points.row, points.col), toA1(rate.row, rate.col)],
    anchor,
    message: `预算执行得分未填写：按 分值 ${shownNumber(points.value)} × 执行率 ${excerpt(rate.text, 12)} 应为 ${shownNumber(earned)}${percent.greaterThan(HUNDRED) ? "（不超过分值）" : ""}`,
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
