import { cellKey } from "../../address";
import { sparseArray } from "../../object-arrays";
import { SheetView } from "../../snapshot";

/**
 * A value derived from each cell, computed on first use. Rules ask for the same cells many times
 * (a 项 cell is added into its 款, checked against its row's 合计 column and scanned for its
 * column's role), so parsing or compacting once per check matters. Values live in per-row arrays
 * indexed by column, cheaper than a Map keyed by cell; rows are allocated when first touched, so a
 * large sheet whose table ends early costs little. Cells the snapshot does not store are rare
 * (rules probing beyond the used range, or into a collapsed gap) and go to a Map.
 */
export class CellCache<T, C = SheetView> {
  private readonly rows: (T | undefined)[][] = sparseArray();
  private readonly outside = new Map<number, T>();

  /**
   * `compute` gets `context` (what it reads the cell from) rather than closing over it: pass a
   * function defined once, at module level. A closure made per cache is a new function each
   * check, and V8 threw away the code it had optimized around the previous one ("wrong call
   * target"), so the next check's hottest reads ran unoptimized again.
   */
  constructor(
    readonly view: SheetView,
    private readonly compute: (context: C, row: number, col: number) => T,
    private readonly context: C,
  ) {}

  get(row: number, col: number): T {
    const { view } = this;
    const r = view.rowIndex(row);
    const c = view.colIndex(col);
    if (r < 0 || c < 0) return this.getOutside(row, col);
    const cells = this.rows[r] ?? (this.rows[r] = new Array<T | undefined>(view.colCount));
    let value = cells[c];
    if (value === undefined) {
      value = this.compute(this.context, row, col);
      cells[c] = value;
    }
    return value;
  }

  private getOutside(row: number, col: number): T {
    const key = cellKey(row, col);
    let value = this.outside.get(key);
    if (value === undefined) {
      value = this.compute(this.context, row, col);
      this.outside.set(key, value);
    }
    return value;
  }
}
