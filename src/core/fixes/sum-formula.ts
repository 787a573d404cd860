import { CellRef, parseA1, rectToA1 } from "../address";
import { Decimal, decimalFromCellNumber, parseAmountText } from "../amount";
import { toRectangles } from "../mark-layout";
import { isItemCulprit } from "../finding";
import { SheetView, isErrorValue } from "../snapshot";
import { cellStyle, displayAmount } from "../totals/display";
import { textToNumberWrite } from "./cell-text";
import { CellWrite, FixPlanner, cellAt, cellWrite } from "./plan";
import { sumCells } from "./sum-block";

/** Where a SUM fix may go beyond "the total becomes the sum of its items". */
interface SumOptions {
  /** CODE-TREE: the children must sit below their parent (the catalogue's condition). */
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
 * A typed total becomes `=SUM(…)` over its block's item cells as ranges (sum-block.ts), read from
 * the cells the sum adds (the finding's `items`, else its `related`; never the wider `related` a
 * wrong total carries, which names every identity it breaks), so that once a spreadsheet
 * recalculates, the rule holds and nothing new is raised:
 * - an item stored as text, which SUM skips, is converted to its number in the same fix, first;
 * - an item that SUM cannot add (an error value, a formula giving text) makes the fix refuse, and
 *   say why;
 * - the preview shows the formula and the value it gives, which must be the rule's 应为: where
 *   it is not (a figure blamed as an item of a sum, a total whose items are wrong too), the fix
 *   is refused.
 * Only a number typed by hand is replaced, never a formula.
 */
export function sumFormula(options: SumOptions = {}): FixPlanner {
  return (finding, view) => {
    // An item blamed for its sum is corrected by hand: there is no total here to make a formula.
    if (isItemCulprit(finding)) return null;
    const total = cellAt(view, finding.cell);
    if (!total || total.content.formula || typeof total.content.value !== "number") return null;
    const added = finding.items ?? finding.related;
    const related = added.map(parseA1).filter((p): p is CellRef => p !== null);
    if (related.length === 0 || related.length !== added.length || added.includes(finding.cell)) return null;
    if (options.childrenBelow && related.some((c) => c.col !== total.col || c.row <= total.row))
      return { refused: "下级科目不在上级科目下方的同一列，无法用一个求和公式表达，请手工修改" };
    const cells = sumCells(view, total, related);
    if (options.noSkippedFigure) {
      if (cells.some((c) => c.col !== total.col || c.row > total.row))
        return { refused: "各项不在合计上方的同一列中，无法用一个求和公式表达，请手工修改" };
      const skipped = skippedFigure(view, cells, total);
      if (skipped)
        return { refused: `同一列中 ${skipped} 的数没有计入本合计（它自身的合计有误），请先修正 ${skipped}，再修复本格` };
    }
    const addends = readAddends(view, finding.sheet, cells);
    if ("refused" in addends) return addends;
    // The formula must give the value the finding says the cell should hold; where it does not (a
    // figure blamed as an item of a sum, a total whose items are wrong too) no fix is offered, and
    // the refusal says why.
    if (finding.expected !== undefined && !addends.sum.eq(finding.expected))
      return { refused: "按表格结构求和的结果与检查的应为数不一致，自动改为公式不安全，请手工核对" };
    const formula = `=SUM(${toRectangles(cells).map(rectToA1).join(",")})`;
    const shown = displayAmount(addends.sum, cellStyle(view, total.row, total.col));
    return {
      label: "改为求和公式",
      writes: [
        ...addends.conversions,
        cellWrite(finding.sheet, finding.cell, {
          before: { ...total.content, formula: "" },
          after: { value: addends.sum.toNumber(), formula },
          beforeText: `手工录入的 ${total.text || String(total.content.value)}`,
          afterText: `${formula}（计算结果 ${shown}）`,
        }),
      ],
    };
  };
}

/**
 * The items' sum as a spreadsheet's SUM will compute it once the numbers stored as text are
 * converted (the writes that convert them come first), or why SUM cannot be trusted here.
 */
function readAddends(
  view: SheetView,
  sheet: string,
  cells: CellRef[],
): { sum: Decimal; conversions: CellWrite[] } | { refused: string } {
  let sum = new Decimal(0);
  const conversions: CellWrite[] = [];
  for (const { row, col } of cells) {
    const value = view.value(row, col);
    const address = view.address(row, col);
    if (value === null || value === "") continue;
    if (typeof value === "number") {
      sum = sum.plus(decimalFromCellNumber(value));
      continue;
    }
    if (isErrorValue(value)) return { refused: `${address} 是错误值 ${value}，求和公式会得出同样的错误；请先修正 ${address}` };
    if (typeof value === "boolean")
      return { refused: `${address} 是逻辑值 ${value ? "TRUE" : "FALSE"}，不是金额；请先修正 ${address}` };
    const reading = parseAmountText(value);
    if (reading.kind === "empty") continue;
    if (view.formula(row, col)) return { refused: `${address} 的公式结果是文本“${value}”，SUM 不会计入它；请先让该公式返回数字` };
    if (reading.kind !== "number") return { refused: `${address} 的“${value}”不是金额，SUM 不会计入它；请先改正 ${address}` };
    conversions.push(textToNumberWrite(sheet, address, view.numberFormat(row, col), value, reading.value));
    sum = sum.plus(reading.value);
  }
  return { sum, conversions };
}

/** A number in the total's column, between its first item and itself, that the formula would leave out. */
function skippedFigure(view: SheetView, cells: CellRef[], total: CellRef): string | null {
  const taken = new Set(cells.map((c) => c.row));
  const first = Math.min(...cells.map((c) => c.row));
  for (const row of view.rows())
    if (row >= first && row < total.row && !taken.has(row) && typeof view.value(row, total.col) === "number")
      return view.address(row, total.col);
  return null;
}
