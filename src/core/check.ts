import { MoneyUnit, detectUnit } from "./amount";
import { SheetKind, StandardTable, classifySheet } from "./classify";
import { CheckContext } from "./context";
import { Finding, SEVERITY_ORDER, appendAll, compareFindings, uniquifyIds } from "./finding";
import { checkIndicatorTables } from "./indicators";
import { SheetRead, checkPackageAndNarrative } from "./package-and-narrative";
import type { NarrativeText } from "./narrative/sources";
import type { PackageInfo } from "./package";
import { Reporter } from "./reporter";
import { reportNoIndicatorHeader, reportUncalculated, reportUnitMissing, reportUnreadableSheet } from "./sheet-rules";
import { SheetSnapshot, SheetView } from "./snapshot";
import { parseTolerance } from "./tolerance";
import { IdentityBook } from "./engine/book";
import { resolveBook } from "./engine/resolve";
import { checkTotalsSheet, hasCheckableTable, registerCrossTables } from "./totals";
import { StandardSheet, placeCopy } from "./totals/cross-table";
import { reportBook } from "./totals/report-book";
import { SheetChecker } from "./totals/sheet-checker";

export interface CheckOptions {
  /** Rounding band in each table's own unit, as a decimal string; default "0.01". */
  tolerance?: string;
  /** Called after each sheet, for progress bars. */
  onProgress?: (done: number, total: number, sheet: string) => void;
  /** A 说明 given beside the workbook (pasted in the pane or the page, `--narrative` on the command line). */
  narrative?: NarrativeText;
}

export interface SheetReport {
  name: string;
  kind: SheetKind;
  table?: StandardTable;
  /** Set when the sheet could not be checked, in Chinese. */
  note?: string;
  /** The money unit the sheet states (表头「单位：万元」…), when it states one. */
  unit?: MoneyUnit;
  /** Set when the sheet was read as a 说明 (its text checked against the tables), not as a table. */
  narrative?: boolean;
}

export interface CheckResult {
  sheets: SheetReport[];
  findings: Finding[];
  /** What the workbook's standard tables state (year, unit, 编制单位) and, for a package, what it lacks. */
  package?: PackageInfo;
}

/** Checks every sheet and returns the findings in a stable order: sheet order, then row, column, rule. */
export function checkWorkbook(snapshots: SheetSnapshot[], options: CheckOptions = {}): CheckResult {
  const band = parseTolerance(options.tolerance);
  const sheets: SheetReport[] = [];
  const findings: Finding[] = [];
  const standard: StandardSheet[] = [];
  // Every identity of every sheet goes into one book, judged once all are in (issue 16).
  const book = new IdentityBook();
  const pending: SheetFindings[] = [];
  // Each sheet's view and what it was classified as, for the package and 说明 rules: not read twice.
  const classified = new Map<SheetSnapshot, SheetRead>();

  snapshots.forEach((snapshot, index) => {
    const report: SheetReport = { name: snapshot.name, kind: "other" };
    try {
      const view = new SheetView(snapshot);
      const { kind, table } = classifySheet(view);
      classified.set(snapshot, { view, table });
      report.kind = kind;
      if (table) report.table = table;
      const unit = detectUnit(view);
      if (unit) report.unit = unit.unit;
      const ctx: CheckContext = { band, unit: unit?.unit ?? "万元", unitStated: unit !== null };
      const sheet = checkSheet(view, ctx, kind, book, table);
      if (!unit && (kind === "summary" || table)) reportUnitMissing(new Reporter(view.name, sheet.own), view);
      reportUncalculated(new Reporter(view.name, sheet.own), view);
      pending.push(sheet);
      // Silence on such a sheet would read as "no problems"; say that nothing was checked.
      if (kind === "other" && !table && sheet.indicatorTables === 0 && !hasCheckableTable(sheet.rest))
        report.note = "未识别出可检查的表格，未检查";
      if (table) standard.push({ view: sheet.rest, table, checker: sheet.totals });
    } catch {
      // A rule that trips over an odd layout must not take the other sheets' findings with it.
      report.note = "此表结构异常，检查中断，请确认表格格式";
      const own: Finding[] = [];
      reportUnreadableSheet(new Reporter(snapshot.name, own));
      pending.push({ own, totals: null, rest: null, indicatorTables: 0 });
    }
    sheets.push(report);
    options.onProgress?.(index + 1, snapshots.length, snapshot.name);
  });

  try {
    registerCrossTables(standard, book);
  } catch {
    // Cross-table checks are a bonus; a table they cannot read must not hide the per-sheet findings.
  }
  reportBook(book, resolveBook(book), placeCopy);
  for (const sheet of pending) appendAll(findings, merged(sheet));

  // The cells the sheets' warnings and errors stand on: a package rule does not repeat their story.
  const serious = new Set(
    findings.filter((f) => SEVERITY_ORDER[f.severity] < SEVERITY_ORDER.info).map((f) => `${f.sheet}\u0000${f.cell}`),
  );
  // A 说明 sheet is read as text: what the table rules made of it is dropped.
  const extra = checkPackageAndNarrative(
    snapshots,
    sheets,
    band,
    options.narrative,
    (sheet, a1) => serious.has(`${sheet}\u0000${a1}`),
    classified,
  );
  // A table's template rows are said once (TABLE-PLACEHOLDER), not again cell by cell as template text.
  const templateRows = new Set(
    findings
      .filter((f) => f.rule === "TABLE-PLACEHOLDER")
      .flatMap((f) => [f.cell, ...f.related].map((cell) => `${f.sheet}\u0000${cell}`)),
  );
  const told = (f: Finding) => f.rule === "PKG-LEFTOVER" && templateRows.has(`${f.sheet}\u0000${f.cell}`);
  const all = [...findings.filter((f) => !extra.narrativeSheets.has(f.sheet)), ...extra.findings.filter((f) => !told(f))];

  const order = new Map(snapshots.map((s, i) => [s.name, i]));
  all.sort(compareFindings(order));
  const result: CheckResult = { sheets, findings: uniquifyIds(all) };
  if (extra.info) result.package = extra.info;
  return result;
}

/** One sheet's findings: the indicator rules' and the cell rules' (`own`), and the totals checker's. */
interface SheetFindings {
  own: Finding[];
  totals: SheetChecker | null;
  rest: SheetView | null;
  indicatorTables: number;
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
  book: IdentityBook,
  table?: StandardTable,
): SheetFindings & { rest: SheetView; totals: SheetChecker } {
  const indicators = view.rowCount === 0 ? { findings: [], blocks: 0, covered: [] } : checkIndicatorTables(view, ctx);
  const own = indicators.findings;
  if (kind === "indicators" && indicators.blocks === 0) reportNoIndicatorHeader(new Reporter(view.name, own), view);
  const rest = view.withRowsBlank(indicators.covered);
  const totals = view.rowCount === 0 ? new SheetChecker(rest, ctx, book) : checkTotalsSheet(rest, ctx, kind, book, table);
  return { own, totals, rest, indicatorTables: indicators.blocks };
}

/** A sheet's findings once the book has reported: a cell both checkers read (an error value in a 预算数 cell) is reported once. */
function merged(sheet: SheetFindings): Finding[] {
  if (!sheet.totals) return sheet.own;
  const seen = new Set(sheet.own.map((f) => `${f.rule}|${f.cell}`));
  const out = sheet.own.slice();
  for (const f of sheet.totals.findings) if (!seen.has(`${f.rule}|${f.cell}`)) out.push(f);
  return out;
}
