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

/** Finds the two halves of a 收支总表 inside a located table, by the labels of their total rows. */
export function locateSummary(view: SheetView, table: TableLayout): SummaryLayout | null {
  const found: Record<"iy" | "sy" | "ig" | "sg", CellRef | undefined> = { iy: undefined, sy: undefined, ig: undefined, sg: undefined };
  const candidates = table.columns.filter((c) => c.role !== "amount").map((c) => c.col);
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    for (const c of candidates) {
      const l = view.label(r, c);
      if (l === "") continue;
      if (!found.iy && INCOME_YEAR.test(l)) found.iy = { row: r, col: c };
      else if (!found.sy && SPEND_YEAR.test(l)) found.sy = { row: r, col: c };
      else if (!found.ig && INCOME_GRAND.test(l)) found.ig = { row: r, col: c };
      else if (!found.sg && SPEND_GRAND.test(l)) found.sg = { row: r, col: c };
    }
  }
  if (!found.iy || !found.sy || found.iy.col === found.sy.col) return null;
  const side = (year: CellRef, grand: CellRef | undefined, other: number): SummarySide => {
    const end = other > year.col ? other : Infinity;
    const amountCols = table.amountCols.filter((c) => c > year.col && c < end);
    return {
      labelCol: year.col,
      amountCols,
      yearTotalRow: year.row,
      ...(grand && grand.col === year.col && grand.row > year.row ? { grandTotalRow: grand.row } : {}),
      rows: readRows(view, table, year.col),
    };
  };
  const income = side(found.iy, found.ig, found.sy.col);
  const spend = side(found.sy, found.sg, found.iy.col);
  if (income.amountCols.length === 0 || spend.amountCols.length === 0) return null;
  return { table, income, spend };
}

/** The spend side's 合计 column: the one headed 合计, else its first amount column. */
export function mainColumn(table: TableLayout, side: SummarySide): number {
  return side.amountCols.find((c) => /合计$/.test(columnInfo(table, c)?.leaf ?? "")) ?? side.amountCols[0];
}
