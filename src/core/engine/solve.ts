import Decimal from "decimal.js";

/** One equation `Σ coefs[k] × d[k] = rhs` over a handful of unknowns, and how close it must come. */
export interface Equation {
  coefs: Decimal[];
  rhs: Decimal;
  band: Decimal;
}

/**
 * Solves a small linear system exactly (decimal.js, Gaussian elimination; coefficients are ±1 or
 * powers of ten, so nothing is lost) and checks every equation within its band. The equations
 * are tried as pivots in the order given, so the caller puts the widest gaps first: a rounding gap
 * never decides the value. Returns the unknowns, or null when no single solution satisfies all
 * equations (inconsistent, or some unknown left free: then no value can be named for it).
 */
export function solveSmall(equations: Equation[], unknowns: number): Decimal[] | null {
  const rows = equations.map((e) => [...e.coefs, e.rhs]);
  const pivotRow: number[] = [];
  let r = 0;
  for (let k = 0; k < unknowns; k++) {
    let p = -1;
    for (let i = r; i < rows.length; i++)
      if (!rows[i][k].isZero()) {
        p = i;
        break;
      }
    if (p < 0) return null;
    [rows[r], rows[p]] = [rows[p], rows[r]];
    const pivot = rows[r][k];
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i][k].isZero()) continue;
      const f = rows[i][k].dividedBy(pivot);
      for (let j = k; j <= unknowns; j++) rows[i][j] = rows[i][j].minus(f.times(rows[r][j]));
    }
    pivotRow.push(r);
    r++;
  }
  const d = pivotRow.map((row, k) => rows[row][unknowns].dividedBy(rows[row][k]));
  for (const e of equations) {
    let lhs = new Decimal(0);
    for (let k = 0; k < unknowns; k++) lhs = lhs.plus(e.coefs[k].times(d[k]));
    if (lhs.minus(e.rhs).abs().greaterThan(e.band)) return null;
  }
  return d;
}
