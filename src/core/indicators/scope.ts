import { toA1 } from "../address";
import { CheckContext } from "../context";
import { Reporter } from "../reporter";
import { SheetView } from "../snapshot";
import { IndicatorBlock, IndicatorRow, ValueCell } from "./read/blocks";

/** What each rule family gets: the sheet, the context, one block, and the sheet's reporter. */
export interface BlockScope {
  view: SheetView;
  ctx: CheckContext;
  block: IndicatorBlock;
  report: Reporter;
}

export function a1(pos: { row: number; col: number }): string {
  return toA1(pos.row, pos.col);
}

export function nameCell(row: IndicatorRow): string {
  return toA1(row.row, row.nameCol);
}

/**
 * Ids survive row moves: the anchor is the project and the indicator's own text (and the value
 * column when there is more than one), never the row number.
 */
export function rowAnchor(block: IndicatorBlock, row: IndicatorRow, value?: ValueCell): string {
  const column = value && block.header.values.length > 1 ? `|${value.label}` : "";
  // Capped: an id is kept in the workbook's settings when the user ignores a finding.
  return `${block.project.name}|${(row.name || row.level2?.name || "（无名称）").slice(0, 100)}${column}`;
}

/** The indicator's name as a message shows it: a short excerpt (see ../excerpt.ts). */
export { quoted } from "../excerpt";

/** Where a finding on a value cell lands: the cell, the indicator's name, an anchor that survives row moves. */
export function valuePlace(
  scope: BlockScope,
  row: IndicatorRow,
  cell: ValueCell,
): { cell: string; related: string[]; anchor: string } {
  return { cell: a1(cell), related: [nameCell(row)], anchor: rowAnchor(scope.block, row, cell) };
}
