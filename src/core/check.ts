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
  const compactViews = new Map<string, SheetView>();

  snapshots.forEach((snapshot, index) => {
    const report: SheetReport = { name: snapshot.name, kind: "other" };
    try {
      const view = new SheetView(snapshot);
      if (view.compact) compactViews.set(view.name, view);
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
  const located = compactViews.size ? findings.map((f) => (compactViews.has(f.sheet) ? atSheetCells(f, compactViews.get(f.sheet)!) : f)) : findings;
  located.sort(compareFindings(order));
  return { sheets, findings: uniquifyIds(located) };
}

/**
 * Rules address cells in view coordinates; on a sheet whose empty gaps were collapsed those differ
 * from the sheet's, so the finding's cells, and the same addresses quoted in its message, are
 * given as the sheet's own.
 */
function atSheetCells(f: Finding, view: SheetView): Finding {
  const cell = view.sheetA1(f.cell);
  const related = f.related.map((a) => view.sheetA1(a));
  const renamed = new Map<string, string>([[f.cell, cell], ...f.related.map((a, i): [string, string] => [a, related[i]])]);
  for (const [from, to] of renamed) if (from === to || !/^[A-Z]+\d+$/.test(from)) renamed.delete(from);
  if (renamed.size === 0) return { ...f, cell, related };
  const pattern = new RegExp(`(?<![A-Z0-9])(${[...renamed.keys()].join("|")})(?![0-9])`, "g");
  return { ...f, cell, related, message: f.message.replace(pattern, (a) => renamed.get(a) ?? a) };
}

function checkSheet(view: SheetView, ctx: CheckContext, kind: SheetKind, table?: StandardTable): Finding[] {
  if (view.rowCount === 0) return [];
  if (kind === "indicators") return checkIndicatorSheet(view, ctx);
  return checkTotalsSheet(view, ctx, kind, table);
}
