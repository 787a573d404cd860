import ExcelJS from "exceljs";
import type { RectRef } from "../../src/core/address";
import { MAX_CONTENT_CELLS, OccupiedCell, compactSheet } from "../../src/core/compact-sheet";
import { CellValue, displayText } from "../../src/core/snapshot";
import { WorkbookReadError, asBytes, corruptError, sniffWorkbookBytes } from "../../src/xlsx/errors";
import { ReadOptions, WorkbookRead, skippedNotes } from "../../src/xlsx/read";

/**
 * The reader the product used before src/xlsx/read.ts scanned the parts itself: exceljs's full
 * workbook model turned into snapshots. Kept only as the reference the new reader is compared with.
 */
export async function readWithExceljs(
  data: Uint8Array | ArrayBuffer,
  label = "工作簿",
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const bytes = asBytes(data);
  sniffWorkbookBytes(bytes, label);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer alias; it unzips any Uint8Array at run time.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch {
    throw corruptError(label);
  }
  if (workbook.worksheets.length === 0) {
    throw new WorkbookReadError("corrupt", `工作簿中没有工作表：${label}`);
  }
  const out: WorkbookRead = { snapshots: [], hidden: [], tooLarge: [], notes: [] };
  const limit = options.maxContentCells ?? MAX_CONTENT_CELLS;
  for (const ws of workbook.worksheets) {
    if (!options.includeHidden && ws.state !== "visible") {
      out.hidden.push(ws.name);
      continue;
    }
    const result = worksheetToSnapshot(ws, limit);
    if ("tooLarge" in result) out.tooLarge.push({ name: ws.name, ...result.tooLarge });
    else out.snapshots.push(result.snapshot);
  }
  out.notes = skippedNotes(out, limit);
  return out;
}

// Cell.Types values from exceljs's ValueType enum; the enum itself is only a type in its typings.
const T_MERGE = 1;
const T_DATE = 4;
const T_FORMULA = 6;

interface ExcelRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet as a snapshot sized by its content (see compactSheet), or too large to check. */
export function worksheetToSnapshot(ws: ExcelJS.Worksheet, limit = MAX_CONTENT_CELLS): ReturnType<typeof compactSheet> {
  const merges = readMerges(ws);
  const cells: OccupiedCell[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged area's other cells mirror its master in exceljs; Excel reports them empty.
      if (cell.type === T_MERGE) return;
      let raw: unknown = cell.value;
      let formula = "";
      if (cell.type === T_FORMULA) {
        const text = cell.formula;
        if (text) formula = `=${text}`;
        raw = cell.result;
      }
      const { value, isDate } = plainValue(raw, cell.type === T_DATE);
      // Only cells that hold something count: formatting alone costs nothing.
      if (value === null && !formula) return;
      const fmt = cell.numFmt || "General";
      const text = isDate && typeof value === "number" ? serialToIso(value) : displayText(value, fmt);
      cells.push({ row: rowNumber - 1, col: colNumber - 1, value, text, formula, numberFormat: fmt });
    });
    if (cells.length > limit) tooMany = true;
  });
  if (tooMany) return { tooLarge: { cells: countCells(ws) } };
  return compactSheet(ws.name, cells, merges, limit);
}

function countCells(ws: ExcelJS.Worksheet): number {
  let n = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== T_MERGE && cell.value !== null && cell.value !== undefined) n++;
    });
  });
  return n;
}

function readMerges(ws: ExcelJS.Worksheet): RectRef[] {
  // `ws.model` would serialise the whole sheet just to list merges; the private map is cheap.
  const map = (ws as unknown as { _merges?: Record<string, { model?: ExcelRange } & Partial<ExcelRange>> })._merges ?? {};
  const out: RectRef[] = [];
  for (const range of Object.values(map)) {
    const m = range.model ?? (range as ExcelRange);
    if (m.top === undefined) continue;
    out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  out.sort((a, b) => a.top - b.top || a.left - b.left);
  return out;
}

/** Turns any exceljs cell value (rich text, hyperlink, error, date…) into what Office.js would report. */
function plainValue(raw: unknown, dateCell: boolean): { value: CellValue; isDate: boolean } {
  if (raw === null || raw === undefined) return { value: null, isDate: false };
  if (typeof raw === "number" || typeof raw === "boolean") return { value: raw, isDate: false };
  if (typeof raw === "string") return { value: raw, isDate: false };
  if (raw instanceof Date) return { value: dateToSerial(raw), isDate: true };
  if (typeof raw === "object") {
    const o = raw as { error?: string; richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (typeof o.error === "string") return { value: o.error, isDate: false };
    if (Array.isArray(o.richText)) return { value: o.richText.map((p) => p.text).join(""), isDate: false };
    if (o.text !== undefined) return plainValue(o.text, dateCell);
    if ("result" in o) return plainValue(o.result, dateCell);
  }
  return { value: String(raw), isDate: false };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Excel stores dates as day serials; exceljs hands back a UTC Date, so reverse that exactly. */
function dateToSerial(d: Date): number {
  return Math.round(((d.getTime() - EXCEL_EPOCH_MS) / DAY_MS) * 1e8) / 1e8;
}

function serialToIso(serial: number): string {
  const d = new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
  const iso = d.toISOString();
  return serial % 1 === 0 ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
