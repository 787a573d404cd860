import { Reporter } from "./reporter";
import { SheetView, isUncalculated } from "./snapshot";

/**
 * LAYOUT-UNKNOWN, UNIT-MISSING and FORMULA-UNCALCULATED: what could not be read on a sheet, said
 * rather than left silent (silence would read as "no problems"). The readers decide when; the
 * sentences live here.
 */

/** A rule tripped over the sheet's layout; the other sheets are still checked. */
export function reportUnreadableSheet(report: Reporter): void {
  const name = report.sheet;
  report.add({
    rule: "LAYOUT-UNKNOWN",
    cell: "A1",
    message: `无法解析工作表「${name}」的结构，未完成检查，请确认它是标准的预算表格式`,
  });
}

/** A sheet named like a 收支总表 without the two side-by-side year totals. */
export function reportNoSummaryTotals(report: Reporter, view: SheetView): void {
  report.add({
    rule: "LAYOUT-UNKNOWN",
    cell: view.address(view.firstRow, view.firstCol),
    message: `工作表「${view.name}」未找到并列的本年收入合计与本年支出合计，无法核对收支总表的平衡关系`,
  });
}

/** A 收支总表 with the totals of one side only (a form cut short): that side was checked, the other not. */
export function reportHalfSummary(report: Reporter, view: SheetView, row: number, col: number, found: "income" | "spend"): void {
  const missing = found === "income" ? "支出" : "收入";
  const checked = found === "income" ? "收入" : "支出";
  report.add({
    rule: "LAYOUT-UNKNOWN",
    cell: view.address(row, col),
    anchor: `${missing}栏`,
    message: `${missing}栏未找到本年${missing}合计，只核对了${checked}栏；${missing}栏与收支平衡未核对，请确认表格是否完整`,
  });
}

/** docs/domain.md §8: a sheet that looks like an indicator sheet but has no readable header is said so, not guessed. */
export function reportNoIndicatorHeader(report: Reporter, view: SheetView): void {
  report.add({
    rule: "LAYOUT-UNKNOWN",
    cell: view.address(view.firstRow, view.firstCol),
    anchor: "绩效指标表头",
    message: `工作表「${view.name}」中找不到含“一级指标”“二级指标”或“指标名称”“指标值”的表头行，未检查绩效指标`,
  });
}

export function reportUnitMissing(report: Reporter, view: SheetView): void {
  report.add({
    rule: "UNIT-MISSING",
    cell: view.address(view.firstRow, view.firstCol),
    anchor: "单位",
    message: `工作表「${view.name}」的表头未注明金额单位（如“单位：万元”），本次按万元理解金额与容差`,
  });
}

/**
 * Formulas whose result the file does not hold and the reader could not calculate exactly (see
 * src/xlsx/formulas/): their cells are UNCALCULATED, and every identity through them goes unjudged.
 * One finding per sheet, at the first such cell, says so.
 */
export function reportUncalculated(report: Reporter, view: SheetView): void {
  let count = 0;
  let first: { row: number; col: number } | null = null;
  const rows = view.rows();
  const cols = view.cols();
  for (let i = 0; i < rows.length; i++)
    for (let j = 0; j < cols.length; j++) {
      const row = rows[i];
      const col = cols[j];
      if (!isUncalculated(view.value(row, col))) continue;
      count++;
      first ??= { row, col };
    }
  if (!first) return;
  const { row, col } = first;
  report.add({
    rule: "FORMULA-UNCALCULATED",
    cell: view.address(row, col),
    anchor: "未计算的公式",
    message: `工作表「${view.name}」有 ${count} 个公式没有计算结果（如 ${view.address(row, col)}），用到它们的合计未核对。公式未计算，请在 Excel 中打开并保存后再检查`,
  });
}
