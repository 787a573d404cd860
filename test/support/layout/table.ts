/**
 * One amount table on a sheet, as the yardstick reads it (locate.ts) and as each transform leaves
 * it. Rows and columns are 0-based grid positions; transforms keep them current.
 */
export interface Panel {
  /** Counter columns (序号, 行次) of this panel. */
  counters: number[];
  /** One column of whole codes (`2080505`). */
  code?: number;
  /** Split code columns: 类, 款 and (功能分类) 项. */
  split?: number[];
  /** The row label (项目, 科目名称); absent in tables of figures only. */
  label?: number;
  amounts: number[];
  /** Body rows, top to bottom (blank rows included). */
  rows: number[];
}

/** A total column and the columns it adds up, in one panel. */
export interface ColumnSum {
  panel: number;
  total: number;
  parts: number[];
}

export interface Table {
  sheet: string;
  /** Header band, the 栏次 row included. */
  header: { top: number; bottom: number };
  /** A 栏次 row (column numbers) inside the header band. */
  colNoRow?: number;
  panels: Panel[];
  colSums: ColumnSum[];
  /** The cell stating the money unit (单位：万元). */
  unit?: { row: number; col: number };
}

/** Every body row of the table, top to bottom. */
export function bodyRows(table: Table): number[] {
  return [...new Set(table.panels.flatMap((p) => p.rows))].sort((a, b) => a - b);
}

/** The key columns of a panel, left to right. */
export function keyCols(p: Panel): number[] {
  return [...p.counters, p.code, ...(p.split ?? []), p.label].filter((c): c is number => c !== undefined).sort((a, b) => a - b);
}

/** All columns of a panel, left to right. */
export function panelCols(p: Panel): number[] {
  return [...keyCols(p), ...p.amounts].sort((a, b) => a - b);
}

/** A deep copy, so a transform can change it freely. */
export function copyTable(t: Table): Table {
  return {
    ...t,
    header: { ...t.header },
    unit: t.unit && { ...t.unit },
    panels: t.panels.map((p) => ({
      ...p,
      counters: [...p.counters],
      split: p.split && [...p.split],
      amounts: [...p.amounts],
      rows: [...p.rows],
    })),
    colSums: t.colSums.map((s) => ({ ...s, parts: [...s.parts] })),
  };
}

/** Moves every row (or column) index through `f`: what inserting or deleting rows or columns does to a table. */
export function remapTable(t: Table, axis: "row" | "col", f: (i: number) => number): Table {
  const out = copyTable(t);
  const opt = (i: number | undefined) => (i === undefined ? undefined : f(i));
  if (axis === "row") {
    out.header = { top: f(t.header.top), bottom: f(t.header.bottom) };
    out.colNoRow = opt(t.colNoRow);
    out.panels.forEach((p) => (p.rows = p.rows.map(f)));
    if (out.unit) out.unit.row = f(out.unit.row);
    return out;
  }
  out.panels.forEach((p) => {
    p.counters = p.counters.map(f);
    p.code = opt(p.code);
    p.split = p.split?.map(f);
    p.label = opt(p.label);
    p.amounts = p.amounts.map(f);
  });
  out.colSums.forEach((s) => {
    s.total = f(s.total);
    s.parts = s.parts.map(f);
  });
  if (out.unit) out.unit.col = f(out.unit.col);
  return out;
}

/** Index shift for `n` rows or columns inserted before `at`. */
export const inserted =
  (at: number, n: number) =>
  (i: number): number =>
    i >= at ? i + n : i;
