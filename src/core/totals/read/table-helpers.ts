import { SheetView } from "../../snapshot";
import { AmountReader } from "./amounts";
import { labelsOf } from "./label-grid";
import { ColumnInfo, TableLayout } from "./table-layout";

export function columnInfo(table: TableLayout, col: number): ColumnInfo | undefined {
  return table.columns.find((c) => c.col === col);
}

/** True when the row holds a figure (not empty, not zero-width) in any of the columns. */
export function rowHasValue(amounts: AmountReader, row: number, cols: number[]): boolean {
  for (let i = 0; i < cols.length; i++) if (!amounts.isEmpty(row, cols[i])) return true;
  return false;
}

/** The row's label as read next to a column: the nearest label column to its left, else any label or the code. */
export function rowLabelNear(view: SheetView, table: TableLayout, row: number, col: number): string {
  const grid = labelsOf(view);
  let best = "";
  for (const c of table.labelCols) {
    if (c > col) break;
    // 合计 written across 序号 and the name column (A9:B9) names the row from the merge's first cell.
    const l = grid.label(row, c) || mergedLabel(view, row, c);
    if (l !== "") best = l;
  }
  if (best) return best;
  for (const c of table.labelCols) {
    const l = grid.label(row, c);
    if (l !== "") return l;
  }
  // 合计 written across 序号 … 名称: the merge's own label.
  for (const c of table.labelCols) {
    const merge = view.mergeAt(row, c);
    const l = merge && merge.top === row ? grid.label(merge.top, merge.left) : "";
    if (l !== "") return l;
  }
  if (table.codeCol !== undefined) {
    const l = grid.label(row, table.codeCol);
    if (l !== "") return l;
  }
  return `第${row + 1}行`;
}

/** The label of a merge that starts on this row and spans this column with others (合计 over 序号 and 名称), or "". */
export function mergedLabel(view: SheetView, row: number, col: number): string {
  const merge = view.mergeAt(row, col);
  if (!merge || merge.top !== row || (merge.left === col && merge.right === col)) return "";
  return labelsOf(view).label(merge.top, merge.left);
}

/** A column's name in messages: its header, or its letter when it has none. */
export function columnName(view: SheetView, table: TableLayout, col: number): string {
  const info = columnInfo(table, col);
  return info && info.header ? info.header : `${view.address(0, col).replace(/\d+$/, "")}列`;
}

/** The smallest f(item), Infinity for none. A loop: Math.min(...spread) overflows the stack on very long tables. */
export function minOf<T>(items: T[], f: (item: T) => number): number {
  let min = Infinity;
  for (let i = 0; i < items.length; i++) {
    const v = f(items[i]);
    if (v < min) min = v;
  }
  return min;
}
