import { AmountReading, Decimal, readAmount } from "../amount";
import { perView } from "./per-view";
import { CellValue, SheetView } from "../snapshot";

/** Decimals are immutable, so every empty cell can share one zero instead of allocating its own. */
const ZERO = new Decimal(0);

/**
 * Reads amount cells once per check; rules ask for the same cells many times (a 项 cell is added
 * into its 款, checked against its row's 合计 column and scanned for its column's role), and a
 * decimal parse per read dominated the core's time. Readings live in per-row arrays indexed by
 * column, which is cheaper than a Map keyed by cell.
 */
export class AmountReader {
  private readonly rows: (AmountReading | undefined)[][] = [];
  /** Cells outside the snapshot are rare (rules probing beyond the used range): a Map suffices. */
  private readonly outside = new Map<number, AmountReading>();

  constructor(readonly view: SheetView) {}

  reading(row: number, col: number): AmountReading {
    const { view } = this;
    const r = row - view.firstRow;
    const c = col - view.firstCol;
    if (r < 0 || c < 0 || r >= view.rowCount || c >= view.colCount) return this.readOutside(row, col);
    const cells = this.rows[r] ?? (this.rows[r] = new Array<AmountReading | undefined>(view.colCount));
    let reading = cells[c];
    if (reading === undefined) {
      reading = readAmount(view.value(row, col));
      cells[c] = reading;
    }
    return reading;
  }

  /** The cell's amount (empty = 0), or null when it holds an error or text that is no number. */
  value(row: number, col: number): Decimal | null {
    const reading = this.reading(row, col);
    if (reading.kind === "number") return reading.value;
    return reading.kind === "empty" ? ZERO : null;
  }

  isEmpty(row: number, col: number): boolean {
    return this.reading(row, col).kind === "empty";
  }

  private readOutside(row: number, col: number): AmountReading {
    const key = row * 16384 + col;
    let reading = this.outside.get(key);
    if (!reading) {
      reading = readAmount(this.view.value(row, col));
      this.outside.set(key, reading);
    }
    return reading;
  }
}


/** One reader per view: the sheet's own rules and the cross-table checks read the same cells. */
export const amountsOf = perView((view) => new AmountReader(view));
