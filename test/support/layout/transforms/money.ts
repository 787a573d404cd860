import Decimal from "decimal.js";
import { Layout, Rng } from "./layout";

/** An amount into a cell as a number (exact: every amount here has at most 15 significant digits). */
export function writeAmount(l: Layout, row: number, col: number, value: Decimal, fmt: string): void {
  l.grid.set(row, col, Number(value.toFixed()), fmt);
}

/** `value` cut at random into `k` non-negative parts in its own smallest unit (0.01 for 603.46), adding up exactly. */
export function splitAmount(value: Decimal, k: number, rng: Rng): Decimal[] {
  const scale = new Decimal(10).pow(value.decimalPlaces());
  const units = value.times(scale).toNumber();
  const cuts = Array.from({ length: k - 1 }, () => Math.floor(rng() * (units + 1))).sort((a, b) => a - b);
  const bounds = [0, ...cuts, units];
  return bounds.slice(1).map((b, i) => new Decimal(b - bounds[i]).dividedBy(scale));
}
