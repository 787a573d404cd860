import { toA1 } from "../address";
import { IndicatorRow } from "./read/blocks";
import { isBlankBlock, isPlaceholderName, isPlaceholderRow } from "./read/placeholders";
import { BlockScope, a1 } from "./scope";

/**
 * The parts of a form left blank (docs/domain.md §6), each said once instead of row by row:
 * IND-PLACEHOLDER for the template's placeholder rows of a block (指标1, ……), IND-PART-BLANK for a
 * block with nothing filled in (a blank 长期绩效指标 sheet) or a value column left empty on every row
 * while the others are filled (every 长期指标值, the 实际完成值 of a target form).
 */

/** IND-PART-BLANK for a block with nothing filled in; true when it reported, so that no row rule runs. */
export function reportBlankBlock(scope: BlockScope): boolean {
  const { block } = scope;
  if (!isBlankBlock(block)) return false;
  const h = block.header;
  const lines = block.rows.length + block.unused.length;
  scope.report.add({
    rule: "IND-PART-BLANK",
    cell: toA1(h.row, h.values[0]?.col ?? h.level3),
    anchor: `${block.project.name}|整表未填写|${h.row}`,
    message: `本表 ${lines} 行指标均未填写三级指标和指标值，是未填写的表样；如本项目不设这部分指标，可删除此表`,
  });
  return true;
}

/** IND-PLACEHOLDER: the block's unfilled placeholder rows, one info for all of them. */
export function reportPlaceholders(scope: BlockScope): void {
  const { block } = scope;
  const cells = [
    ...block.rows.filter(isPlaceholderRow).map((r) => ({ row: r.row, col: r.nameCol })),
    ...block.unused.filter((u) => isPlaceholderName(u.level2.raw)).map((u) => ({ row: u.row, col: u.level2.col })),
  ].sort((a, b) => a.row - b.row);
  if (cells.length === 0) return;
  scope.report.add({
    rule: "IND-PLACEHOLDER",
    cell: a1(cells[0]),
    related: cells.slice(1).map(a1),
    anchor: `${block.project.name}|占位行`,
    message: `${cells.length} 行模板占位行未填写，可删除`,
  });
}

/**
 * Value columns (indexes into the header's values) left empty on every real row while another
 * column is filled: one IND-PART-BLANK each, and the row rules skip them. `which` picks the targets
 * or the results (实际完成值), judged by their own modules.
 */
export function blankColumns(scope: BlockScope, rows: IndicatorRow[], which: "targets" | "results"): Set<number> {
  const { block } = scope;
  const blank = new Set<number>();
  const named = rows.filter((r) => r.name !== "");
  if (named.length === 0) return blank;
  const filled = block.header.values.map((_, i) => named.some((r) => r.values[i].text !== "" || r.values[i].error));
  if (!filled.includes(true) || !filled.includes(false)) return blank;
  for (let i = 0; i < filled.length; i++) {
    const v = block.header.values[i];
    if (v.actual !== (which === "results") || filled[i]) continue;
    blank.add(i);
    const first = named[0].values[i];
    scope.report.add({
      rule: "IND-PART-BLANK",
      cell: a1(first),
      related: named.slice(1).map((r) => a1(r.values[i])),
      anchor: `${block.project.name}|整栏未填写|${v.label}`,
      message: `“${v.label}”一栏全部未填写（共 ${named.length} 项指标），其余各栏已填写；如不适用可删除这一栏`,
    });
  }
  return blank;
}
