import Decimal from "decimal.js";
import { MoneyUnit, convertUnit } from "../amount";
import { shownAmount, signedDifference } from "../excerpt";
import { IndicatorRow, ValueCell } from "./read/blocks";
import { isCostCategory } from "./read/framework";
import { BlockScope, a1, nameCell, quoted, rowAnchor } from "./scope";
import { parseIndicatorValue } from "./read/value-grammar";

/**
 * IND-COST-BUDGET and IND-COST-MISMATCH: a 成本指标 stated in money, against the block's 预算数.
 * Per-head costs (`≤3000元/人`) are not totals and are left alone.
 */

const MONEY: Record<string, MoneyUnit> = { 元: "元", 千元: "千元", 万元: "万元", 亿元: "亿元", 万: "万元" };

/** "A little" for IND-COST-MISMATCH: within 1% of the budget, and never less than the rounding band. */
const MISMATCH_SHARE = new Decimal("0.01");
const ZERO = new Decimal(0);

interface CostValue {
  row: IndicatorRow;
  cell: ValueCell;
  amount: Decimal;
  exact: boolean;
}

export function checkCosts(scope: BlockScope): void {
  const { block, ctx } = scope;
  const { budget, budgetCell, budgetUnit } = block.project;
  if (budget === null || budgetCell === null || !budget.greaterThan(ZERO)) return;
  const unitText = budgetUnit;
  const costs: CostValue[] = [];
  for (const row of block.rows) {
    if (!isCostCategory(row.level1?.name ?? "", row.level2?.name ?? "")) continue;
    for (const cell of row.values) {
      // A result (实际完成值) is not a target set against the budget.
      if (cell.actual) continue;
      const v = parseIndicatorValue(cell.text);
      let amount: Decimal | null = null;
      let unit: MoneyUnit | undefined;
      let exact = false;
      if (v.form === "quantity" || v.form === "approximate") {
        unit = MONEY[v.unit];
        amount = v.value;
        exact = v.form === "quantity" && (v.comparator === null || v.comparator === "=");
      } else if (v.form === "range") {
        unit = MONEY[v.unit];
        amount = v.high;
      }
      if (!unit || amount === null) continue;
      costs.push({ row, cell, amount: convertUnit(amount, unit, budgetUnit), exact });
    }
  }
  const budgetA1 = a1(budgetCell);
  const band = ctx.band;
  let over = false;
  for (const c of costs) {
    if (c.amount.minus(budget).greaterThan(band)) {
      over = true;
      const excess = c.amount.minus(budget);
      scope.report.add({
        rule: "IND-COST-BUDGET",
        cell: a1(c.cell),
        related: [nameCell(c.row), budgetA1],
        anchor: rowAnchor(block, c.row, c.cell),
        expected: budget,
        actual: c.amount,
        unit: budgetUnit,
        message: `成本指标${quoted(c.row.name)}的金额 ${shownAmount(c.amount)} 超过本项目预算数 ${shownAmount(budget)}，超出 ${shownAmount(excess)}（${unitText}）`,
      });
    }
  }
  const exact = costs.filter((c) => c.exact);
  if (over || exact.length === 0) return;
  const total = exact.reduce((s, c) => s.plus(c.amount), new Decimal(0));
  const diff = total.minus(budget);
  const limit = Decimal.max(band, budget.times(MISMATCH_SHARE));
  if (diff.isZero() || diff.abs().greaterThan(limit)) return;
  const first = exact[0];
  const what = exact.length === 1 ? `成本指标${quoted(first.row.name)}的金额` : `${exact.length} 项成本指标金额合计`;
  scope.report.add({
    rule: "IND-COST-MISMATCH",
    cell: a1(first.cell),
    related: [...exact.map((c) => nameCell(c.row)), budgetA1],
    anchor: rowAnchor(block, first.row, first.cell),
    expected: budget,
    actual: total,
    unit: budgetUnit,
    message: `${what} ${shownAmount(total)} 与预算数 ${shownAmount(budget)} 略有出入，相差 ${signedDifference(diff)}（${unitText}）`,
  });
}
