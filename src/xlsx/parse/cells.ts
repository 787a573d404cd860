import { RectRef, parseA1, parseRange } from "../../core/address";
import { CellValue, UNCALCULATED, isUncalculated } from "../../core/snapshot";
import { dateSerial, isoSerial } from "./dates";
import { CoveredCells } from "./merges";
import { slideFormula } from "./shared-formula";
import { allTags, attr, MalformedPartError, unescapeXml } from "../xml";
import { attributes, cellText, ooxmlText, runText } from "./text";

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
  /** Null when the workbook has no shared string table: a cell that refers to one makes it damaged. */
  sharedStrings: string[] | null;
  isDateStyle: (style: number) => boolean;
  date1904: boolean;
  /** The workbook asks to be recalculated when opened (calcPr fullCalcOnLoad): no cached result is trusted. */
  fullCalcOnLoad?: boolean;
}

export interface SheetCells {
  merges: RectRef[];
  /** Cells with content beyond `limit` were counted, not kept. */
  count: number;
}

/** The prefix of the first element (the root), past the declaration. */
const ROOT_PREFIX = /^(?:<\?[\s\S]*?\?>)?\s*<([\w.-]+:)?/;
// Attribute values in these start tags never hold ">" (Excel escapes it); a simpler pattern is faster.
const ROW_OR_CELL = /<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;
const CELL_PART = /<(?:[\w.-]+:)?(f|v|is)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?\1>)/g;

/**
 * The cells of a worksheet part in document order, read with one pass of regular expressions over
 * <sheetData> rather than a DOM: a department's workbook is read in a few milliseconds. Cells that
 * hold nothing, and the covered cells of a merged area (Excel reports them empty), are left out.
 * Shared formulas are expanded to each cell's own formula. Each cell goes to `onCell` as it is
 * read (a 100,000-row sheet would otherwise hold a second copy of its cells); past `limit` cells
 * are only counted.
 */
export function parseSheetCells(xml: string, book: BookContext, limit: number, onCell: (cell: RawCell) => void): SheetCells {
  let count = 0;
  // The worksheet's own elements carry its root's prefix (conform/plain.ts makes sure of it).
  const prefix = ROOT_PREFIX.exec(xml)?.[1] ?? "";
  const start = new RegExp(`<${prefix.replace(/\./g, "\\.")}sheetData\\b[^>]*?(\\/?)>`).exec(xml);
  if (!start) return { merges: parseMerges(xml, 0, prefix), count };
  const from = start.index + start[0].length;
  const end = start[1] ? from : xml.indexOf(`</${prefix}sheetData>`, from);
  // <mergeCells> follows <sheetData> in a worksheet: no need to search the cells for it.
  const merges = parseMerges(xml, end < 0 ? from : end, prefix);
  if (start[1]) return { merges, count };
  const covered = new CoveredCells(merges);
  const closeCell = `</${prefix}c>`;
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let row = -1;
  let col = -1;
  ROW_OR_CELL.lastIndex = from;
  for (let m = ROW_OR_CELL.exec(xml); m && (end < 0 || m.index < end); m = ROW_OR_CELL.exec(xml)) {
    const attrs = m[2];
    if (m[1] === "row") {
      const r = attrValue(attrs, "r");
      row = r ? Number(r) - 1 : row + 1;
      col = -1;
      continue;
    }
    const ref = attrValue(attrs, "r");
    const at = ref ? cellRef(ref) : null;
    if (at) {
      row = at.row;
      col = at.col;
    } else col++;
    if (m[3]) continue;
    const innerStart = ROW_OR_CELL.lastIndex;
    let innerEnd = xml.indexOf(closeCell, innerStart);
    if (innerEnd < 0) innerEnd = end < 0 ? xml.length : end;
    ROW_OR_CELL.lastIndex = innerEnd + closeCell.length;
    if (covered.has(row, col)) continue;
    const inner = xml.slice(innerStart, innerEnd);
    const cell = parseCell(inner, attrValue(attrs, "t"), row, col, book.sharedStrings, masters);
    if (!cell) continue;
    if (cell.formula && (cell.value === null || book.fullCalcOnLoad)) {
      // No result, or one the workbook itself says is stale (openpyxl and xlsxwriter write these).
      cell.value = UNCALCULATED;
      cell.date = false;
    }
    count++;
    if (count > limit) continue;
    const s = attrValue(attrs, "s");
    const style = s ? Number(s) : 0;
    if (!cell.date && typeof cell.value === "number" && !isUncalculated(cell.value) && book.isDateStyle(style)) {
      cell.value = dateSerial(cell.value, book.date1904);
      cell.date = true;
    }
    onCell({ row, col, value: cell.value, date: cell.date, formula: cell.formula, style });
  }
  return { merges, count };
}

/**
 * One attribute of a start tag, found without building them all: `name="…"` as every writer puts
 * it, with the general parse for single quotes or spaces around "=".
 */
function attrValue(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at >= 0) {
    const from = at + name.length + 3;
    const raw = attrs.slice(from, attrs.indexOf('"', from));
    return raw.includes("&") ? cellText(raw) : raw;
  }
  let written = LOOSE_ATTRIBUTE.get(name);
  if (!written) LOOSE_ATTRIBUTE.set(name, (written = new RegExp(`\\s${name}\\s*=`)));
  return written.test(attrs) ? attributes(attrs)[name] : undefined;
}

const LOOSE_ATTRIBUTE = new Map<string, RegExp>();

function parseCell(
  inner: string,
  type: string | undefined,
  row: number,
  col: number,
  sharedStrings: string[] | null,
  masters: Map<string, { formula: string; row: number; col: number }>,
): { value: CellValue; date: boolean; formula: string } | null {
  let formula = "";
  let v: string | undefined;
  let inline: string | undefined;
  // Most cells are a bare <v>…</v>: read it without a regular expression.
  if (inner.startsWith("<v>") && inner.endsWith("</v>") && inner.indexOf("<", 3) === inner.length - 4) v = inner.slice(3, -4);
  else {
    CELL_PART.lastIndex = 0;
    for (let m = CELL_PART.exec(inner); m; m = CELL_PART.exec(inner)) {
      if (m[1] === "v") v = m[3] ?? "";
      else if (m[1] === "is") inline = m[3] ?? "";
      else formula = cellFormula(m[2], m[3], row, col, masters);
    }
  }
  // A text formula's empty <v></v> is its result, "" (as Excel writes one); openpyxl writes one
  // under any formula it has not calculated. Otherwise an empty <v></v> holds no value (some
  // writers emit one for a blank cell), as in exceljs.
  const emptyText = v === "" && type === "str" && formula !== "";
  if (v === "") v = undefined;
  // Decoded once, before anything reads it: "&#49;00" is the number 100, as a parser sees it.
  else if (v !== undefined && v.includes("&")) v = unescapeXml(v);
  let value: CellValue = null;
  let date = false;
  switch (type) {
    case "s": {
      if (v === undefined) break;
      if (sharedStrings === null) throw new MalformedPartError("a cell refers to shared strings the workbook lacks");
      value = sharedStrings[Number(v)] ?? null;
      break;
    }
    case "inlineStr":
      value = inline === undefined ? (v === undefined ? null : ooxmlText(v)) : runText(inline);
      break;
    case "str":
      value = v === undefined ? (emptyText ? "" : null) : ooxmlText(v);
      break;
    case "b":
      value = v === undefined ? null : v.trim() === "1" || v.trim() === "true";
      break;
    case "e":
      value = v === undefined ? null : ooxmlText(v).trim();
      break;
    case "d":
      value = v === undefined ? null : isoSerial(ooxmlText(v));
      date = value !== null;
      break;
    default: {
      const n = v === undefined || v.trim() === "" ? NaN : Number(v);
      value = Number.isFinite(n) ? n : v === undefined || v.trim() === "" ? null : ooxmlText(v);
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

/** The merged areas listed in the worksheet's <mergeCells> (the first one from `from`). */
function parseMerges(xml: string, from: number, prefix: string): RectRef[] {
  const out: RectRef[] = [];
  const start = xml.indexOf(`<${prefix}mergeCells`, from);
  if (start < 0) return out;
  const close = xml.indexOf(`</${prefix}mergeCells>`, start);
  const list = xml.slice(start, close < 0 ? xml.length : close);
  for (const attrs of allTags(list, "mergeCell", prefix)) {
    const ref = attr(attrs, "ref");
    const r = ref === undefined ? null : parseRange(ref);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}
