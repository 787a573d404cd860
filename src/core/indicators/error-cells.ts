import { toA1 } from "../address";
import { Reporter } from "../reporter";
import { reportErrorValue } from "../totals/cell-values";
import { ErrorCell, IndicatorBlock } from "./read/blocks";
import { FundsBlock } from "./read/funds";

/**
 * CELL-ERROR in the cells an indicator form's rules read (issue 9, docs/domain.md §8): indicator values,
 * names and categories, 预算数, the spending plan, points, scores and the funds block. The readers
 * mark such a cell and no rule reads it as text, so `#REF!` is never wording advice.
 */

export function blockErrorCells(block: IndicatorBlock): ErrorCell[] {
  const { project } = block;
  // The usual block has no error value anywhere: nothing to copy.
  if (block.errors.length === 0 && !project.budgetError && !project.plan?.points.some((p) => p.error)) return block.errors;
  const out: ErrorCell[] = [...block.errors];
  if (project.budgetError) out.push({ ...project.budgetError, what: "预算数" });
  for (const p of project.plan?.points ?? [])
    if (p.error) out.push({ row: p.row, col: p.col, code: p.error, what: `资金支出计划${p.label}` });
  return out;
}

export function fundsErrorCells(funds: FundsBlock): ErrorCell[] {
  const out: ErrorCell[] = [];
  for (const row of funds.total ? [funds.total, ...funds.parts] : funds.parts) {
    for (const [field, cell] of Object.entries(row.cells)) {
      if (cell?.error)
        out.push({
          row: cell.row,
          col: cell.col,
          code: cell.error,
          what: `${row.label}的${funds.columns[field as keyof FundsBlock["columns"]]?.label ?? ""}`,
        });
    }
  }
  return out;
}

export function reportErrorCells(report: Reporter, cells: ErrorCell[], project: string): void {
  for (const e of cells)
    reportErrorValue(report, { cell: toA1(e.row, e.col), anchor: `${project}|${e.what}|错误值` }, e.what, e.code);
}
