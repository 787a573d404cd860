import type { Finding } from "../core/finding";
import type { CellContent } from "../core/fixes";
import type { SheetSnapshot } from "../core/snapshot";
import { DEFAULT_TOLERANCE } from "../core/tolerance";
import type { TemplateKind } from "../templates/catalog";

/**
 * The only door to the workbook. The task pane and the ribbon commands receive an object of
 * this shape; the Office.js implementation lives in this folder, tests pass a fake.
 */
export interface WorkbookGateway {
  /** Reads the active sheet, or every sheet, as snapshots. Sheets that cannot be read are reported in `problems`. */
  readSheets(scope: CheckScope, onProgress?: (done: number, total: number, sheet: string) => void): Promise<ReadResult>;
  /** Replaces the add-in's marks on the given sheets with marks for these findings. */
  paint(findings: Finding[], sheets: string[]): Promise<PaintResult>;
  /** Removes every mark the add-in added, and nothing else. */
  clearMarks(): Promise<PaintResult>;
  /**
   * Activates the sheet and selects the cell; with `related`, selects those cells too (one RangeAreas
   * selection, ExcelApi 1.9) so the user sees what a total sums. Older hosts select the cell alone.
   */
  select(sheet: string, cell: string, related?: readonly string[]): Promise<void>;
  /**
   * Settings, read, check and paint in one Excel.run (at most 3 syncs while the data fits one
   * response); `decide` gets the snapshots and settings and returns the findings to mark.
   * Optional: without it, runCheck calls loadSettings, readSheets and paint one after another.
   */
  check?(
    scope: CheckScope,
    decide: (snapshots: SheetSnapshot[], settings: AddinSettings) => Finding[],
    onProgress?: (done: number, total: number, sheet: string) => void,
  ): Promise<{ snapshots: SheetSnapshot[]; settings: AddinSettings; problems: GatewayProblem[] }>;
  /**
   * Writes one cell, only if it still holds `before` (else "Changed"): a fix, or the undo of one.
   * A sheet protected with a password is refused (AccessDenied); one protected without is
   * unprotected for the moment of the write and protected again with its own options. Where
   * ExcelApi 1.20 is supported, the write on an unprotected sheet is one undo group (Ctrl+Z).
   */
  writeCell?(sheet: string, cell: string, before: CellContent, after: CellContent): Promise<void>;
  /** Inserts, or replaces, the 「检查结果」 sheet listing these findings, with links to their cells. */
  exportResults?(findings: Finding[]): Promise<{ sheetName: string }>;
  /**
   * Calls `onChange` when a cell of these sheets is edited (Worksheet.onChanged, ExcelApi 1.7),
   * in place of the sheets and listener of the previous call. A host that cannot tell stays silent.
   */
  watchSheets?(sheets: string[], onChange: (sheet: string, address: string) => void): Promise<void>;
  loadSettings(): Promise<AddinSettings>;
  saveSettings(settings: AddinSettings): Promise<void>;
  /** Inserts a blank template as a new sheet under a free name, activates it, and returns that name. */
  insertTemplate(kind: TemplateKind): Promise<{ sheetName: string }>;
  /** Appends one more blank project block to the active 绩效指标 template sheet. */
  appendProjectBlock(): Promise<{ sheetName: string; firstRow: number }>;
}

/** A cell as a fix reads and writes it (planned in core/fixes). */
export type { CellContent } from "../core/fixes";

export type CheckScope = "active" | "all" | { sheets: string[] };

export interface ReadResult {
  snapshots: SheetSnapshot[];
  problems: GatewayProblem[];
}

export interface PaintResult {
  /** Cells marked (paint) or marks removed (clear). */
  count: number;
  problems: GatewayProblem[];
}

/** A failure that did not stop the whole operation, with a Chinese message for the user. */
export interface GatewayProblem {
  sheet?: string;
  code: GatewayErrorCode;
  message: string;
}

export type GatewayErrorCode =
  | "AccessDenied"
  | "InvalidOperationInCellEditMode"
  | "RequirementSetMissing"
  | "SheetTooLarge"
  | "ItemNotFound"
  | "HiddenSheetSkipped"
  | "Changed"
  | "Unknown";

/** Settings kept per workbook (in workbook.settings). */
export interface AddinSettings {
  /** Rounding band, decimal string. */
  tolerance: string;
  /** Ids of findings the user chose to ignore. */
  ignored: string[];
}

export const DEFAULT_SETTINGS: AddinSettings = { tolerance: DEFAULT_TOLERANCE, ignored: [] };

/** Thrown by gateway calls that fail as a whole; `message` is Chinese and shown to the user. */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}
