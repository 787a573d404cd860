import type { RectRef } from "../../../src/core/address";
import { toA1 } from "../../../src/core/address";
import { CellValue, SheetSnapshot, displayText } from "../../../src/core/snapshot";
import { rewriteFormula } from "./formulas";

/**
 * A sheet as a mutable grid for layout transforms. Every cell carries a stable id (its address in
 * the untransformed sheet, or `+n` for a cell a transform created), so identities and planted cells
 * named on the original can be found again after any chain of transforms.
 */
export interface GridCell {
  v: CellValue;
  t: string;
  /** A formula in the original sheet's coordinates (its references are ids); rewritten by toSnapshot. */
  f: string;
  fmt: string;
  id: string;
}

export class Grid {
  private fresh = 0;

  constructor(
    readonly name: string,
    public cells: GridCell[][],
    public merges: RectRef[],
  ) {}

  /** A snapshot at origin A1. Compacted snapshots (collapsed empty gaps) are refused: their coordinates are not the sheet's. */
  static fromSnapshot(s: SheetSnapshot): Grid {
    if (s.sheetRows || s.sheetCols) throw new Error(`${s.name}: compacted snapshot`);
    const rows = s.origin.row + s.values.length;
    const cols = s.origin.col + s.values.reduce((m, r) => Math.max(m, r.length), 0);
    const cells: GridCell[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: GridCell[] = [];
      for (let c = 0; c < cols; c++) {
        const i = r - s.origin.row;
        const j = c - s.origin.col;
        const inside = i >= 0 && j >= 0;
        const v = inside ? (s.values[i]?.[j] ?? null) : null;
        row.push({
          v,
          t: inside ? (s.texts[i]?.[j] ?? "") : "",
          f: inside ? (s.formulas[i]?.[j] ?? "") : "",
          fmt: inside ? (s.numberFormats[i]?.[j] ?? "General") : "General",
          id: toA1(r, c),
        });
      }
      cells.push(row);
    }
    return new Grid(
      s.name,
      cells,
      s.merges.map((m) => ({ ...m })),
    );
  }

  clone(): Grid {
    const g = new Grid(
      this.name,
      this.cells.map((r) => r.map((c) => ({ ...c }))),
      this.merges.map((m) => ({ ...m })),
    );
    g.fresh = this.fresh;
    return g;
  }

  get rowCount(): number {
    return this.cells.length;
  }
  get colCount(): number {
    return this.cells[0]?.length ?? 0;
  }

  at(row: number, col: number): GridCell {
    return this.cells[row][col];
  }

  text(row: number, col: number): string {
    const c = this.cells[row]?.[col];
    if (!c) return "";
    return c.t !== "" ? c.t : c.v === null ? "" : String(c.v);
  }

  /** A blank cell with a new id. */
  blank(): GridCell {
    return { v: null, t: "", f: "", fmt: "General", id: `+${++this.fresh}` };
  }

  /** Writes a value (and its displayed text under the cell's number format); a typed value replaces any formula. */
  set(row: number, col: number, v: CellValue, fmt?: string): void {
    const cell = this.cells[row][col];
    if (fmt !== undefined) cell.fmt = fmt;
    cell.v = v;
    cell.f = "";
    cell.t = displayText(v, cell.fmt);
  }

  /** Where each id sits now. */
  positions(): Map<string, { row: number; col: number }> {
    const out = new Map<string, { row: number; col: number }>();
    this.cells.forEach((r, row) => r.forEach((c, col) => out.set(c.id, { row, col })));
    return out;
  }

  insertRows(at: number, n: number): void {
    const width = this.colCount;
    const rows = Array.from({ length: n }, () => Array.from({ length: width }, () => this.blank()));
    this.cells.splice(at, 0, ...rows);
    this.merges = this.merges.map((m) => shiftSpan(m, "top", "bottom", at, n));
  }

  insertCols(at: number, n: number): void {
    for (const row of this.cells) row.splice(at, 0, ...Array.from({ length: n }, () => this.blank()));
    this.merges = this.merges.map((m) => shiftSpan(m, "left", "right", at, n));
  }

  deleteRows(at: number, n: number): void {
    this.cells.splice(at, n);
    this.merges = this.merges.flatMap((m) => dropSpan(m, "top", "bottom", at, n));
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.cells) row.splice(at, n);
    this.merges = this.merges.flatMap((m) => dropSpan(m, "left", "right", at, n));
  }

  /**
   * Reorders whole columns: `order[k]` is the old column now at position k. A merge whose columns
   * stay side by side moves with them; one that would be torn apart is dropped (its text stays in
   * its first cell).
   */
  permuteCols(order: number[]): void {
    const where = new Map(order.map((old, k) => [old, k]));
    this.cells = this.cells.map((row) => order.map((old) => row[old]));
    this.merges = this.merges.flatMap((m) => {
      const cols = [];
      for (let c = m.left; c <= m.right; c++) cols.push(where.get(c)!);
      const lo = Math.min(...cols);
      const hi = Math.max(...cols);
      if (hi - lo !== cols.length - 1) return [];
      // A merged cell shows its top-left cell: the text must still be there (本年收入 over its columns).
      const row = this.cells[m.top];
      const text = where.get(m.left)!;
      [row[lo], row[text]] = [row[text], row[lo]];
      return [{ ...m, left: lo, right: hi }];
    });
  }

  toSnapshot(): SheetSnapshot {
    const at = this.positions();
    const address = (id: string) => {
      const p = at.get(id);
      return p ? toA1(p.row, p.col) : null;
    };
    const isBlankNew = (row: number, col: number) => {
      const c = this.cells[row]?.[col];
      return !c || (c.id.startsWith("+") && c.v === null);
    };
    return {
      name: this.name,
      origin: { row: 0, col: 0 },
      values: this.cells.map((r) => r.map((c) => c.v)),
      texts: this.cells.map((r) => r.map((c) => c.t)),
      formulas: this.cells.map((r) => r.map((c) => (c.f ? rewriteFormula(c.f, address, isBlankNew) : ""))),
      numberFormats: this.cells.map((r) => r.map((c) => c.fmt)),
      merges: this.merges.map((m) => ({ ...m })),
    };
  }
}

type Span = "top" | "left";
type SpanEnd = "bottom" | "right";

function shiftSpan(m: RectRef, lo: Span, hi: SpanEnd, at: number, n: number): RectRef {
  const out = { ...m };
  if (m[lo] >= at) out[lo] += n;
  if (m[hi] >= at) out[hi] += n;
  return out;
}

function dropSpan(m: RectRef, lo: Span, hi: SpanEnd, at: number, n: number): RectRef[] {
  const end = at + n - 1;
  const gone = (i: number) => i >= at && i <= end;
  const keptLo = gone(m[lo]) ? end + 1 : m[lo];
  const keptHi = gone(m[hi]) ? at - 1 : m[hi];
  if (keptLo > keptHi) return [];
  const shifted = (i: number) => (i > end ? i - n : i);
  const out = { ...m, [lo]: shifted(keptLo), [hi]: shifted(keptHi) };
  return out.top === out.bottom && out.left === out.right ? [] : [out];
}
