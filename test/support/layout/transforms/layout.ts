import { Grid } from "../grid";
import { Identity } from "../identities";
import { Table, inserted, remapTable } from "../table";

/** A sheet being transformed: the grid, its table as it now stands, and the identities transforms added. */
export interface Layout {
  grid: Grid;
  table: Table;
  added: Identity[];
}

/** Why a transform does not apply to a table, in Chinese (counted by the properties, never silent). */
export interface Skip {
  skip: string;
}

/** A content-preserving layout change. `apply` never changes its input. */
export interface Transform {
  name: string;
  /** What it does, in Chinese. */
  title: string;
  apply(layout: Layout, rng: Rng): Layout | Skip;
}

export const isSkip = (x: Layout | Skip): x is Skip => "skip" in x;

/** A seeded generator (mulberry32): the same seed gives the same layout. */
export interface Rng {
  (): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (() => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }) as Rng;
  next.int = (n) => Math.floor(next() * n);
  next.pick = (xs) => xs[next.int(xs.length)];
  return next;
}

/** A copy of the layout to change. */
export function edit(l: Layout): Layout {
  return { grid: l.grid.clone(), table: l.table, added: [...l.added] };
}

/** Inserts `n` rows before grid row `at`; with `body`, they join every panel's body rows. */
export function insertRows(l: Layout, at: number, n: number, body: boolean): void {
  l.grid.insertRows(at, n);
  const table = remapTable(l.table, "row", inserted(at, n));
  if (body)
    for (const p of table.panels) p.rows = [...p.rows, ...Array.from({ length: n }, (_, i) => at + i)].sort((a, b) => a - b);
  l.table = table;
}

export function insertCols(l: Layout, at: number, n: number): void {
  l.grid.insertCols(at, n);
  l.table = remapTable(l.table, "col", inserted(at, n));
}

export function deleteRows(l: Layout, at: number, n: number): void {
  const shift = (i: number) => (i >= at + n ? i - n : i);
  const kept = l.table.panels.map((p) => p.rows.filter((r) => r < at || r >= at + n));
  l.grid.deleteRows(at, n);
  l.table = remapTable(l.table, "row", shift);
  l.table.panels.forEach((p, k) => (p.rows = kept[k].map(shift)));
}

export function deleteCols(l: Layout, at: number, n: number): void {
  l.grid.deleteCols(at, n);
  l.table = remapTable(l.table, "col", (i) => (i >= at + n ? i - n : i));
}
