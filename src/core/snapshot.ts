import { RectRef, parseA1, toA1 } from "./address";
import { formatNumber } from "./number-format";

/**
 * A raw cell value as Excel reports it. Error values such as "#REF!" arrive as strings. A formula
 * whose result the file does not hold (a program wrote it without calculating) is UNCALCULATED.
 */
export type CellValue = string | number | boolean | null;

/**
 * The value of a formula cell whose result is not known: never a real cell's value (neither
 * Office.js nor a file gives NaN), so it cannot be forged. Rules leave it unjudged.
 */
export const UNCALCULATED = NaN;

export function isUncalculated(value: CellValue): boolean {
  return typeof value === "number" && Number.isNaN(value);
}

/**
 * What the engine knows about one sheet: the used range as plain 2-D arrays, as Office.js
 * (`values`, `text`, `formulas`, `numberFormat`) and exceljs both give it.
 * All arrays have the same shape; row 0 / column 0 is the used range's top-left cell,
 * which sits at `origin` in the sheet.
 */
export interface SheetSnapshot {
  name: string;
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Text as displayed, number format applied. */
  texts: string[][];
  /** "=SUM(B2:B9)" for a formula cell, "" otherwise. */
  formulas: string[][];
  numberFormats: string[][];
  /** Merged areas in sheet coordinates (0-based, inclusive). */
  merges: RectRef[];
  /**
   * Set when long runs of empty rows or columns were collapsed (see compact-sheet.ts): the sheet
   * row of each snapshot row, ascending. Absent, snapshot row i is sheet row origin.row + i.
   */
  sheetRows?: number[];
  /** The sheet column of each snapshot column, as sheetRows. */
  sheetCols?: number[];
}

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|EXTERNAL!|PYTHON!|UNKNOWN!)$/;

export function isErrorValue(value: CellValue): boolean {
  return typeof value === "string" && ERROR_VALUE.test(value);
}

/**
 * Read access to a snapshot, tolerant of out-of-range cells. Rules work in view coordinates:
 * `origin + index`, which are the sheet's own unless the snapshot collapsed empty gaps
 * (`compact`); then `sheetAddress` and `toSheet` give the real cell, and check.ts turns the
 * findings' addresses into sheet addresses.
 */
export class SheetView {
  readonly rowCount: number;
  readonly colCount: number;
  /** True when empty gaps were collapsed, so view and sheet coordinates differ after a gap. */
  readonly compact: boolean;
  private readonly merges: RectRef[];

  constructor(readonly sheet: SheetSnapshot) {
    this.rowCount = sheet.values.length;
    this.colCount = sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
    this.compact = Boolean(sheet.sheetRows || sheet.sheetCols);
    this.merges = this.compact
      ? sheet.merges.map((m) => this.rectFromSheet(m)).filter((m): m is RectRef => m !== null)
      : sheet.merges;
  }

  /** The sheet cell behind a view cell. */
  toSheet(row: number, col: number): { row: number; col: number } {
    return {
      row: toSheetIndex(this.sheet.sheetRows, this.sheet.origin.row, row),
      col: toSheetIndex(this.sheet.sheetCols, this.sheet.origin.col, col),
    };
  }

  /** The A1 address the user sees for a view cell. */
  sheetAddress(row: number, col: number): string {
    const p = this.toSheet(row, col);
    return toA1(p.row, p.col);
  }

  /** A view address ("E20") as the sheet address; anything that is not a cell address is returned as is. */
  sheetA1(viewA1: string): string {
    if (!this.compact) return viewA1;
    const p = parseA1(viewA1);
    return p ? this.sheetAddress(p.row, p.col) : viewA1;
  }

  /** A sheet rectangle in view coordinates, or null when it lies wholly inside a collapsed gap. */
  rectFromSheet(rect: RectRef): RectRef | null {
    const rows = fromSheetSpan(this.sheet.sheetRows, this.sheet.origin.row, rect.top, rect.bottom);
    const cols = fromSheetSpan(this.sheet.sheetCols, this.sheet.origin.col, rect.left, rect.right);
    return rows && cols ? { top: rows[0], bottom: rows[1], left: cols[0], right: cols[1] } : null;
  }

  get name(): string {
    return this.sheet.name;
  }
  /** First and last sheet rows/cols covered by the snapshot. */
  get firstRow(): number {
    return this.sheet.origin.row;
  }
  get lastRow(): number {
    return this.sheet.origin.row + this.rowCount - 1;
  }
  get firstCol(): number {
    return this.sheet.origin.col;
  }
  get lastCol(): number {
    return this.sheet.origin.col + this.colCount - 1;
  }

  value(row: number, col: number): CellValue {
    const r = this.sheet.values[row - this.sheet.origin.row];
    const v = r ? r[col - this.sheet.origin.col] : undefined;
    return v === undefined ? null : v;
  }

  text(row: number, col: number): string {
    const r = this.sheet.texts[row - this.sheet.origin.row];
    const t = r ? r[col - this.sheet.origin.col] : undefined;
    if (typeof t === "string") return t;
    if (t !== undefined && t !== null) return String(t);
    const v = this.value(row, col);
    return v === null ? "" : String(v);
  }

  /** The formula; in a compact view its cell references are given in view coordinates, as rules compare them with cells. */
  formula(row: number, col: number): string {
    const r = this.sheet.formulas[row - this.sheet.origin.row];
    const f = r ? r[col - this.sheet.origin.col] : undefined;
    if (typeof f !== "string" || !f.startsWith("=")) return "";
    return this.compact ? this.viewReferences(f) : f;
  }

  private viewReferences(formula: string): string {
    return formula.replace(
      /(?<![\w!.'"$])(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?(?![\w(!])/g,
      (whole, a: string, b?: string) => {
        const p = parseA1(a);
        const q = b ? parseA1(b) : p;
        if (!p || !q) return whole;
        const rect = this.rectFromSheet({
          top: Math.min(p.row, q.row),
          left: Math.min(p.col, q.col),
          bottom: Math.max(p.row, q.row),
          right: Math.max(p.col, q.col),
        });
        if (!rect) return whole;
        const from = toA1(rect.top, rect.left);
        return b ? `${from}:${toA1(rect.bottom, rect.right)}` : from;
      },
    );
  }

  numberFormat(row: number, col: number): string {
    const r = this.sheet.numberFormats[row - this.sheet.origin.row];
    const f = r ? r[col - this.sheet.origin.col] : undefined;
    return f ?? "General";
  }

  /** Label text with all white space removed, for matching headers and row labels. */
  label(row: number, col: number): string {
    return compactLabel(this.text(row, col));
  }

  /** The merged area that contains the cell, if any. */
  mergeAt(row: number, col: number): RectRef | undefined {
    if (this.merges.length === 0) return undefined;
    return this.mergesByRow()
      .get(row)
      ?.find((m) => col >= m.left && col <= m.right);
  }

  private byRow?: Map<number, RectRef[]>;

  /**
   * Merges indexed by the rows they cover (within the snapshot), built on first use: rules ask
   * for merges row by row, and a scan of every merge per cell grows with the form's size twice.
   */
  private mergesByRow(): Map<number, RectRef[]> {
    if (this.byRow) return this.byRow;
    const index = new Map<number, RectRef[]>();
    for (const m of this.merges) {
      for (let r = Math.max(m.top, this.firstRow); r <= Math.min(m.bottom, this.lastRow); r++) {
        const list = index.get(r);
        if (list) list.push(m);
        else index.set(r, [m]);
      }
    }
    this.byRow = index;
    return index;
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }
}

function toSheetIndex(map: number[] | undefined, origin: number, viewIndex: number): number {
  if (!map) return viewIndex;
  const i = viewIndex - origin;
  if (i < 0) return viewIndex;
  if (i < map.length) return map[i];
  return map[map.length - 1] + (i - map.length + 1);
}

/** Index of the last map entry <= value (-1 if none). */
function floorIndex(map: number[], value: number): number {
  let lo = 0;
  let hi = map.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid] <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** A sheet span [from, to] in view coordinates: the kept rows inside it, or null when none is kept. */
function fromSheetSpan(map: number[] | undefined, origin: number, from: number, to: number): [number, number] | null {
  if (!map) return [from, to];
  const last = floorIndex(map, to);
  if (last < 0) return from < map[0] && to < map[0] ? [from - map[0] + origin, to - map[0] + origin] : null;
  const first = floorIndex(map, from - 1) + 1;
  if (first > last) {
    // A single cell (or span) inside a collapsed gap: it is empty, so any empty row of that gap stands for it.
    return from === to ? [origin + last, origin + last] : null;
  }
  return [origin + first, origin + last];
}

const HAS_SPACE = /[\s\u3000\u00a0]/;
const SPACES = /[\s\u3000\u00a0]+/g;

/** Removes all white space (including full-width spaces) so that `项  目` matches `项目`. */
export function compactLabel(text: string): string {
  // Most labels hold no white space; a test is cheaper than a global replace that finds nothing.
  return HAS_SPACE.test(text) ? text.replace(SPACES, "") : text;
}

export type LiteralCell = CellValue | { v?: CellValue; f?: string; fmt?: string; t?: string };

/**
 * Builds a snapshot from a literal grid, for tests and for the CLI.
 * A cell can be a plain value, or `{ v, f, fmt, t }` for a value with a formula, number format
 * or displayed text. Displayed text defaults to the value formatted by `fmt` (see displayText).
 */
export function gridSheet(
  name: string,
  rows: LiteralCell[][],
  options: { origin?: { row: number; col: number }; merges?: RectRef[] } = {},
): SheetSnapshot {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const formulas: string[][] = [];
  const numberFormats: string[][] = [];
  for (const row of rows) {
    const vr: CellValue[] = [];
    const tr: string[] = [];
    const fr: string[] = [];
    const nr: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = c < row.length ? row[c] : null;
      const obj = cell !== null && typeof cell === "object" ? cell : { v: cell as CellValue };
      const v = obj.v === undefined ? null : obj.v;
      const fmt = obj.fmt ?? "General";
      vr.push(v);
      nr.push(fmt);
      fr.push(obj.f ? (obj.f.startsWith("=") ? obj.f : `=${obj.f}`) : "");
      tr.push(obj.t ?? displayText(v, fmt));
    }
    values.push(vr);
    texts.push(tr);
    formulas.push(fr);
    numberFormats.push(nr);
  }
  return {
    name,
    origin: options.origin ?? { row: 0, col: 0 },
    values,
    texts,
    formulas,
    numberFormats,
    merges: options.merges ?? [],
  };
}

/**
 * The text a user would see for a value under a number format. Excel itself supplies the text in
 * the add-in; this serves literal grids and the CLI (see number-format.ts for what it covers).
 */
export function displayText(value: CellValue, numberFormat: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  return formatNumber(value, numberFormat);
}
