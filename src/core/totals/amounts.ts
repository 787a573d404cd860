import { AmountReading, Decimal, amountValue, readAmount } from "../amount";
import { SheetView } from "../snapshot";

/** Reads amount cells once per check; rules ask for the same cells many times. */
export class AmountReader {
  private readonly cache = new Map<number, AmountReading>();

  constructor(readonly view: SheetView) {}

  reading(row: number, col: number): AmountReading {
    const key = row * 16384 + col;
    let r = this.cache.get(key);
    if (!r) {
      r = readAmount(this.view.value(row, col));
      this.cache.set(key, r);
    }
    return r;
  }

  /** The cell's amount (empty = 0), or null when it holds an error or text that is no number. */
  value(row: number, col: number): Decimal | null {
    return amountValue(this.reading(row, col));
  }

  isEmpty(row: number, col: number): boolean {
    return this.reading(row, col).kind === "empty";
  }
}
