import Decimal from "decimal.js";
import { parseA1 } from "../../../src/core/address";
import { SheetSnapshot, displayText } from "../../../src/core/snapshot";

/** The default rounding band (docs/domain.md §2), in the table's own unit. */
export const BAND = new Decimal("0.01");

/**
 * A changed figure as a typo makes one: one digit off, ±k × 10^e (k 1–9, e from the cents up to
 * the value's leading digit), always beyond the band, never below zero for a figure that was not.
 * `k`, `e` and `up` are picked by the caller (fast-check or the bench's seeded generator).
 */
export function changedFigure(value: Decimal, k: number, e: number, up: boolean): Decimal {
  const top = Math.max(0, value.abs().isZero() ? 0 : Math.floor(Math.log10(value.abs().toNumber())));
  const exp = -2 + (e % (top + 3));
  let delta = new Decimal(k).times(new Decimal(10).pow(exp));
  if (delta.lte(BAND)) delta = BAND.times(2);
  const down = value.minus(delta);
  return up || (value.gte(0) && down.lt(0)) ? value.plus(delta) : down;
}

/**
 * The sheet with one cell's figure replaced, as a user types over it: the value and its displayed
 * text change and a formula there is gone (the totals that depend on it keep their cached values).
 */
export function plant(sheet: SheetSnapshot, a1: string, value: Decimal): SheetSnapshot {
  const p = parseA1(a1)!;
  const r = p.row - sheet.origin.row;
  const c = p.col - sheet.origin.col;
  const n = Number(value.toFixed());
  const row = <T>(rows: T[][], v: T) => rows.map((x, i) => (i === r ? x.map((y, j) => (j === c ? v : y)) : x));
  return {
    ...sheet,
    values: row(sheet.values, n),
    texts: row(sheet.texts, displayText(n, sheet.numberFormats[r]?.[c] ?? "General")),
    formulas: row(sheet.formulas, ""),
  };
}
