import { RuleId } from "../catalogue";
import { SheetChecker } from "./sheet-checker";
import { stripNumbering } from "./read/labels";
import { checkBreakdowns, checkTotalRows } from "./row-totals";
import { RowInfo, itemRows } from "./read/rows";
import { HalfSummary, SummaryLayout, SummarySide, mainColumn } from "./read/summary-layout";
import { TableLayout } from "./read/table-layout";
import { columnInfo, minOf, rowHasValue } from "./read/table-helpers";

/** The item rows of a side above its 本年合计 row. */
function sideItems(ck: SheetChecker, side: SummarySide): RowInfo[] {
  const above = side.rows.filter((r) => r.row < side.yearTotalRow);
  return itemRows(above, (row) => rowHasValue(ck.amounts, row, side.amountCols));
}

/** Labelled item rows of a side with no figure yet, at the items' outline level (formula slots). */
function emptyItemRows(ck: SheetChecker, side: SummarySide, items: RowInfo[]): RowInfo[] {
  if (items.length === 0) return [];
  const level = minOf(items, (r) => r.level);
  const taken = new Set(items.map((r) => r.row));
  return side.rows.filter(
    (r) =>
      r.row < side.yearTotalRow &&
      !taken.has(r.row) &&
      r.label !== "" &&
      !r.breakdown &&
      r.rank === 0 &&
      r.level === level &&
      !rowHasValue(ck.amounts, r.row, side.amountCols),
  );
}

/**
 * BAL-INCOME, BAL-SPEND, BAL-INCOME-TOTAL, BAL-SPEND-TOTAL and BAL-BALANCE (docs/domain.md §3). All are
 * registered: where one side breaks its own identity, the culprit it points at explains the
 * imbalance too (src/core/engine/resolve.ts), so the balance is not reported on its own.
 */
export function checkSummary(ck: SheetChecker, layout: SummaryLayout): void {
  checkSide(ck, layout, layout.income, "收入", "BAL-INCOME", "BAL-INCOME-TOTAL");
  checkSide(ck, layout, layout.spend, "支出", "BAL-SPEND", "BAL-SPEND-TOTAL");
  const { income, spend, table } = layout;
  const both = income.grandTotalRow !== undefined && spend.grandTotalRow !== undefined;
  const iRow = both ? income.grandTotalRow! : income.yearTotalRow;
  const sRow = both ? spend.grandTotalRow! : spend.yearTotalRow;
  const iName = both || income.grandOnly ? "收入总计" : "本年收入合计";
  const sName = both || spend.grandOnly ? "支出总计" : "本年支出合计";
  const sCol = mainColumn(table, spend);
  ck.sum({
    rule: "BAL-BALANCE",
    total: { row: sRow, col: sCol },
    items: [{ row: iRow, col: mainColumn(table, income) }],
    names: () => ({ subject: sName, itemsPhrase: iName, anchor: `${sName}=${iName}` }),
    group: "bal-balance",
    skipFormula: true,
  });
}

/**
 * BAL-BALANCE in a table read as side-by-side panels (收入 | 执行数 | 支出 | 执行数, the 总计 rows
 * above their items): the panel whose row says 收入总计 and the one whose row says 支出总计 balance,
 * column by column where both show as many figures. A wrong item under either total is then told
 * from the total itself, which the balance confirms.
 */
export function checkPanelBalance(ck: SheetChecker, panels: { part: TableLayout; rows: RowInfo[] }[]): void {
  const find = (label: string) => {
    for (const p of panels) {
      const row = p.rows.find((r) => r.label === label);
      if (row) return { part: p.part, row: row.row };
    }
    return null;
  };
  const income = find("收入总计");
  const spend = find("支出总计");
  if (!income || !spend || income.part === spend.part) return;
  const iCols = income.part.amountCols;
  const sCols = spend.part.amountCols;
  if (iCols.length === 0 || iCols.length !== sCols.length) return;
  sCols.forEach((col, k) => {
    const leaf = columnInfo(spend.part, col)?.leaf ?? "";
    const suffix = sCols.length > 1 ? `（${leaf}）` : "";
    ck.sum({
      rule: "BAL-BALANCE",
      total: { row: spend.row, col },
      items: [{ row: income.row, col: iCols[k] }],
      names: () => ({ subject: `支出总计${suffix}`, itemsPhrase: `收入总计${suffix}`, anchor: `支出总计=收入总计|${leaf}` }),
      group: "bal-balance",
      skipFormula: true,
    });
  });
}

/** BAL-INCOME / BAL-SPEND and their 总计 rule on the one side a half summary has. */
export function checkHalfSummary(ck: SheetChecker, half: HalfSummary): void {
  if (half.side === "income") checkSide(ck, half.layout, half.layout.income, "收入", "BAL-INCOME", "BAL-INCOME-TOTAL");
  else checkSide(ck, half.layout, half.layout.spend, "支出", "BAL-SPEND", "BAL-SPEND-TOTAL");
}

function checkSide(
  ck: SheetChecker,
  layout: SummaryLayout,
  side: SummarySide,
  word: "收入" | "支出",
  yearRule: RuleId,
  grandRule: RuleId,
): void {
  const { table } = layout;
  const multi = side.amountCols.length > 1;
  const items = sideItems(ck, side);
  const slots = emptyItemRows(ck, side, items);
  const hasValue = (row: number) => rowHasValue(ck.amounts, row, side.amountCols);
  const between =
    side.grandTotalRow === undefined ? [] : side.rows.filter((r) => r.row > side.yearTotalRow && r.row < side.grandTotalRow!);
  const adjustments = itemRows(between, hasValue);
  // A 其中 list under an item of the side (八、社会保障和就业支出 | 其中：…) may be its breakdown.
  const body = side.rows.filter((r) => r.label !== "" && r.row < side.yearTotalRow);
  checkBreakdowns(ck, table, body, side.amountCols);
  // A 小计 among the side's items (财政拨款收入 小计 over its sources) adds its block, as in any table;
  // the 本年合计 above counts the items and passes over the 小计 (itemRows).
  if (body.some((r) => r.rank > 0)) checkTotalRows(ck, { ...table, amountCols: side.amountCols }, body);
  const yearName = side.grandOnly ? `${word}总计` : `本年${word}合计`;
  const grandName = `${word}总计`;
  if (side.grandOnly) yearRule = grandRule;
  for (const col of side.amountCols) {
    const leaf = columnInfo(table, col)?.leaf ?? "";
    const suffix = multi ? `（${leaf}）` : "";
    ck.sum({
      rule: yearRule,
      total: { row: side.yearTotalRow, col },
      items: items.map((r) => ({ row: r.row, col })),
      slots: slots.map((r) => ({ row: r.row, col })),
      names: () => ({ subject: `${yearName}${suffix}`, itemsPhrase: `各项${word}之和`, anchor: `${yearName}|${leaf}` }),
      group: "bal",
    });
    if (side.grandTotalRow === undefined) continue;
    ck.sum({
      rule: grandRule,
      total: { row: side.grandTotalRow, col },
      items: [{ row: side.yearTotalRow, col }, ...adjustments.map((r) => ({ row: r.row, col }))],
      names: () => {
        const names = [yearName, ...adjustmentNames(between)];
        return {
          subject: `${grandName}${suffix}`,
          itemsPhrase: names.length > 1 ? `${names.join("、")}之和` : yearName,
          anchor: `${grandName}|${leaf}`,
        };
      },
      group: "bal",
    });
  }
}

function adjustmentNames(between: RowInfo[]): string[] {
  return itemRows(between, () => true)
    .filter((r) => r.label !== "")
    .map((r) => stripNumbering(r.label));
}
