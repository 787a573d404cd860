import Decimal from "decimal.js";
import { detectUnit } from "./amount";
import { SheetKind, StandardTable, classifySheet } from "./classify";
import { CheckContext, DEFAULT_BAND } from "./context";
import { Finding, compareFindings, makeFinding, uniquifyIds } from "./finding";
import { checkIndicatorSheet } from "./indicators";
import { SheetSnapshot, SheetView } from "./snapshot";
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

export function parseTolerance(text: string | undefined): Decimal {
  const raw = (text ?? DEFAULT_BAND).trim();
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(raw)) throw new RangeError(`容差必须是非负数字：${text}`);
  return new Decimal(raw);
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
      if (!unit && (kind === "summary" || table)) sheetFindings.push(unitMissing(view));
      findings.push(...sheetFindings);
      // Silence on such a sheet would read as "no problems"; say that nothing was checked.
      if (kind === "other" && !table && !hasCheckableTable(view)) report.note = "未识别出可检查的表格，未检查";
      if (table) standard.push({ view, table, ctx, reported: brokenFigureCells(sheetFindings) });
    } catch {
      // A rule that trips over an odd layout must not take the other sheets' findings with it.
      report.note = "此表结构异常，检查中断，请确认表格格式";
      findings.push(
        makeFinding({ rule: "LAYOUT-UNKNOWN", sheet: snapshot.name, cell: "A1", message: `无法解析工作表「${snapshot.name}」的结构，未完成检查，请确认它是标准的预算表格式` }),
      );
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

function unitMissing(view: SheetView): Finding {
  return makeFinding({
    rule: "UNIT-MISSING",
    sheet: view.name,
    cell: view.address(view.firstRow, view.firstCol),
    anchor: "单位",
    message: `工作表「${view.name}」的表头未注明金额单位（如“单位：万元”），本次按万元理解金额与容差`,
  });
}

function checkSheet(view: SheetView, ctx: CheckContext, kind: SheetKind, table?: StandardTable): Finding[] {
  if (view.rowCount === 0) return [];
  if (kind === "indicators") return checkIndicatorSheet(view, ctx);
  return checkTotalsSheet(view, ctx, kind, table);
}
