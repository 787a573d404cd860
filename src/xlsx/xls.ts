/*
 * The old binary workbook (.xls, BIFF8), which the 决算 software and many units still send, read
 * into the same snapshots as an .xlsx (issue 21). SheetJS (`@e965/xlsx`, see docs/dependencies.md)
 * parses the binary; everything after it is the .xlsx reader's own rules: merged areas' covered
 * cells left out, dates as ISO text, the text a number format shows, the same size limits.
 * This module is large, so hosts load it only when an .xls is chosen (read-any.ts).
 */
import * as XLSX from "@e965/xlsx";
import type { RectRef } from "../core/address";
import { MAX_CONTENT_CELLS, OccupiedCell, compactSheet } from "../core/compact-sheet";
import { CellValue, displayText } from "../core/snapshot";
import { WorkbookReadError, asBytes, corruptError } from "./errors";
import { dateSerial, serialToIso } from "./parse/dates";
import { CoveredCells } from "./parse/merges";
import { isDateFormat } from "./parse/styles";
import { ReadOptions, WorkbookRead, skippedNotes } from "./read";

/** BIFF error codes as Excel shows them. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** Reads an .xls from its bytes; failures are WorkbookReadError with a one-line Chinese message. */
export function readXlsBytes(data: Uint8Array | ArrayBuffer, label = "工作簿", options: ReadOptions = {}): WorkbookRead {
  const limit = options.maxContentCells ?? MAX_CONTENT_CELLS;
  const book = parse(asBytes(data), label, { cellFormula: true, cellNF: true });
  const out: WorkbookRead = { snapshots: [], hidden: [], tooLarge: [], notes: [] };
  const date1904 = !!book.Workbook?.WBProps?.date1904;
  book.SheetNames.forEach((name, i) => {
    const sheet = book.Sheets[name];
    // Chart sheets and macro sheets have no cells to check.
    if (!sheet || sheet["!type"] === "chart") return;
    if (!options.includeHidden && (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0) {
      out.hidden.push(name);
      return;
    }
    const { cells, merges, count } = sheetCells(sheet, date1904, limit);
    if (count > limit) {
      out.tooLarge.push({ name, cells: count });
      return;
    }
    const result = compactSheet(name, cells, merges, limit);
    if ("tooLarge" in result) out.tooLarge.push({ name, ...result.tooLarge });
    else out.snapshots.push(result.snapshot);
  });
  if (book.SheetNames.length === 0) throw new WorkbookReadError("corrupt", `工作簿中没有工作表：${label}`);
  out.notes = skippedNotes(out, limit);
  return out;
}

/**
 * The .xls as .xlsx bytes, for the annotated copy: values, formulas, number formats, merged areas
 * and column widths come across; fonts, fills and borders do not (SheetJS writes no styles).
 */
export function xlsToXlsxBytes(data: Uint8Array | ArrayBuffer, label = "工作簿"): Uint8Array {
  // Sparse sheets here: SheetJS's .xlsx writer fails on a dense sheet with empty rows.
  const book = parse(asBytes(data), label, { cellFormula: true, cellNF: true, cellStyles: true, dense: false });
  return new Uint8Array(XLSX.write(book, { bookType: "xlsx", type: "array", compression: true }) as ArrayBuffer);
}

function parse(bytes: Uint8Array, label: string, options: XLSX.ParsingOptions): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, { type: "array", dense: true, cellText: false, cellDates: false, ...options });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    // SheetJS says "Unsupported ZIP encryption" of a damaged compound file: that is no password.
    if (/password|encrypt/i.test(reason) && !/zip/i.test(reason))
      throw new WorkbookReadError("encrypted", `工作簿设有打开密码（已加密），请先在 Excel 中取消密码后再检查：${label}`);
    if (/unsupported|not.*(excel|workbook)|BIFF\s*[2-5]/i.test(reason))
      throw new WorkbookReadError("not-xlsx", `无法识别这个 .xls 文件，请在 Excel 中另存为 .xlsx 后再检查：${label}`);
    throw corruptError(label);
  }
}

function sheetCells(
  sheet: XLSX.WorkSheet,
  date1904: boolean,
  limit: number,
): { cells: OccupiedCell[]; merges: RectRef[]; count: number } {
  const merges: RectRef[] = (sheet["!merges"] ?? [])
    .map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  const covered = new CoveredCells(merges);
  const cells: OccupiedCell[] = [];
  let count = 0;
  const rows = (sheet as XLSX.DenseWorkSheet)["!data"] ?? [];
  rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell || covered.has(r, c)) return;
      const formula = cell.f ? `=${cell.f}` : "";
      let value = cellValue(cell);
      if (value === null && !formula) return;
      count++;
      if (count > limit) return;
      const numberFormat = typeof cell.z === "string" ? cell.z : "General";
      let text: string;
      if (typeof value === "number" && isDateFormat(numberFormat)) {
        value = dateSerial(value, date1904);
        text = serialToIso(value);
      } else text = displayText(value, numberFormat);
      cells.push({ row: r, col: c, value, text, formula, numberFormat });
    });
  });
  return { cells, merges, count };
}

function cellValue(cell: XLSX.CellObject): CellValue {
  switch (cell.t) {
    case "n":
      return typeof cell.v === "number" && Number.isFinite(cell.v) ? cell.v : null;
    case "s":
      return typeof cell.v === "string" ? cell.v : null;
    case "b":
      return typeof cell.v === "boolean" ? cell.v : null;
    case "e":
      return typeof cell.v === "number" ? (ERRORS[cell.v] ?? "#VALUE!") : null;
    default:
      return null;
  }
}
