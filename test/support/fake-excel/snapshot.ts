import { rectToA1, toA1 } from "../../../src/core/address";
import { FakeCell, FakeWorkbookState, hasContent, hasFormat, keyToCell } from "./state";

export interface FakeSheetSnapshot {
  name: string;
  protected: boolean;
  protectionOptions: Record<string, unknown>;
  visibility: string;
  cells: Record<string, FakeCell>;
  merges: string[];
  conditionalFormats: {
    id: string;
    type: string;
    areas: string[];
    formula?: string;
    format: Record<string, unknown>;
    priority: number;
    stopIfTrue: boolean;
  }[];
  dataValidations: { area: string; rule: unknown; prompt?: unknown; errorAlert?: unknown }[];
  columnWidths: Record<string, number>;
  frozen: { rows: number; columns: number };
  autoFilter: string | null;
  selection: string;
  pageLayout: Record<string, unknown>;
}

export interface FakeWorkbookSnapshot {
  activeSheet: string;
  sheets: FakeSheetSnapshot[];
  settings: Record<string, unknown>;
}

/** Everything a user could see or a later session could read, as plain data for toEqual(). */
export function snapshotState(state: FakeWorkbookState): FakeWorkbookSnapshot {
  return {
    activeSheet: state.sheets.find((s) => s.id === state.activeSheetId)?.name ?? "",
    settings: Object.fromEntries([...state.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v ?? null))])),
    sheets: state.sheets.map((s) => {
      const cells: Record<string, FakeCell> = {};
      const keys = [...s.cells.keys()].sort((a, b) => a - b);
      for (const key of keys) {
        const cell = s.cells.get(key)!;
        if (!hasContent(cell) && !hasFormat(cell) && cell.text === undefined) continue;
        const { row, col } = keyToCell(key);
        cells[toA1(row, col)] = JSON.parse(JSON.stringify(cell));
      }
      return {
        name: s.name,
        protected: s.protected,
        protectionOptions: { ...s.protectionOptions },
        visibility: s.visibility,
        cells,
        merges: s.merges.map(rectToA1),
        conditionalFormats: s.conditionalFormats.map((cf) => ({
          id: cf.id,
          type: cf.type,
          areas: cf.areas.map(rectToA1),
          ...(cf.formula !== undefined ? { formula: cf.formula } : {}),
          format: { ...cf.format },
          priority: cf.priority,
          stopIfTrue: cf.stopIfTrue,
        })),
        dataValidations: s.dataValidations.map((d) => ({
          area: rectToA1(d.area),
          rule: d.rule,
          prompt: d.prompt,
          errorAlert: d.errorAlert,
        })),
        columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [String(c), w])),
        frozen: { ...s.frozen },
        autoFilter: s.autoFilter ? rectToA1(s.autoFilter) : null,
        selection: s.selection,
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)),
      };
    }),
  };
}
