import { RectRef, parseA1, parseRange } from "../../core/address";
import type { CellValue } from "../../core/snapshot";
import { dateSerial, isoSerial } from "./dates";
import { slideFormula } from "./shared-formula";
import { attributes, cellText, runText } from "./text";

/** One cell of a worksheet part, as the file stores it (0-based). */
export interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  /** The value is a date (a 1900-based serial): `t="d"`, or a number under a date format. */
  date: boolean;
  /** Without "=", or "" when the cell holds a constant. */
  formula: string;
  /** Index into the workbook's cell formats (the cell's `s`). */
  style: number;
}

/** What cells are read against: the workbook's shared strings, date styles and date system. */
export interface BookContext {
  sharedStrings: string[];
  isDateStyle: (style: number) => boolean;
  date1904: boolean;
}

export interface SheetCells {
  cells: RawCell[];
  merges: RectRef[];
  /** Cells with content beyond `limit` were counted, not kept. */
  count: number;
}

const SHEET_DATA = /<(?:([\w.-]+):)?sheetData\b[^>]*?(\/?)>/;
const ROW_OR_CELL = /<(?:[\w.-]+:)?(row|c)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const CELL_PART = /<(?:[\w.-]+:)?(f|v|is)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?\1>)/g;
const MERGE = /<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*"([^"]*)"/g;

/**
 * The cells of a worksheet part in document order, read with one pass of regular expressions over
 * <sheetData> rather than a DOM: a department's workbook is read in a few milliseconds. Cells that
 * hold nothing, and the covered cells of a merged area (Excel reports them empty), are left out.
 * Shared formulas are expanded to each cell's own formula.
 */
export function parseSheetCells(xml: string, book: BookContext, limit: number): SheetCells {
  const cells: RawCell[] = [];
  let count = 0;
  const start = SHEET_DATA.exec(xml);
  if (!start) return { cells, merges: parseMerges(xml, 0), count };
  const from = start.index + start[0].length;
  const end = start[2] ? from : xml.indexOf(start[1] ? `</${start[1]}:sheetData>` : "</sheetData>", from);
  // <mergeCells> follows <sheetData> in a worksheet: no need to search the cells for it.
  const merges = parseMerges(xml, end < 0 ? from : end);
  if (start[2]) return { cells, merges, count };
  const covered = coveredCells(merges);
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let row = -1;
  let col = -1;
  ROW_OR_CELL.lastIndex = from;
  for (let m = ROW_OR_CELL.exec(xml); m && (end < 0 || m.index < end); m = ROW_OR_CELL.exec(xml)) {
    const attrs = attributes(m[2]);
    if (m[1] === "row") {
      row = attrs.r ? Number(attrs.r) - 1 : row + 1;
      col = -1;
      continue;
    }
    const at = attrs.r ? cellRef(attrs.r) : null;
    if (at) {
      row = at.row;
      col = at.col;
    } else col++;
    if (m[3]) continue;
    const close = closingTagEnd(xml, ROW_OR_CELL.lastIndex);
    const inner = xml.slice(ROW_OR_CELL.lastIndex, close.innerEnd);
    ROW_OR_CELL.lastIndex = close.end;
    if (covered.has(row * 16384 + col)) continue;
    const style = attrs.s ? Number(attrs.s) : 0;
    const cell = parseCell(inner, attrs.t, row, col, book.sharedStrings, masters);
    if (!cell) continue;
    count++;
    if (count > limit) continue;
    if (!cell.date && typeof cell.value === "number" && book.isDateStyle(style)) {
      cell.value = dateSerial(cell.value, book.date1904);
      cell.date = true;
    }
    cells.push({ row, col, value: cell.value, date: cell.date, formula: cell.formula, style });
  }
  return { cells, merges, count };
}

function closingTagEnd(xml: string, from: number): { innerEnd: number; end: number } {
  // A cell's end tag carries the same prefix as its start tag; "</c>" and "</x:c>" both end in "c>".
  const at = xml.indexOf("c>", from);
  let i = at;
  while (i >= 0) {
    const lt = xml.lastIndexOf("</", i);
    if (lt >= from && /^<\/(?:[\w.-]+:)?$/.test(xml.slice(lt, i))) return { innerEnd: lt, end: i + 2 };
    i = xml.indexOf("c>", i + 2);
  }
  return { innerEnd: xml.length, end: xml.length };
}

function parseCell(
  inner: string,
  type: string | undefined,
  row: number,
  col: number,
  sharedStrings: string[],
  masters: Map<string, { formula: string; row: number; col: number }>,
): { value: CellValue; date: boolean; formula: string } | null {
  let formula = "";
  let v: string | undefined;
  let inline: string | undefined;
  CELL_PART.lastIndex = 0;
  for (let m = CELL_PART.exec(inner); m; m = CELL_PART.exec(inner)) {
    if (m[1] === "v") v = m[3] ?? "";
    else if (m[1] === "is") inline = m[3] ?? "";
    else formula = cellFormula(m[2], m[3], row, col, masters);
  }
  let value: CellValue = null;
  let date = false;
  switch (type) {
    case "s": {
      const text = v === undefined ? undefined : sharedStrings[Number(v)];
      value = text ?? null;
      break;
    }
    case "inlineStr":
      value = inline === undefined ? (v === undefined ? null : cellText(v)) : runText(inline);
      break;
    case "str":
      value = v === undefined ? null : cellText(v);
      break;
    case "b":
      value = v === undefined ? null : v.trim() === "1" || v.trim() === "true";
      break;
    case "e":
      value = v === undefined ? null : cellText(v).trim();
      break;
    case "d":
      value = v === undefined ? null : isoSerial(cellText(v));
      date = value !== null;
      break;
    default: {
      const n = v === undefined || v.trim() === "" ? NaN : Number(v);
      value = Number.isFinite(n) ? n : v === undefined || v.trim() === "" ? null : cellText(v);
    }
  }
  if (value === null && !formula) return null;
  return { value, date, formula };
}

function cellFormula(
  attrText: string,
  body: string | undefined,
  row: number,
  col: number,
  masters: Map<string, { formula: string; row: number; col: number }>,
): string {
  const text = body ? cellText(body) : "";
  if (!attrText.includes("shared")) return text;
  const a = attributes(attrText);
  if (a.t !== "shared" || a.si === undefined) return text;
  if (text) {
    masters.set(a.si, { formula: text, row, col });
    return text;
  }
  const master = masters.get(a.si);
  return master ? slideFormula(master.formula, master, { row, col }) : "";
}

/** "B12" → 0-based row and column, without a regular expression: it runs once per cell. */
function cellRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3 || i === ref.length) return parseA1(ref);
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return parseA1(ref);
    row = row * 10 + d;
  }
  return row > 0 ? { row: row - 1, col: col - 1 } : null;
}

function parseMerges(xml: string, from: number): RectRef[] {
  const out: RectRef[] = [];
  MERGE.lastIndex = from;
  for (let m = MERGE.exec(xml); m; m = MERGE.exec(xml)) {
    const r = parseRange(m[1]);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The cells a merged area covers besides its top-left one, keyed row × 16384 + column. */
function coveredCells(merges: RectRef[]): Set<number> {
  const out = new Set<number>();
  for (const m of merges) {
    // A merge over a whole column or row is absurd in a budget table; cap the work it can cost.
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 1_000_000) continue;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) out.add(r * 16384 + c);
  }
  return out;
}
