import { MoneyUnit, detectUnit } from "./amount";
import { SheetKind, StandardTable, classifySheet } from "./classify";
import { CheckContext } from "./context";
import { Finding, appendAll, compareFindings, uniquifyIds } from "./finding";
import { IndicatorTables, checkIndicatorTables } from "./indicators";
import { Reporter } from "./reporter";
import { reportNoIndicatorHeader, reportUnitMissing, reportUnreadableSheet } from "./sheet-rules";
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
      if (unit) report.unit = unit.unit;
      const ctx: CheckContext = { band, unit: unit?.unit ?? "万元", unitStated: unit !== null };
      const { findings: sheetFindings, rest, indicatorTables } = checkSheet(view, ctx, kind, table);
      if (!unit && (kind === "summary" || table)) reportUnitMissing(new Reporter(view.name, sheetFindings), view);
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
  const located = compactViews.size
    ? findings.map((f) => (compactViews.has(f.sheet) ? atSheetCells(f, compactViews.get(f.sheet)!) : f))
    : findings;
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
  const rest = withoutRows(view, indicators.covered);
  // A cell both checkers read (an error value in a 预算数 cell) is reported once.
  const seen = new Set(findings.map((f) => `${f.rule}|${f.cell}`));
  for (const f of checkTotalsSheet(rest, ctx, kind, table)) if (!seen.has(`${f.rule}|${f.cell}`)) findings.push(f);
  return { findings, rest, indicatorTables: indicators.blocks };
}

/** The sheet with the rows of its indicator tables left blank: what the totals rules read. */
function withoutRows(view: SheetView, covered: IndicatorTables["covered"]): SheetView {
  if (covered.length === 0) return view;
  const { sheet } = view;
  const hidden = new Uint8Array(sheet.values.length);
  for (const { from, to } of covered)
    hidden.fill(1, Math.max(0, from - sheet.origin.row), Math.max(0, to - sheet.origin.row + 1));
  const mask = <T>(rows: T[][]): T[][] => rows.map((r, i) => (hidden[i] ? [] : r));
  // Values and texts are enough: formulas and number formats are only read for cells of a table found by its labels.
  return new SheetView({ ...sheet, values: mask(sheet.values), texts: mask(sheet.texts) });
}
