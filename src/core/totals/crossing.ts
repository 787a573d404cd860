import { CellRef, cellKey } from "../address";
import { Decimal } from "../amount";

/** An identity (total = Σ items) that a table breaks beyond the band. */
export interface BrokenIdentity {
  total: CellRef;
  items: CellRef[];
  expected: Decimal;
  actual: Decimal;
}

/** A cell that two broken identities both blame, and the value both say it should hold. */
export interface Culprit<T extends BrokenIdentity> {
  cell: CellRef;
  actual: Decimal;
  expected: Decimal;
  /** The identities it breaks: their findings give way to one finding at the cell. */
  because: T[];
}

export interface Crossings<T extends BrokenIdentity> {
  /** Identities that are off only because of a cell already reported as the total of another. */
  explained: Set<T>;
  /** Cells, items of a row and a column identity alike, that both identities point at. */
  culprits: Culprit<T>[];
}

const key = (c: CellRef) => cellKey(c.row, c.col);

/**
 * One wrong figure, one finding (docs/domain.md §8). For an item X of a broken identity, the identity
 * would hold if X were X + (actual − expected) of that identity. When that value agrees (within
 * the band) with what another broken identity through X says, X is the culprit:
 * - X is the total of the other identity, already reported at X: the first identity is explained;
 * - X is an item of both, one along its row and one along its column: both give way to X.
 */
export function findCrossings<T extends BrokenIdentity>(
  broken: T[],
  valueAt: (cell: CellRef) => Decimal | null,
  band: Decimal,
): Crossings<T> {
  const byTotal = new Map<number, T>();
  for (const b of broken) byTotal.set(key(b.total), b);
  const byItem = new Map<number, T[]>();
  for (const b of broken) {
    for (const i of b.items) {
      const list = byItem.get(key(i));
      if (list) list.push(b);
      else byItem.set(key(i), [b]);
    }
  }
  const explained = new Set<T>();
  const culprits: Culprit<T>[] = [];
  const agree = (a: Decimal, b: Decimal) => a.minus(b).abs().lessThanOrEqualTo(band);
  for (const [k, through] of byItem) {
    const cell = through[0].items.find((i) => key(i) === k)!;
    const value = valueAt(cell);
    if (value === null) continue;
    const wants = (b: T) => value.plus(b.actual.minus(b.expected));
    const own = byTotal.get(k);
    if (own) {
      for (const b of through) if (b !== own && agree(wants(b), own.expected)) explained.add(b);
      continue;
    }
    const alongRow = through.filter((b) => b.total.row === cell.row && b.total.col !== cell.col);
    const alongCol = through.filter((b) => b.total.col === cell.col && b.total.row !== cell.row);
    const pair = pairing(alongRow, alongCol, (a, b) => agree(wants(a), wants(b)));
    if (pair) culprits.push({ cell, actual: value, expected: wants(pair[1]), because: pair });
  }
  return { explained, culprits };
}

function pairing<T>(a: T[], b: T[], ok: (x: T, y: T) => boolean): [T, T] | null {
  for (const x of a) for (const y of b) if (ok(x, y)) return [x, y];
  return null;
}
