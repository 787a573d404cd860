import { AmountReading, Decimal, readAmount } from "../../amount";
import { CellCache } from "./cell-cache";
import { perView } from "./per-view";
import { SheetView } from "../../snapshot";

/** Decimals are immutable, so every empty cell can share one zero instead of allocating its own. */
const ZERO = new Decimal(0);

/** Amount readings of a sheet's cells, each parsed once per check (see CellCache). */
export class AmountReader {
  private readonly cells: CellCache<AmountReading>;

  constructor(readonly view: SheetView) {
    this.cells = new CellCache(view, readCell, view);
  }

  reading(row: number, col: number): AmountReading {
    return this.cells.get(row, col);
  }

  /**
   * The cell's amount (empty = 0), or null when it holds an error or text that is no number. A
   * figure followed by a bracketed note (`10(其中,灾情因素6万元)`) counts as that figure: the sums
   * over it stay checked, and the cell keeps its own finding (CELL-NOT-NUMBER).
   */
  value(row: number, col: number): Decimal | null {
    const reading = this.reading(row, col);
    if (reading.kind === "number") return reading.value;
    if (reading.kind === "invalid") return reading.leading ?? null;
    return reading.kind === "empty" ? ZERO : null;
  }

  isEmpty(row: number, col: number): boolean {
    return this.reading(row, col).kind === "empty";
  }
}

const EMPTY: AmountReading = { kind: "empty" };

function readCell(view: SheetView, row: number, col: number): AmountReading {
  const reading = readAmount(view.value(row, col));
  // A remark written across several columns (`2016年为预计数` merged over 增减额 … 备注) is a
  // note beside the figures, not an amount that failed to read (issue 16, principle 4).
  return reading.kind === "invalid" && isSpanningNote(view, row, col) ? EMPTY : reading;
}

function isSpanningNote(view: SheetView, row: number, col: number): boolean {
  const merge = view.mergeAt(row, col);
  return merge !== undefined && merge.right > merge.left && merge.top === merge.bottom;
}

/** One reader per view: the sheet's own rules and the cross-table checks read the same cells. */
export const amountsOf = perView((view) => new AmountReader(view));
