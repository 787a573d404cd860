import type { RectRef } from "../../../../src/core/address";
import { Grid } from "../grid";
import { Table } from "../table";
import { compact } from "../words";

/** The merged area holding a cell, or the cell alone. */
export function areaAt(grid: Grid, row: number, col: number): RectRef {
  return (
    grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? {
      top: row,
      bottom: row,
      left: col,
      right: col,
    }
  );
}

/** The header cells above a column, top to bottom (the 栏次 row left out), each with its text. */
export function headerCells(grid: Grid, table: Table, col: number): (RectRef & { text: string })[] {
  const out: (RectRef & { text: string })[] = [];
  for (let r = table.header.top; r <= table.header.bottom; r++) {
    if (r === table.colNoRow) continue;
    const a = areaAt(grid, r, col);
    const text = compact(grid.text(a.top, a.left));
    if (text !== "" && !out.some((o) => o.top === a.top && o.left === a.left)) out.push({ ...a, text });
  }
  return out;
}

/** The lowest header cell above a column: the one that names it. */
export function leafHeader(grid: Grid, table: Table, col: number): (RectRef & { text: string }) | undefined {
  const cells = headerCells(grid, table, col);
  return cells[cells.length - 1];
}

/** Writes a header text into a column's cell at the rows of another header cell, merged down the same rows. */
export function writeHeader(grid: Grid, rows: { top: number; bottom: number }, col: number, text: string): void {
  grid.set(rows.top, col, text);
  const merged = grid.merges.some((m) => m.top === rows.top && m.left === col && m.right === col);
  if (rows.bottom > rows.top && !merged) grid.merges.push({ top: rows.top, bottom: rows.bottom, left: col, right: col });
}
