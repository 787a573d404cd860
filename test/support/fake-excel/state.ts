import { RectRef } from "../../../src/core/address";
import { CellValue } from "../../../src/core/snapshot";

/** One stored cell. `formula` is set only for formula cells; `value` is then the cached result. */
export interface FakeCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** Displayed text when it differs from what displayText() would give. */
  text?: string;
  /** Cell format properties, keyed like "fill.color", "font.bold", "borders.EdgeTop.style". */
  format?: Record<string, unknown>;
  /** Range.hyperlink (ExcelApi 1.7). */
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

export interface FakeConditionalFormat {
  /**
   * The fake's own stable identity of the rule, for tests to tell rules apart. The add-in never
   * sees it: Office.js's ConditionalFormat.id is the rule's priority, which shifts (see conditional-formats.ts).
   */
  id: string;
  type: string;
  /** The areas the format applies to, in sheet coordinates. */
  areas: RectRef[];
  /** Custom rule formula, for type "Custom". */
  formula?: string;
  /** Format properties set on the rule, like "fill.color". */
  format: Record<string, unknown>;
  priority: number;
  stopIfTrue: boolean;
}

export interface FakeDataValidation {
  area: RectRef;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** The options of the last protect(); Excel keeps them with the sheet. */
  protectionOptions: Record<string, unknown>;
  /** Password of the current protection, if any: unprotect() must be given it. */
  protectionPassword: string | null;
  cells: Map<number, FakeCell>;
  merges: RectRef[];
  conditionalFormats: FakeConditionalFormat[];
  dataValidations: FakeDataValidation[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozen: { rows: number; columns: number };
  /** worksheet.autoFilter's range (ExcelApi 1.9), null when the sheet has none. */
  autoFilter: RectRef | null;
  /** The sheet's selected address, like "B3"; Excel remembers one per sheet. */
  selection: string;
  /** Page layout properties (orientation, paperSize, zoom, printTitleRows, …). */
  pageLayout: Record<string, unknown>;
}

export interface FakeWorkbookState {
  sheets: FakeSheetState[];
  activeSheetId: string;
  settings: Map<string, unknown>;
  /** Highest ExcelApi version the host claims, as "1.x". */
  maxApi: string;
  /** True while the user is typing in a cell: every request then fails. */
  editMode: boolean;
  /** Excel on the web refuses responses larger than this. */
  responseLimitBytes: number;
  /** APIs that, on this host, do not support undo although they usually do (the platforms differ). */
  noUndo?: string[];
  nextId: number;
  /** Worksheet.onChanged handlers (ExcelApi 1.7), by sheet id. */
  changeHandlers?: {
    sheetId: string;
    handler: (event: { worksheetId: string; address: string; changeType: string; source: string }) => unknown;
  }[];
}

/** Delivers Worksheet.onChanged as Excel does: after the change, asynchronously. */
export function fireChanged(state: FakeWorkbookState, sheet: FakeSheetState, address: string): void {
  for (const h of state.changeHandlers ?? []) {
    if (h.sheetId === sheet.id)
      setTimeout(() => void h.handler({ worksheetId: sheet.id, address, changeType: "RangeEdited", source: "Local" }), 0);
  }
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyToCell(key: number): { row: number; col: number } {
  return { row: Math.floor(key / MAX_COLS), col: key % MAX_COLS };
}

export function newSheetState(id: string, name: string): FakeSheetState {
  return {
    id,
    name,
    visibility: "Visible",
    protected: false,
    protectionOptions: {},
    protectionPassword: null,
    cells: new Map(),
    merges: [],
    conditionalFormats: [],
    dataValidations: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    frozen: { rows: 0, columns: 0 },
    autoFilter: null,
    selection: "A1",
    pageLayout: {},
  };
}

export function hasContent(cell: FakeCell): boolean {
  return cell.formula !== undefined || (cell.value !== null && cell.value !== "");
}

export function hasFormat(cell: FakeCell): boolean {
  return (
    (cell.numberFormat !== undefined && cell.numberFormat !== "General") ||
    (cell.format !== undefined && Object.keys(cell.format).length > 0)
  );
}

/**
 * Bounding box of the cells with content (and, unless valuesOnly, with formats), as Excel's used
 * range; with `within`, of those cells inside it (Range.getUsedRange).
 */
export function usedRect(sheet: FakeSheetState, valuesOnly: boolean, within?: RectRef): RectRef | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    if (!hasContent(cell) && (valuesOnly || !hasFormat(cell))) continue;
    const { row, col } = keyToCell(key);
    if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

export function rectCells(rect: RectRef): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

export function intersects(a: RectRef, b: RectRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: RectRef, inner: RectRef): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
}

/** Compares ExcelApi versions such as "1.9" and "1.13" numerically. */
export function versionAtLeast(have: string, need: string): boolean {
  const [ha, hb] = have.split(".").map(Number);
  const [na, nb] = need.split(".").map(Number);
  return ha > na || (ha === na && (hb ?? 0) >= (nb ?? 0));
}

/** UTF-8 size of a JSON payload, which is what the 5 MB response limit counts. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return bytes;
}
