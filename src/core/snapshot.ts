import { RectRef, toA1 } from "./address";
import { SheetAxis } from "./sheet-axis";
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
 * What rules read: a sheet in its own coordinates (0-based sheet rows and columns, addresses as
 * the user sees them). How the snapshot stores the sheet (dense, or with long empty runs
 * collapsed, see compact-sheet.ts) is invisible here, except that iteration visits stored rows
 * and columns only, so a stray cell at XFD1048576 costs what the table costs.
 *
 * - Cells: `value`, `text`, `formula` (as written), `numberFormat`, `label` (white space removed),
 *   `mergeAt` (a sheet rectangle) take any sheet cell; a cell outside the snapshot or inside a
 *   collapsed gap reads as empty. `address(row, col)` is the A1 address.
 * - Extent: `firstRow`/`lastRow`, `firstCol`/`lastCol` are the first and last stored indexes;
 *   `rowCount`/`colCount` count the stored ones.
 * - Iteration: `rows()` and `cols()` list the stored indexes, ascending: loop over them rather
 *   than from first to last. `nextRow(r)`/`prevRow(r)` (and `nextCol`/`prevCol`) step to the
 *   neighbouring stored row, across a collapsed gap in one step; outside [firstRow, lastRow] they
 *   are r ± 1. `stepRow(r, n)`/`stepCol(c, n)` take n such steps: a window of "the next 40 rows"
 *   is `r` to `stepRow(r, 39)`. Stepping is what a rule uses for "the row below" or a bounded
 *   scan, so that a collapsed gap counts as the few empty rows the snapshot keeps of it
 *   (KEPT_GAP); short offsets from a filled cell (r + 1 … r + 3) land on the same cells either way.
 * - `rowIndex(r)`/`colIndex(c)`: the position of a stored index in `rows()`/`cols()`, −1 for
 *   any other; for per-cell caches that keep arrays.
 */
export class SheetView {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly rowAxis: SheetAxis;
  private readonly colAxis: SheetAxis;

  /** `axes` reuses another view's index of the same storage (withRowsBlank); omit it otherwise. */
  constructor(
    private readonly sheet: SheetSnapshot,
    axes?: { rows: SheetAxis; cols: SheetAxis },
  ) {
    this.rowAxis = axes?.rows ?? new SheetAxis(sheet.origin.row, sheet.values.length, sheet.sheetRows);
    this.colAxis =
      axes?.cols ??
      new SheetAxis(
        sheet.origin.col,
        sheet.values.reduce((m, r) => Math.max(m, r.length), 0),
        sheet.sheetCols,
      );
    this.rowCount = this.rowAxis.count;
    this.colCount = this.colAxis.count;
  }

  get name(): string {
    return this.sheet.name;
  }
  get firstRow(): number {
    return this.rowAxis.first;
  }
  get lastRow(): number {
    return this.rowAxis.last;
  }
  get firstCol(): number {
    return this.colAxis.first;
  }
  get lastCol(): number {
    return this.colAxis.last;
  }

  /** The stored rows, ascending. */
  rows(): readonly number[] {
    return this.rowAxis.indexes();
  }
  /** The stored columns, ascending. */
  cols(): readonly number[] {
    return this.colAxis.indexes();
  }
  nextRow(row: number): number {
    return this.rowAxis.next(row);
  }
  prevRow(row: number): number {
    return this.rowAxis.prev(row);
  }
  nextCol(col: number): number {
    return this.colAxis.next(col);
  }
  prevCol(col: number): number {
    return this.colAxis.prev(col);
  }
  /** The row `steps` stored rows below `row` (above it when negative). */
  stepRow(row: number, steps: number): number {
    return this.rowAxis.step(row, steps);
  }
  stepCol(col: number, steps: number): number {
    return this.colAxis.step(col, steps);
  }
  rowIndex(row: number): number {
    return this.rowAxis.slot(row);
  }
  colIndex(col: number): number {
    return this.colAxis.slot(col);
  }

  value(row: number, col: number): CellValue {
    const r = this.sheet.values[this.rowAxis.slot(row)];
    const v = r ? r[this.colAxis.slot(col)] : undefined;
    return v === undefined ? null : v;
  }

  /**
   * The text cells whose text passes `keep`, in reading order, read straight from storage: a rule that
   * looks for a few sentences among all the cells (a 说明 row, a template's prompt) costs one quick pass.
   */
  *textCells(keep: (text: string) => boolean): Generator<{ row: number; col: number; text: string }> {
    const rows = this.rows();
    const cols = this.cols();
    const values = this.sheet.values;
    for (let i = 0; i < values.length; i++) {
      const line = values[i];
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        if (typeof v === "string" && keep(v)) yield { row: rows[i], col: cols[j], text: v };
      }
    }
  }

  text(row: number, col: number): string {
    const r = this.sheet.texts[this.rowAxis.slot(row)];
    const t = r ? r[this.colAxis.slot(col)] : undefined;
    if (typeof t === "string") return t;
    if (t !== undefined && t !== null) return String(t);
    const v = this.value(row, col);
    return v === null ? "" : String(v);
  }

  /** The formula as written ("=SUM(B2:B9)"), "" for a cell without one. */
  formula(row: number, col: number): string {
    const r = this.sheet.formulas[this.rowAxis.slot(row)];
    const f = r ? r[this.colAxis.slot(col)] : undefined;
    return typeof f === "string" && f.startsWith("=") ? f : "";
  }

  numberFormat(row: number, col: number): string {
    const r = this.sheet.numberFormats[this.rowAxis.slot(row)];
    const f = r ? r[this.colAxis.slot(col)] : undefined;
    return f ?? "General";
  }

  /** Label text with all white space removed, for matching headers and row labels. */
  label(row: number, col: number): string {
    return compactLabel(this.text(row, col));
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }

  /** The merged area (in sheet coordinates) that contains the cell, if any. */
  mergeAt(row: number, col: number): RectRef | undefined {
    if (this.sheet.merges.length === 0 || row < this.firstRow || row > this.lastRow) return undefined;
    const contains = (m: RectRef) => col >= m.left && col <= m.right;
    const slot = this.rowAxis.slot(row);
    // A row inside a collapsed gap is rarely asked for: a scan is enough.
    if (slot < 0) return this.sheet.merges.find((m) => row >= m.top && row <= m.bottom && contains(m));
    return this.mergesBySlot()[slot]?.find(contains);
  }

  /** The same sheet with the rows of the given spans (inclusive) read as empty. */
  withRowsBlank(spans: { from: number; to: number }[]): SheetView {
    if (spans.length === 0) return this;
    const { sheet } = this;
    const hidden = new Uint8Array(sheet.values.length);
    for (const { from, to } of spans) {
      const [a, b] = this.rowAxis.slotsWithin(from, to);
      if (a <= b) hidden.fill(1, a, b + 1);
    }
    // Views never write to their rows, so every hidden row can share one empty row.
    const mask = <T>(rows: T[][]): T[][] => rows.map((r, i) => (hidden[i] ? NO_CELLS : r));
    // Values and texts are enough: formulas and number formats are only read for cells of a table found by its labels.
    return new SheetView(
      { ...sheet, values: mask(sheet.values), texts: mask(sheet.texts) },
      { rows: this.rowAxis, cols: this.colAxis },
    );
  }

  private bySlot?: (RectRef[] | undefined)[];

  /**
   * Merges indexed by the stored rows they cover, built on first use: rules ask for merges row by
   * row, and a scan of every merge per cell grows with the form's size twice.
   */
  private mergesBySlot(): (RectRef[] | undefined)[] {
    if (this.bySlot) return this.bySlot;
    const index: (RectRef[] | undefined)[] = [];
    for (const m of this.sheet.merges) {
      const [a, b] = this.rowAxis.slotsWithin(m.top, m.bottom);
      for (let s = a; s <= b; s++) (index[s] ??= []).push(m);
    }
    this.bySlot = index;
    return index;
  }
}

const NO_CELLS: never[] = [];

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
