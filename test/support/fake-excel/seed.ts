import { RectRef, parseA1, rectToA1 } from "../../../src/core/address";
import { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { parseAddress } from "./address";
import { FakeCell, FakeSheetState, cellKey, newSheetState } from "./state";

/** A cell in a seed: a plain value, or value + formula + number format + displayed text + format bag. */
export type FakeCellInit =
  CellValue | { v?: CellValue; f?: string; fmt?: string; t?: string; fill?: string; format?: Record<string, unknown> };

export interface FakeConditionalFormatInit {
  /** "B2:B9" or "A1,C3:C5". */
  address: string;
  type?: string;
  formula?: string;
  fill?: string;
  format?: Record<string, unknown>;
}

export interface FakeSheetInit {
  name: string;
  /** Rows of cells starting at `origin` (default A1). */
  rows?: FakeCellInit[][];
  origin?: string;
  merges?: (string | RectRef)[];
  protected?: boolean;
  /** Options and password of that protection. */
  protectionOptions?: Record<string, unknown>;
  password?: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  conditionalFormats?: FakeConditionalFormatInit[];
  dataValidations?: { address: string; rule: unknown; prompt?: unknown; errorAlert?: unknown }[];
  columnWidths?: Record<number, number>;
  frozen?: { rows: number; columns: number };
  selection?: string;
}

function toCell(init: FakeCellInit): FakeCell | null {
  if (init === null || typeof init !== "object") return init === null || init === "" ? null : { value: init };
  const cell: FakeCell = { value: init.v ?? null };
  if (init.f) cell.formula = init.f.startsWith("=") ? init.f : `=${init.f}`;
  if (init.fmt && init.fmt !== "General") cell.numberFormat = init.fmt;
  if (init.t !== undefined) cell.text = init.t;
  if (init.fill || init.format) cell.format = { ...(init.format ?? {}), ...(init.fill ? { "fill.color": init.fill } : {}) };
  return cell;
}

export function buildSheet(init: FakeSheetInit, id: string): FakeSheetState {
  const sheet = newSheetState(id, init.name);
  const origin = parseA1(init.origin ?? "A1") ?? { row: 0, col: 0 };
  (init.rows ?? []).forEach((row, r) =>
    row.forEach((c, col) => {
      const cell = toCell(c);
      if (cell) sheet.cells.set(cellKey(origin.row + r, origin.col + col), cell);
    }),
  );
  sheet.merges = (init.merges ?? []).map((m) => (typeof m === "string" ? parseAddress(m) : { ...m }));
  sheet.protected = init.protected ?? false;
  sheet.protectionOptions = { ...(init.protectionOptions ?? {}) };
  sheet.protectionPassword = init.protected && init.password ? init.password : null;
  sheet.visibility = init.visibility ?? "Visible";
  sheet.conditionalFormats = (init.conditionalFormats ?? []).map((cf, i) => ({
    id: `{USER-CF-${id}-${i}}`,
    type: cf.type ?? "Custom",
    areas: cf.address.split(",").map(parseAddress),
    ...(cf.formula !== undefined ? { formula: cf.formula } : {}),
    format: { ...(cf.format ?? {}), ...(cf.fill ? { "fill.color": cf.fill } : {}) },
    priority: i,
    stopIfTrue: false,
  }));
  sheet.dataValidations = (init.dataValidations ?? []).map((d) => ({
    area: parseAddress(d.address),
    rule: d.rule,
    prompt: d.prompt,
    errorAlert: d.errorAlert,
  }));
  for (const [col, w] of Object.entries(init.columnWidths ?? {})) sheet.columnWidths.set(Number(col), w);
  sheet.frozen = init.frozen ?? { rows: 0, columns: 0 };
  sheet.selection = init.selection ?? "A1";
  return sheet;
}

/** Seeds the fake from core snapshots (fixtures, literal grids), keeping formulas, formats and texts. */
export function fakeSheetsFromSnapshots(snapshots: SheetSnapshot[]): FakeSheetInit[] {
  return snapshots.map((s) => ({
    name: s.name,
    origin: rectToA1({ top: s.origin.row, left: s.origin.col, bottom: s.origin.row, right: s.origin.col }),
    rows: s.values.map((row, r) =>
      row.map((v, c) => {
        const f = s.formulas[r]?.[c] ?? "";
        const fmt = s.numberFormats[r]?.[c] ?? "General";
        const t = s.texts[r]?.[c];
        if (!f && fmt === "General" && (t === undefined || t === (v === null ? "" : String(v)))) return v;
        return { v, ...(f ? { f } : {}), ...(fmt !== "General" ? { fmt } : {}), ...(t !== undefined ? { t } : {}) };
      }),
    ),
    merges: s.merges.map((m) => ({ ...m })),
  }));
}
