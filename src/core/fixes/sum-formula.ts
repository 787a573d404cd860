import { CellRef, parseA1, rectToA1 } from "../address";
import { Decimal, decimalFromCellNumber } from "../amount";
import { toRectangles } from "../mark-layout";
import { SheetView } from "../snapshot";
import { FixPlanner, cellAt, cellWrite } from "./plan";

/** Where a SUM fix may go beyond "the total becomes the sum of its items". */
interface SumOptions {
  /** CODE-TREE: the children must sit right below their parent in one run (the catalogue's condition). */
  childrenBelow?: boolean;
  /**
   * BAL-INCOME-TOTAL / BAL-SPEND-TOTAL: no figure in the total's column between its first addend
   * and itself may be left out. When 本年收入合计 is itself wrong, the rule adds the items below it
   * instead and skips that row; a SUM written so would be flagged FORMULA-OMITS once 本年收入合计 is
   * fixed, so the 总计 gets its fix after the 本年合计 has had its own.
   */
  noSkippedFigure?: boolean;
}

/**
 * A typed total becomes `=SUM(…)` over the cells the rule added up (the finding's `items`, else
 * its `related`, merged into rectangles). Only a number typed by hand is replaced, never a formula.
 */
export function sumFormula(options: SumOptions = {}): FixPlanner {
  return (finding, view) => {
    const total = cellAt(view, finding.cell);
    if (!total || total.content.formula || typeof total.content.value !== "number") return null;
    const added = finding.items ?? finding.related;
    const items = added.map(parseA1).filter((p): p is CellRef => p !== null);
    if (items.length === 0 || items.length !== added.length || added.includes(finding.cell)) return null;
    const rects = toRectangles(items);
    if (options.childrenBelow) {
      const [run] = rects;
      if (rects.length !== 1 || run.left !== total.col || run.right !== total.col || run.top !== total.row + 1) return null;
    }
    if (options.noSkippedFigure && skipsFigure(view, items, total)) return null;
    // The formula must give the value the finding says the cell should hold: a figure blamed as
    // an item of a sum (its related cells are the total and the other items), or a total whose
    // items are wrong too, gets no formula.
    if (finding.expected !== undefined && !sumOf(view, items).equals(new Decimal(finding.expected))) return null;
    const formula = `=SUM(${rects.map(rectToA1).join(",")})`;
    return {
      label: "改为求和公式",
      writes: [
        cellWrite(finding.sheet, finding.cell, {
          before: { ...total.content, formula: "" },
          after: { value: null, formula },
          beforeText: `手工录入的 ${total.text || String(total.content.value)}`,
          afterText: formula,
        }),
      ],
    };
  };
}

/** Whether a number sits in the total's column, between its first item and itself, outside the items. */
function skipsFigure(view: SheetView, items: CellRef[], total: CellRef): boolean {
  if (items.some((i) => i.col !== total.col || i.row > total.row)) return true;
  const taken = new Set(items.map((i) => i.row));
  const first = Math.min(...items.map((i) => i.row));
  for (let row = first; row < total.row; row++)
    if (!taken.has(row) && typeof view.value(row, total.col) === "number") return true;
  return false;
}

/** What =SUM over the cells gives today: numbers only, as Excel's SUM skips text. */
function sumOf(view: SheetView, items: CellRef[]): Decimal {
  let sum = new Decimal(0);
  for (const i of items) {
    const v = view.value(i.row, i.col);
    if (typeof v === "number") sum = sum.plus(decimalFromCellNumber(v));
  }
  return sum;
}
