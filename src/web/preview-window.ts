import { columnLetters, parseA1, parseRange } from "../core/address";
import { SheetSnapshot, SheetView } from "../core/snapshot";

/** A read-only window of a sheet around one finding, in sheet coordinates (0-based). */
export interface PreviewWindow {
  sheet: string;
  top: number;
  left: number;
  /** "A", "B", … for each column of the window. */
  columns: string[];
  /** 1-based row numbers, as Excel shows them. */
  rowNumbers: number[];
  /** Text as displayed, one row per window row. */
  texts: string[][];
  /** Window-relative position of the flagged cell, or null when the address was not a cell. */
  flagged: { row: number; col: number } | null;
  /** Window-relative positions of the related cells that fall inside the window. */
  related: { row: number; col: number }[];
}

export const PREVIEW_ROWS = 15;
export const PREVIEW_COLS = 8;

/**
 * Places the flagged cell a little above the middle (the rows above are usually the items it sums)
 * and keeps the window inside the used range where the sheet is large enough to fill it.
 */
export function previewWindow(
  snapshot: SheetSnapshot,
  finding: { cell: string; related: readonly string[] },
  size = { rows: PREVIEW_ROWS, cols: PREVIEW_COLS },
): PreviewWindow {
  const view = new SheetView(snapshot);
  const at = parseA1(finding.cell) ?? { row: view.firstRow, col: view.firstCol };
  const top = place(at.row, size.rows, Math.floor(size.rows / 2), view.firstRow, view.lastRow);
  const left = place(at.col, size.cols, 2, view.firstCol, view.lastCol);
  const rows = Array.from({ length: size.rows }, (_, i) => top + i);
  const cols = Array.from({ length: size.cols }, (_, j) => left + j);
  const inside = (row: number, col: number) => row >= top && row < top + size.rows && col >= left && col < left + size.cols;

  const related: { row: number; col: number }[] = [];
  const seen = new Set<string>();
  for (const address of finding.related) {
    const rect = parseRange(address);
    if (!rect) continue;
    for (let r = Math.max(rect.top, top); r <= Math.min(rect.bottom, top + size.rows - 1); r++) {
      for (let c = Math.max(rect.left, left); c <= Math.min(rect.right, left + size.cols - 1); c++) {
        const key = `${r}:${c}`;
        if (seen.has(key) || (r === at.row && c === at.col)) continue;
        seen.add(key);
        related.push({ row: r - top, col: c - left });
      }
    }
  }

  return {
    sheet: snapshot.name,
    top,
    left,
    columns: cols.map(columnLetters),
    rowNumbers: rows.map((r) => r + 1),
    texts: rows.map((r) => cols.map((c) => view.text(r, c))),
    flagged: parseA1(finding.cell) && inside(at.row, at.col) ? { row: at.row - top, col: at.col - left } : null,
    related,
  };
}

/** The first index of a span of `length` holding `target` at `offset` where possible, clamped to [first, last]. */
function place(target: number, length: number, offset: number, first: number, last: number): number {
  let start = target - offset;
  // Pull the window back when it would run past the used range, but never past the target.
  if (last >= first && start + length - 1 > last) start = Math.max(last - length + 1, target - length + 1);
  return Math.max(0, Math.min(start, target));
}
