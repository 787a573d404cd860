import { CellRef } from "../../address";
import { SheetView } from "../../snapshot";
import { RowInfo, readRows } from "./rows";
import { columnInfo } from "./table-helpers";
import { TableLayout } from "./table-layout";

/** One half of a 收支总表: its label column, amount columns and key rows. */
export interface SummarySide {
  labelCol: number;
  amountCols: number[];
  /** 本年收入合计 / 本年支出合计. */
  yearTotalRow: number;
  /** 收入总计 / 支出总计, when the form has it. */
  grandTotalRow?: number;
  /**
   * True when the form has no 本年合计 row and `yearTotalRow` is its 总计 (财务收支预算总表): the
   * total is then named and ruled as the 总计 it is.
   */
  grandOnly?: boolean;
  rows: RowInfo[];
}

export interface SummaryLayout {
  table: TableLayout;
  income: SummarySide;
  spend: SummarySide;
}

const INCOME_YEAR = /^(本年)?收入合计$/;
const SPEND_YEAR = /^(本年)?支出合计$/;
const INCOME_GRAND = /^收入总计$/;
const SPEND_GRAND = /^支出总计$/;
/** Below a side's 本年合计, its 总计 may be named by the bare word (决算 总表: 总计 | 总计). */
const SIDE_GRAND = /^(收入|支出)?总计$/;

/**
 * Finds the two halves of a 收支总表 inside a located table, by the labels of their total rows:
 * 本年收入合计 and 本年支出合计 in two columns, each with the 总计 below it where the form has one;
 * or, in forms with no 本年合计 rows (财务收支预算总表), 收入总计 and 支出总计 alone.
 */
export function locateSummary(view: SheetView, table: TableLayout): SummaryLayout | null {
  const found: Record<"iy" | "sy" | "ig" | "sg", CellRef | undefined> = {
    iy: undefined,
    sy: undefined,
    ig: undefined,
    sg: undefined,
  };
  const candidates = table.columns.filter((c) => c.role !== "amount").map((c) => c.col);
  for (let r = table.firstRow; r <= table.lastRow; r = view.nextRow(r)) {
    for (const c of candidates) {
      const l = view.label(r, c);
      if (l === "") continue;
      if (!found.iy && INCOME_YEAR.test(l)) found.iy = { row: r, col: c };
      else if (!found.sy && SPEND_YEAR.test(l)) found.sy = { row: r, col: c };
      else if (!found.ig && INCOME_GRAND.test(l)) found.ig = { row: r, col: c };
      else if (!found.sg && SPEND_GRAND.test(l)) found.sg = { row: r, col: c };
    }
  }
  if (!found.iy && !found.sy && !(found.ig && found.sg)) {
    const pair = sideBySideTotals(view, table, candidates);
    if (pair) [found.ig, found.sg] = pair;
  }
  const grandOnly = !found.iy && !found.sy && found.ig && found.sg && found.ig.col !== found.sg.col;
  const iy = grandOnly ? found.ig : found.iy;
  const sy = grandOnly ? found.sg : found.sy;
  if (!iy || !sy || iy.col === sy.col) return null;
  const grandBelow = (year: CellRef, named: CellRef | undefined): number | undefined => {
    if (grandOnly) return undefined;
    if (named && named.col === year.col && named.row > year.row) return named.row;
    return sideGrandBelow(view, table, year);
  };
  const side = (year: CellRef, grand: number | undefined, other: number): SummarySide => {
    const end = other > year.col ? other : Infinity;
    const amountCols = table.amountCols.filter((c) => c > year.col && c < end);
    return {
      labelCol: year.col,
      amountCols,
      yearTotalRow: year.row,
      ...(grand !== undefined ? { grandTotalRow: grand } : {}),
      ...(grandOnly ? { grandOnly: true } : {}),
      rows: readRows(view, table, year.col),
    };
  };
  const income = side(iy, grandBelow(iy, found.ig), sy.col);
  const spend = side(sy, grandBelow(sy, found.sg), iy.col);
  if (income.amountCols.length === 0 || spend.amountCols.length === 0) return null;
  return { table, income, spend };
}

/** The first row below a side's 本年合计 whose label in the same column is its 总计. */
function sideGrandBelow(view: SheetView, table: TableLayout, year: CellRef): number | undefined {
  for (let r = view.nextRow(year.row); r <= table.lastRow; r = view.nextRow(r))
    if (SIDE_GRAND.test(view.label(r, year.col))) return r;
  return undefined;
}

/**
 * The last row holding 合计 (or 总计) in two label columns side by side, the bare words some forms
 * use under 收入 | 支出 for 收入总计 | 支出总计; the left one is the income side. Only in a table whose
 * header names 收入 and 支出, so a block table's 合计 rows are left to the block rule.
 */
function sideBySideTotals(view: SheetView, table: TableLayout, candidates: number[]): [CellRef, CellRef] | null {
  const header = table.columns.map((c) => c.header).join("|");
  if (!/收入/.test(header) || !/支出/.test(header)) return null;
  for (let r = table.lastRow; r >= table.firstRow; r = view.prevRow(r)) {
    const cols = candidates.filter((c) => /^(合计|总计)$/.test(view.label(r, c)));
    if (cols.length === 2)
      return [
        { row: r, col: cols[0] },
        { row: r, col: cols[1] },
      ];
  }
  return null;
}

/** The spend side's 合计 column: the one headed 合计, else its first amount column. */
export function mainColumn(table: TableLayout, side: SummarySide): number {
  return side.amountCols.find((c) => /合计$/.test(columnInfo(table, c)?.leaf ?? "")) ?? side.amountCols[0];
}

/**
 * One side of a 收支总表 whose other side has no total row (a form cut short, or a copy of half of
 * it): that side is still checked on its own, and the caller says the other side was not.
 */
export function locateHalfSummary(view: SheetView, table: TableLayout): HalfSummary | null {
  const candidates = table.columns.filter((c) => c.role !== "amount").map((c) => c.col);
  for (let r = table.firstRow; r <= table.lastRow; r = view.nextRow(r)) {
    for (const c of candidates) {
      const l = view.label(r, c);
      const which = INCOME_YEAR.test(l) ? "income" : SPEND_YEAR.test(l) ? "spend" : null;
      if (!which) continue;
      const next = candidates.find((x) => x > c && table.columns.find((k) => k.col === x)?.role === "label");
      const amountCols = table.amountCols.filter((x) => x > c && x < (next ?? Infinity));
      if (amountCols.length === 0) return null;
      const grand = sideGrandBelow(view, table, { row: r, col: c });
      const side: SummarySide = {
        labelCol: c,
        amountCols,
        yearTotalRow: r,
        ...(grand !== undefined ? { grandTotalRow: grand } : {}),
        rows: readRows(view, table, c),
      };
      return { layout: { table, income: side, spend: side }, side: which };
    }
  }
  return null;
}

/** A half summary: the layout holds the one side found under both names, and `side` says which it is. */
export interface HalfSummary {
  layout: SummaryLayout;
  side: "income" | "spend";
}

/** True when a label names one of the 收支总表's own total rows. */
export function isSummaryTotalLabel(label: string): boolean {
  return INCOME_YEAR.test(label) || SPEND_YEAR.test(label) || INCOME_GRAND.test(label) || SPEND_GRAND.test(label);
}
