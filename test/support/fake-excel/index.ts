/**
 * An in-memory Excel for tests and for the browser e2e page: the Office.js object model the
 * add-in uses, with Excel's batching (load + sync), null objects, error codes, requirement sets
 * and the 5 MB response limit of Excel on the web. No Node APIs, so webpack can bundle it.
 */
import { FakeRequestContext, FakeStats } from "./context";
import { createFakeOffice } from "./office";
import { FakeSheetInit, buildSheet } from "./seed";
import { FakeSheetState, FakeWorkbookState, fireChanged } from "./state";
import { cellAt } from "./format";
import { snapshotState } from "./snapshot";
import { WorkbookDecoder, WorkbookProxy } from "./workbook";

export type { FakeSheetInit, FakeCellInit, FakeConditionalFormatInit } from "./seed";
export { fakeSheetsFromSnapshots } from "./seed";
export type { FakeWorkbookSnapshot, FakeSheetSnapshot } from "./snapshot";
export type { WorkbookDecoder } from "./workbook";
export { FakeOfficeError } from "./errors";
export type { FakeSheetState, FakeWorkbookState, FakeCell } from "./state";

export interface FakeExcelOptions {
  /** Highest ExcelApi version the host supports; default "1.17". */
  maxApi?: string;
  /** Name of the active sheet; default the first. */
  active?: string;
  /** Excel on the web's limit; default 5 MB. */
  responseLimitBytes?: number;
  /** APIs this host cannot undo although Excel usually can, e.g. "Range.values" (UndoNotSupported in a group). */
  noUndo?: string[];
  decoder?: WorkbookDecoder;
}

interface RunOptions {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}
type Batch<T> = (context: FakeRequestContext & { workbook: WorkbookProxy }) => Promise<T>;

export function createFakeExcel(sheets: FakeSheetInit[], options: FakeExcelOptions = {}) {
  const built: FakeSheetState[] = sheets.map((s, i) => buildSheet(s, `{SHEET-${i + 1}}`));
  if (built.length === 0) built.push(buildSheet({ name: "Sheet1" }, "{SHEET-1}"));
  const state: FakeWorkbookState = {
    sheets: built,
    activeSheetId: (built.find((s) => s.name === options.active) ?? built[0]).id,
    settings: new Map(),
    maxApi: options.maxApi ?? "1.17",
    editMode: false,
    responseLimitBytes: options.responseLimitBytes ?? 5 * 1024 * 1024,
    noUndo: options.noUndo,
    nextId: 1000,
  };
  const stats: FakeStats = { syncCount: 0, runCount: 0, lastResponseBytes: 0, runOptions: [], settingsWrites: 0 };
  let decoder = options.decoder;
  const { office, actions, dialogs } = createFakeOffice(state);

  const Excel = {
    ConditionalFormatType: { custom: "Custom", cellValue: "CellValue", containsText: "ContainsText" },
    /** Excel.run(batch) or Excel.run(options, batch). */
    async run<T>(first: RunOptions | Batch<T>, second?: Batch<T>): Promise<T> {
      const options = typeof first === "function" ? {} : first;
      const batch = typeof first === "function" ? first : second!;
      stats.runOptions.push({ ...options });
      const context = new FakeRequestContext(state, stats, options.mergeUndoGroup === true);
      context.workbook = new WorkbookProxy(context, () => decoder);
      // Strict where the host is not documented: an undo group asked of a host without ExcelApi 1.20 fails.
      if (options.mergeUndoGroup) context.requireApi("RunOptions.mergeUndoGroup", "1.20");
      const result = await batch(context as FakeRequestContext & { workbook: WorkbookProxy });
      // Excel.run sends whatever is still queued when the batch function returns.
      if (context.pending > 0) await context.sync();
      return result;
    },
  };

  return {
    Excel,
    Office: office,
    state,
    stats,
    /** Ribbon handlers registered with Office.actions.associate. */
    actions,
    /** Dialogs opened with displayDialogAsync. */
    dialogs,
    get syncCount(): number {
      return stats.syncCount;
    },
    snapshot: () => snapshotState(state),
    sheet(name: string): FakeSheetState {
      const s = state.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name} in the fake`);
      return s;
    },
    setDecoder(d: WorkbookDecoder | undefined): void {
      decoder = d;
    },
    setEditMode(on: boolean): void {
      state.editMode = on;
    },
    /** Protects or unprotects a sheet as the user would in Excel, optionally with options and a password. */
    setProtected(sheet: string, on: boolean, how: { options?: Record<string, unknown>; password?: string } = {}): void {
      const s = this.sheet(sheet);
      s.protected = on;
      if (how.options) s.protectionOptions = { ...how.options };
      s.protectionPassword = on && how.password ? how.password : null;
    },
    /** The user types into a cell: the value changes and Worksheet.onChanged fires. */
    edit(sheet: string, address: string, value: string | number | null): void {
      const s = this.sheet(sheet);
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const row = Number(m[2]) - 1;
      const cell = cellAt(s, row, col - 1, true)!;
      delete cell.formula;
      delete cell.text;
      cell.value = value;
      fireChanged(state, s, address);
    },
    /** The active sheet and its selection, as the user sees them. */
    selection(): { sheet: string; address: string } {
      const s = state.sheets.find((x) => x.id === state.activeSheetId)!;
      return { sheet: s.name, address: s.selection };
    },
  };
}

export type FakeExcel = ReturnType<typeof createFakeExcel>;
