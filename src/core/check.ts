import { detectUnit } from "./amount";
import { SheetKind, StandardTable, classifySheet } from "./classify";
import { CheckContext } from "./context";
import { Finding, compareFindings, uniquifyIds } from "./finding";
import { checkIndicatorSheet } from "./indicators";
import { Reporter } from "./reporter";
import { reportUnitMissing, reportUnreadableSheet } from "./sheet-rules";
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
      const ctx: CheckContext = { band, unit: unit?.unit ?? "万元", unitStated: unit !== null };
      const sheetFindings = checkSheet(view, ctx, kind, table);
      if (!unit && (kind === "summary" || table)) reportUnitMissing(new Reporter(view.name, sheetFindings), view);
      findings.push(...sheetFindings);
      // Silence on such a sheet would read as "no problems"; say that nothing was checked.
      if (kind === "other" && !table && !hasCheckableTable(view)) report.note = "未识别出可检查的表格，未检查";
      if (table) standard.push({ view, table, ctx, reported: brokenFigureCells(sheetFindings) });
    } catch {
      // A rule that trips over an odd layout must not take the other sheets' findings with it.
      report.note = "此表结构异常，检查中断，请确认表格格式";
      reportUnreadableSheet(new Reporter(snapshot.name, findings));
    }
    sheets.push(report);
    options.onProgress?.(index + 1, snapshots.length, snapshot.name);
  });

  try {
    findings.push(...checkCrossTables(standard));
  } catch {
    // Cross-table checks are a bonus; a table they cannot read must not hide the per-sheet findings.
  }

  const order = new Map(snapshots.map((s, i) => [s.name, i]));
  findings.sort(compareFindings(order));
  return { sheets, findings: uniquifyIds(findings) };
}

function checkSheet(view: SheetView, ctx: CheckContext, kind: SheetKind, table?: StandardTable): Finding[] {
  if (view.rowCount === 0) return [];
  if (kind === "indicators") return checkIndicatorSheet(view, ctx);
  return checkTotalsSheet(view, ctx, kind, table);
}
