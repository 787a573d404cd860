import { RectRef } from "./address";
import { CellValue, SheetSnapshot } from "./snapshot";

/** One cell that holds something, in sheet coordinates (0-based). */
export interface OccupiedCell {
  row: number;
  col: number;
  value: CellValue;
  text: string;
  /** "=SUM(B2:B9)" or "". */
  formula: string;
  numberFormat: string;
}

/** A sheet with more cells holding content than this is not checked (named in a note instead). */
export const MAX_CONTENT_CELLS = 2_000_000;
/** The collapsed grid the rules walk is bounded too, for content scattered far apart (the add-in reads at most as many). */
export const MAX_GRID_CELLS = 5_000_000;
/** A run of empty rows or columns longer than this keeps only this many: rules still see a gap. */
export const KEPT_GAP = 10;

/** `scattered`: few cells, but spread so far apart that even with gaps collapsed the grid is too large. */
export type CompactResult = { snapshot: SheetSnapshot } | { tooLarge: { cells: number; scattered?: boolean } };

/**
 * Builds a snapshot sized by the cells that hold something, not by the used-range rectangle: long
 * runs of empty rows and columns are collapsed, and `sheetRows`/`sheetCols` map what is kept back
 * to the real cells. A sheet without such runs gets a plain snapshot, identical to a dense read.
 * Merge corners count as occupied so that merges map exactly.
 */
export function compactSheet(
  name: string,
  cells: OccupiedCell[],
  merges: RectRef[],
  maxContent = MAX_CONTENT_CELLS,
): CompactResult {
  if (cells.length > maxContent) return { tooLarge: { cells: cells.length } };
  const rowSet = new Set<number>();
  const colSet = new Set<number>();
  for (const c of cells) {
    rowSet.add(c.row);
    colSet.add(c.col);
  }
  for (const m of merges) {
    rowSet.add(m.top).add(m.bottom);
    colSet.add(m.left).add(m.right);
  }
  if (rowSet.size === 0)
    return { snapshot: { name, origin: { row: 0, col: 0 }, values: [], texts: [], formulas: [], numberFormats: [], merges } };
  const occupiedRows = [...rowSet].sort((a, b) => a - b);
  const occupiedCols = [...colSet].sort((a, b) => a - b);
  let rows: number[] = [];
  let cols: number[] = [];
  for (const gap of [KEPT_GAP, 1]) {
    rows = keptIndexes(occupiedRows, gap);
    cols = keptIndexes(occupiedCols, gap);
    if (rows.length * cols.length <= MAX_GRID_CELLS) break;
  }
  if (rows.length * cols.length > MAX_GRID_CELLS) return { tooLarge: { cells: cells.length, scattered: true } };

  const origin = { row: rows[0], col: cols[0] };
  const rowsCollapsed = rows[rows.length - 1] - rows[0] + 1 !== rows.length;
  const colsCollapsed = cols[cols.length - 1] - cols[0] + 1 !== cols.length;
  const rowAt = indexOf(rows);
  const colAt = indexOf(cols);
  const width = cols.length;
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const formulas: string[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rows.length; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    texts.push(new Array<string>(width).fill(""));
    formulas.push(new Array<string>(width).fill(""));
    numberFormats.push(new Array<string>(width).fill("General"));
  }
  for (const c of cells) {
    const r = rowAt.get(c.row)!;
    const k = colAt.get(c.col)!;
    values[r][k] = c.value;
    texts[r][k] = c.text;
    formulas[r][k] = c.formula;
    numberFormats[r][k] = c.numberFormat;
  }
  const snapshot: SheetSnapshot = { name, origin, values, texts, formulas, numberFormats, merges };
  if (rowsCollapsed) snapshot.sheetRows = rows;
  if (colsCollapsed) snapshot.sheetCols = cols;
  return { snapshot };
}

/** The occupied indexes plus up to `gap` empty ones after each, so every gap stays visible but short. */
function keptIndexes(occupied: number[], gap: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < occupied.length; i++) {
    const here = occupied[i];
    out.push(here);
    const next = i + 1 < occupied.length ? occupied[i + 1] : here + 1;
    for (let k = here + 1; k < next && k <= here + gap; k++) out.push(k);
  }
  return out;
}

function indexOf(list: number[]): Map<number, number> {
  const map = new Map<number, number>();
  list.forEach((v, i) => map.set(v, i));
  return map;
}

/** How many cells a snapshot holds (its arrays' size), for tests and measurements. */
export function snapshotCellCount(snapshot: SheetSnapshot): number {
  return snapshot.values.reduce((n, row) => n + row.length, 0);
}
