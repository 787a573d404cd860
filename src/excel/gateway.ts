import type { Finding } from "../core/finding";
import type { SheetSnapshot } from "../core/snapshot";
import { DEFAULT_TOLERANCE } from "../core/tolerance";
import type { TemplateKind } from "../templates/catalog";

/**
 * The only door to the workbook. The task pane and the ribbon commands receive an object of
 * this shape; the Office.js implementation lives in this folder, tests pass a fake.
 */
export interface WorkbookGateway {
  /** Reads the active sheet, or every sheet, as snapshots. Sheets that cannot be read are reported in `problems`. */
  readSheets(scope: "active" | "all", onProgress?: (done: number, total: number, sheet: string) => void): Promise<ReadResult>;
  /** Replaces the add-in's marks on the given sheets with marks for these findings. */
  paint(findings: Finding[], sheets: string[]): Promise<PaintResult>;
  /** Removes every mark the add-in added, and nothing else. */
  clearMarks(): Promise<PaintResult>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<AddinSettings>;
  saveSettings(settings: AddinSettings): Promise<void>;
  /** Inserts a blank template as a new sheet under a free name, activates it, and returns that name. */
  insertTemplate(kind: TemplateKind): Promise<{ sheetName: string }>;
  /** Appends one more blank project block to the active 绩效指标 template sheet. */
  appendProjectBlock(): Promise<{ sheetName: string; firstRow: number }>;
}

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
