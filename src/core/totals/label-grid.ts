import { SheetView } from "../snapshot";
import { perView } from "./per-view";

/**
 * The sheet's compact labels, each computed once. Layout detection and the rules scan every data
 * row several times (table end, column roles, row kinds, messages), and compacting a label is a
 * regex replace: caching turns those repeats into array reads. Rows are allocated when first
 * touched, so a large sheet whose table ends early costs little.
 */
export class LabelGrid {
  private readonly rows: (string | undefined)[][] = [];

  constructor(readonly view: SheetView) {}

  /** Same as `view.label(row, col)`. */
  label(row: number, col: number): string {
    const { view } = this;
    const r = row - view.firstRow;
    const c = col - view.firstCol;
    if (r < 0 || c < 0 || r >= view.rowCount || c >= view.colCount) return view.label(row, col);
    const cells = this.rows[r] ?? (this.rows[r] = new Array<string | undefined>(view.colCount));
    let l = cells[c];
    if (l === undefined) {
      l = view.label(row, col);
      cells[c] = l;
    }
    return l;
  }
}

/** One grid per view: the per-sheet rules and the cross-table checks read the same sheet. */
export const labelsOf = perView((view) => new LabelGrid(view));
