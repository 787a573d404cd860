import { SheetView } from "../../snapshot";
import { CellCache } from "./cell-cache";
import { perView } from "./per-view";

/**
 * The sheet's compact labels, each computed once: layout detection and the rules scan every data
 * row several times (table end, column roles, row kinds, messages), and compacting a label is a
 * regex replace.
 */
export class LabelGrid {
  private readonly cells: CellCache<string>;

  constructor(readonly view: SheetView) {
    this.cells = new CellCache(view, labelOf, view);
  }

  /** Same as `view.label(row, col)`. */
  label(row: number, col: number): string {
    return this.cells.get(row, col);
  }
}

function labelOf(view: SheetView, row: number, col: number): string {
  return view.label(row, col);
}

/** One grid per view: the per-sheet rules and the cross-table checks read the same sheet. */
export const labelsOf = perView((view) => new LabelGrid(view));
