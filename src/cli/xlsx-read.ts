import ExcelJS from "exceljs";
import type { RectRef } from "../core/address";
import { CellValue, SheetSnapshot, displayText } from "../core/snapshot";
import { WorkbookReadError, corruptError, loadFileBytes, sniffWorkbookBytes } from "./xlsx-errors";

export { WorkbookReadError } from "./xlsx-errors";
export type { WorkbookReadErrorCode } from "./xlsx-errors";

/** Reads every worksheet of an .xlsx file into snapshots; failures are WorkbookReadError. */
export async function readWorkbookFile(path: string): Promise<SheetSnapshot[]> {
  const buf = await loadFileBytes(path);
  return readWorkbookBuffer(buf, path);
}

export async function readWorkbookBuffer(buf: Buffer, label = "工作簿"): Promise<SheetSnapshot[]> {
  sniffWorkbookBytes(buf, label);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer alias; a Node Buffer is what it reads at run time.
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw corruptError(label, err);
  }
  if (workbook.worksheets.length === 0) {
    throw new WorkbookReadError("corrupt", `工作簿中没有工作表：${label}`);
  }
  return workbook.worksheets.map(worksheetToSnapshot);
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

export function worksheetToSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = readMerges(ws);
  // exceljs reports A1:A1 for a sheet with no cells; treat that as no used range at all.
  const dims = (ws.actualRowCount > 0 ? ws.dimensions : {}) as unknown as Partial<ExcelRange>;
  let top = dims.top ?? 0;
  let left = dims.left ?? 0;
  let bottom = dims.bottom ?? -1;
  let right = dims.right ?? -1;
  // A merged header can reach past the last filled cell; the used range covers it, as in Excel.
  for (const m of merges) {
    if (bottom < top) {
      top = m.top + 1;
      left = m.left + 1;
      bottom = m.bottom + 1;
      right = m.right + 1;
    }
    top = Math.min(top, m.top + 1);
    left = Math.min(left, m.left + 1);
    bottom = Math.max(bottom, m.bottom + 1);
    right = Math.max(right, m.right + 1);
  }
  if (bottom < top || right < left || top === 0) {
    return { name: ws.name, origin: { row: 0, col: 0 }, values: [], texts: [], formulas: [], numberFormats: [], merges };
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const formulas: string[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < height; r++) {
    values.push(new Array<CellValue>(width).fill(null));
    texts.push(new Array<string>(width).fill(""));
    formulas.push(new Array<string>(width).fill(""));
    numberFormats.push(new Array<string>(width).fill("General"));
  }
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - top;
    if (r < 0 || r >= height) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - left;
      if (c < 0 || c >= width) return;
      const fmt = cell.numFmt || "General";
      numberFormats[r][c] = fmt;
      // A merged area's other cells mirror its master in exceljs; Excel reports them empty.
      if (cell.type === T_MERGE) return;
      let raw: unknown = cell.value;
      if (cell.type === T_FORMULA) {
        const text = cell.formula;
        if (text) formulas[r][c] = `=${text}`;
        raw = cell.result;
      }
      const { value, isDate } = plainValue(raw, cell.type === T_DATE);
      values[r][c] = value;
      texts[r][c] = isDate && typeof value === "number" ? serialToIso(value) : displayText(value, fmt);
    });
  });
  return { name: ws.name, origin: { row: top - 1, col: left - 1 }, values, texts, formulas, numberFormats, merges };
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
