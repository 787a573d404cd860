/** A1 addressing helpers. Rows and columns are 0-based internally. */

export interface CellRef {
  row: number;
  col: number;
}

export interface RectRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A cell as one number, row × 16384 (Excel's column limit) + column: sets and maps of cells keyed
 * this way cost no string allocation per probe.
 */
export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectToA1(rect: RectRef): string {
  const a = toA1(rect.top, rect.left);
  const b = toA1(rect.bottom, rect.right);
  return a === b ? a : `${a}:${b}`;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "B3", "$B$3" or "Sheet!B3" (sheet part ignored). Returns null when it is not a cell address. */
export function parseA1(address: string): CellRef | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(bare.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parses "A1:C3" or a single cell into a rectangle. */
export function parseRange(address: string): RectRef | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.split(":");
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
