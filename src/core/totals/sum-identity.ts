import { CellRef } from "../address";
import { Decimal, compareWithBand } from "../amount";
import { RuleId } from "../catalogue";
import { judgeIdentity } from "../judge";
import { SheetChecker } from "./sheet-checker";
import { formulaRanges, rangesCover } from "./read/formulas";
import { cellStyle, displayAmount } from "./display";

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

/**
 * Checks total = Σ items with the rounding band, and the total's formula range. A formula that
 * leaves out item rows is a FORMULA-OMITS warning (the cause); a value beyond the band is also
 * the identity's error. Returns true when the identity holds exactly or within the band.
 */
export function checkSum(ck: SheetChecker, spec: SumSpec): boolean {
  const { total, items } = spec;
  const actual = ck.amounts.value(total.row, total.col);
  if (actual === null) return true; // the cell rules report what the cell holds
  const expected = sumOf(ck, items);
  if (expected === null) return true;
  const formula = ck.view.formula(total.row, total.col);
  const totalEmpty = ck.amounts.isEmpty(total.row, total.col);
  if (totalEmpty && !formula && expected.isZero()) return true;
  if (!spec.skipFormula)
    ck.recordTotal({
      row: total.row,
      col: total.col,
      hasFormula: formula !== "",
      group: spec.group,
      subject: spec.subject,
      anchor: spec.anchor,
    });
  if (ck.hasSumFinding(total.row, total.col)) return true;

  const omitted = formula && !spec.skipFormula ? omittedItems(ck, formula, items, spec.slots ?? []) : [];
  // Nearly every total holds: an equality test allocates nothing, and the addresses and message
  // text are left to the totals that are reported.
  if (omitted.length === 0 && expected.eq(actual)) return true;
  const style = cellStyle(ck.view, total.row, total.col);
  const judgement = judgeIdentity(
    {
      rule: spec.rule,
      subject: spec.subject,
      actual,
      expectedPhrase: spec.itemsPhrase,
      expected,
      show: (v) => displayAmount(v, style),
    },
    ck.ctx.band,
    ck.ctx.unit,
  );
  const place = {
    cell: ck.view.address(total.row, total.col),
    related: items.map((i) => ck.view.address(i.row, i.col)),
    anchor: spec.anchor,
  };
  if (omitted.length > 0) {
    const names = omitted.slice(0, 3).join("、") + (omitted.length > 3 ? " 等" : "");
    const tail = judgement ? "，这些单元格的数没有计入合计" : "，以后填入的数不会计入合计";
    // The formula is the cause (a warning in the catalogue); a value that is also wrong is the
    // identity's own finding, reported below with expected and actual.
    ck.report.add({
      rule: "FORMULA-OMITS",
      ...place,
      message: `${spec.subject}的公式 ${formula} 漏掉了明细单元格 ${names}${tail}`,
    });
    ck.markSumFinding(total.row, total.col);
  }
  if (!judgement) return true;
  ck.report.addJudgement(judgement, place);
  // Kept for the crossing analysis: one wrong figure, one finding (resolve-crossings.ts).
  if (!judgement.withinBand)
    ck.broken.push({ total, items, expected, actual, finding: ck.findings[ck.findings.length - 1], subject: spec.subject });
  ck.markSumFinding(total.row, total.col);
  return judgement.withinBand;
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
  const expected = actual === null ? null : sumOf(ck, items);
  if (actual === null || expected === null) return true;
  return compareWithBand(expected, actual, ck.ctx.band).tolerance !== "beyond";
}

/** Σ items, or null when one of them holds no readable amount. */
function sumOf(ck: SheetChecker, items: CellRef[]): Decimal | null {
  // Decimals are immutable: one shared zero to start from. Adding to it (rather than starting
  // from the first item) keeps decimal.js rounding every partial sum the same way as before.
  let sum: Decimal = ZERO;
  for (const item of items) {
    const v = ck.amounts.value(item.row, item.col);
    if (v === null) return null;
    sum = sum.plus(v);
  }
  return sum;
}
