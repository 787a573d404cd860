import { MoneyUnit, detectUnit } from "./amount";
import { SheetKind, StandardTable, classifySheet } from "./classify";
import { CheckContext } from "./context";
import { Finding, appendAll, compareFindings, uniquifyIds } from "./finding";
import { checkIndicatorTables } from "./indicators";
import { Reporter } from "./reporter";
import { reportNoIndicatorHeader, reportUncalculated, reportUnitMissing, reportUnreadableSheet } from "./sheet-rules";
import { SheetSnapshot, SheetView } from "./snapshot";
import { parseTolerance } from "./tolerance";
import { brokenFigureCells, checkCrossTables, checkTotalsSheet, hasCheckableTable } from "./totals";
import type { StandardSheet } from "./totals/cross-table";

export interface CheckOptions {
  /** Rounding band in each table's own unit, as a decimal string; default "0.01". */
  tolerance?: string;
  /** Called after each sheet, for progress bars. */
  onProgress?: (done: number, total: number, sheet: string) => void;
}

export interface SheetReport {
  name: string;
  kind: SheetKind;
  table?: StandardTable;
  /** Set when the sheet could not be checked, in Chinese. */
  note?: string;
  /** The money unit the sheet states (表头「单位：万元」…), when it states one. */
  unit?: MoneyUnit;
}

export interface CheckResult {
  sheets: SheetReport[];
  findings: Finding[];
}

/** Checks every sheet and returns the findings in a stable order: sheet order, then row, column, rule. */
export function checkWorkbook(snapshots: SheetSnapshot[], options: CheckOptions = {}): CheckResult {
  const band = parseTolerance(options.tolerance);
  const sheets: SheetReport[] = [];
  const findings: Finding[] = [];
  const standard: StandardSheet[] = [];

  snapshots.forEach((snapshot, index) => {
    const report: SheetReport = { name: snapshot.name, kind: "other" };
    try {
      const view = new SheetView(snapshot);
      const { kind, table } = classifySheet(view);
      report.kind = kind;
      if (table) report.table = table;
      const unit = detectUnit(view);
      if (unit) report.unit = unit.unit;
      const ctx: CheckContext = { band, unit: unit?.unit ?? "万元", unitStated: unit !== null };
      const { findings: sheetFindings, rest, indicatorTables } = checkSheet(view, ctx, kind, table);
      if (!unit && (kind === "summary" || table)) reportUnitMissing(new Reporter(view.name, sheetFindings), view);
      reportUncalculated(new Reporter(view.name, sheetFindings), view);
      appendAll(findings, sheetFindings);
      // Silence on such a sheet would read as "no problems"; say that nothing was checked.
      if (kind === "other" && !table && indicatorTables === 0 && !hasCheckableTable(rest))
        report.note = "未识别出可检查的表格，未检查";
      if (table) standard.push({ view: rest, table, ctx, reported: brokenFigureCells(sheetFindings) });
    } catch {
      // A rule that trips over an odd layout must not take the other sheets' findings with it.
      report.note = "此表结构异常，检查中断，请确认表格格式";
      reportUnreadableSheet(new Reporter(snapshot.name, findings));
    }
    sheets.push(report);
    options.onProgress?.(index + 1, snapshots.length, snapshot.name);
  });

  try {
    appendAll(findings, checkCrossTables(standard));
  } catch {
    // Cross-table checks are a bonus; a table they cannot read must not hide the per-sheet findings.
  }

  const order = new Map(snapshots.map((s, i) => [s.name, i]));
  findings.sort(compareFindings(order));
  return { sheets, findings: uniquifyIds(findings) };
}

/**
 * A sheet is a set of tables (docs/domain.md §8): its indicator tables get the indicator rules, and the
 * rest of the sheet (a funds table above them, a 收支总表 beside them) the totals rules, whatever the
 * sheet's kind. The kind only decides what an empty result means.
 */
function checkSheet(
  view: SheetView,
  ctx: CheckContext,
  kind: SheetKind,
  table?: StandardTable,
): { findings: Finding[]; rest: SheetView; indicatorTables: number } {
  if (view.rowCount === 0) return { findings: [], rest: view, indicatorTables: 0 };
  const indicators = checkIndicatorTables(view, ctx);
  const findings = indicators.findings;
  if (kind === "indicators" && indicators.blocks === 0) reportNoIndicatorHeader(new Reporter(view.name, findings), view);
  // The totals rules read the sheet with the rows of its indicator tables left blank.
  const rest = view.withRowsBlank(indicators.covered);
  // A cell both checkers read (an error value in a 预算数 cell) is reported once.
  const seen = new Set(findings.map((f) => `${f.rule}|${f.cell}`));
  for (const f of checkTotalsSheet(rest, ctx, kind, table)) if (!seen.has(`${f.rule}|${f.cell}`)) findings.push(f);
  return { findings, rest, indicatorTables: indicators.blocks };
}
