import { CellRef } from "../address";
import { Decimal, compareWithBand, formatAmount } from "../amount";
import { RuleId } from "../catalogue";
import { SheetChecker } from "./sheet-checker";
import { formulaRanges, rangesCover } from "./read/formulas";

export interface SumSpec {
  rule: RuleId;
  total: CellRef;
  items: CellRef[];
  /** How the message names the total, such as `本年支出合计` or `合计（基本支出）`. */
  subject: string;
  /** How the message names the sum of the items, such as `各项支出之和`. */
  itemsPhrase: string;
  /** Keeps the finding id stable when rows move: the row label and column header. */
  anchor: string;
  /** Totals of one kind in one table, compared for FORMULA-CONST. */
  group: string;
  /** Labelled item cells still empty: the formula must cover them too, or a figure typed later is lost. */
  slots?: CellRef[];
  /** The total's formula need not add the items (收入总计 = 支出总计 compares two totals). */
  skipFormula?: boolean;
}

const ZERO = new Decimal(0);

/** The unit as messages print it: `（万元）`. */
export function unitNote(ck: SheetChecker): string {
  return `（${ck.ctx.unit}）`;
}

/**
 * Checks total = Σ items with the rounding band, and the total's formula range. A formula that
 * leaves out item rows is a FORMULA-OMITS warning (the cause); a value beyond the band is also
 * the identity's error. Returns true when the identity holds exactly or within the band.
 */
export function checkSum(ck: SheetChecker, spec: SumSpec): boolean {
  const { total, items } = spec;
  const actual = ck.amounts.value(total.row, total.col);
  if (actual === null) return true; // the cell rules report what the cell holds
  // Decimals are immutable: one shared zero to start from. Adding to it (rather than starting
  // from the first item) keeps decimal.js rounding every partial sum the same way as before.
  let expected: Decimal = ZERO;
  for (const item of items) {
    const v = ck.amounts.value(item.row, item.col);
    if (v === null) return true;
    expected = expected.plus(v);
  }
  const formula = ck.view.formula(total.row, total.col);
  const totalEmpty = ck.amounts.isEmpty(total.row, total.col);
  if (totalEmpty && !formula && expected.isZero()) return true;
  if (!spec.skipFormula)
    ck.recordTotal({ row: total.row, col: total.col, hasFormula: formula !== "", group: spec.group, subject: spec.subject, anchor: spec.anchor });
  if (ck.hasSumFinding(total.row, total.col)) return true;

  const omitted = formula && !spec.skipFormula ? omittedItems(ck, formula, items, spec.slots ?? []) : [];
  // Nearly every total holds: an equality test allocates nothing, and the addresses and message
  // text are left to the totals that are reported.
  if (omitted.length === 0 && expected.eq(actual)) return true;
  const { tolerance, difference } = compareWithBand(expected, actual, ck.ctx.band);
  const related = items.map((i) => ck.view.address(i.row, i.col));
  const cell = ck.view.address(total.row, total.col);
  const gap = `相差 ${formatAmount(difference.abs())}${unitNote(ck)}`;
  if (omitted.length > 0) {
    const names = omitted.slice(0, 3).join("、") + (omitted.length > 3 ? " 等" : "");
    const tail = tolerance === "exact" ? "，以后填入的数不会计入合计" : "，这些单元格的数没有计入合计";
    // The formula is the cause and stays a warning (its catalogue default); a value that is also
    // wrong is the identity's own error, reported below with expected and actual.
    ck.add({
      rule: "FORMULA-OMITS",
      cell,
      related,
      anchor: spec.anchor,
      severity: "warning",
      message: `${spec.subject}的公式 ${formula} 漏掉了明细单元格 ${names}${tail}`,
    });
    ck.markSumFinding(total.row, total.col);
  }
  if (tolerance === "exact") return true;
  const rounding = tolerance === "rounding";
  ck.add({
    rule: spec.rule,
    cell,
    related,
    anchor: spec.anchor,
    severity: rounding ? "info" : "error",
    message: `${spec.subject} ${formatAmount(actual)} 与${spec.itemsPhrase} ${formatAmount(expected)} 不一致，${gap}${rounding ? "，在舍入容差内，可能是四舍五入所致" : ""}`,
    expected,
    actual,
  });
  ck.markSumFinding(total.row, total.col);
  return rounding;
}

/** Item cells holding a figure that the total's simple formula does not add. */
function omittedItems(ck: SheetChecker, formula: string, items: CellRef[], slots: CellRef[]): string[] {
  const ranges = formulaRanges(formula);
  if (!ranges || ranges.length === 0) return [];
  // A formula that adds none of these items sums along the other axis (a 合计 cell is both a
  // row and a column total); it is judged by the identity it does implement.
  if (!items.some((i) => rangesCover(ranges, i.row, i.col))) return [];
  const expected = [...items.filter((i) => !ck.amounts.isEmpty(i.row, i.col)), ...slots];
  return expected
    .filter((i) => !rangesCover(ranges, i.row, i.col))
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((i) => ck.view.address(i.row, i.col));
}

/** Whether total = Σ items within the band, without reporting anything; unreadable cells count as holding. */
export function sumHolds(ck: SheetChecker, total: CellRef, items: CellRef[]): boolean {
  const actual = ck.amounts.value(total.row, total.col);
  if (actual === null) return true;
  let expected: Decimal = ZERO;
  for (const item of items) {
    const v = ck.amounts.value(item.row, item.col);
    if (v === null) return true;
    expected = expected.plus(v);
  }
  return compareWithBand(expected, actual, ck.ctx.band).tolerance !== "beyond";
}
