/**
 * The slice of the Excel and Office globals the gateway touches, so tests can pass the in-memory
 * fake and the ribbon command the real ones.
 */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** With options: `mergeUndoGroup` (ExcelApi 1.20) makes every sync of the run one undo step. */
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficeHost {
  context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/** ExcelApi versions of the features we gate on (from the Office.js API reference). */
export const API = {
  /** workbook.settings, getItemOrNullObject, getUsedRangeOrNullObject. */
  settings: "1.4",
  /** Conditional formats and their ids. */
  conditionalFormats: "1.6",
  /** Worksheet.onChanged. */
  changeEvents: "1.7",
  /** Range.hyperlink, worksheet.freezePanes. */
  hyperlinks: "1.7",
  freezePanes: "1.7",
  /** worksheet.getRanges and RangeAreas.conditionalFormats. */
  rangeAreas: "1.9",
  /** worksheet.autoFilter. */
  autoFilter: "1.9",
  /** range.getMergedAreasOrNullObject. */
  mergedAreas: "1.13",
  /** workbook.insertWorksheetsFromBase64. */
  insertFromBase64: "1.13",
  /**
   * Excel.run({ mergeUndoGroup: true }). The undo doc's history says add-in writes joined the user's
   * undo stack with 1.19; the grouping option itself is in the 1.20 requirement set.
   */
  undoGroup: "1.20",
} as const;

export function supports(office: OfficeHost, version: string): boolean {
  try {
    return office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}
