import { RectRef, toA1 } from "./address";
import { formatNumber } from "./number-format";

/** A raw cell value as Excel reports it. Error values such as "#REF!" arrive as strings. */
export type CellValue = string | number | boolean | null;

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
}

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|EXTERNAL!|PYTHON!|UNKNOWN!)$/;

export function isErrorValue(value: CellValue): boolean {
  return typeof value === "string" && ERROR_VALUE.test(value);
}

/** Read access to a snapshot in sheet coordinates, tolerant of out-of-range cells. */
export class SheetView {
  readonly rowCount: number;
  readonly colCount: number;

  constructor(readonly sheet: SheetSnapshot) {
    this.rowCount = sheet.values.length;
    this.colCount = sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
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

  formula(row: number, col: number): string {
    const r = this.sheet.formulas[row - this.sheet.origin.row];
    const f = r ? r[col - this.sheet.origin.col] : undefined;
    return typeof f === "string" && f.startsWith("=") ? f : "";
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
    if (this.sheet.merges.length === 0) return undefined;
    return this.mergesByRow().get(row)?.find((m) => col >= m.left && col <= m.right);
  }

  private byRow?: Map<number, RectRef[]>;

  /**
   * Merges indexed by the rows they cover (within the snapshot), built on first use: rules ask
   * for merges row by row, and a scan of every merge per cell grows with the form's size twice.
   */
  private mergesByRow(): Map<number, RectRef[]> {
    if (this.byRow) return this.byRow;
    const index = new Map<number, RectRef[]>();
    for (const m of this.sheet.merges) {
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
