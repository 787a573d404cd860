import { MoneyUnit } from "../core/amount";
import { CheckResult, checkWorkbook } from "../core/check";
import type { NarrativeText } from "../core/narrative/sources";
import { withLastYear } from "../core/compare";
import { Finding } from "../core/finding";
import { ProgressListener } from "../core/progress";
import { SheetSnapshot } from "../core/snapshot";
import { AddinSettings, CheckScope, GatewayProblem, WorkbookGateway } from "./gateway";

/** Last year's workbook chosen for 「与上年对比」, read from its bytes; `tables` is set by each check. */
export interface LastYearSheets {
  name: string;
  snapshots: SheetSnapshot[];
  tables?: string[];
}

export interface CheckRun {
  result: CheckResult;
  /** Findings not ignored by the user, in the core's order. */
  visible: Finding[];
  /** Findings the user ignored in this workbook. */
  ignored: Finding[];
  /** Sheets that could not be read, marked, etc., with Chinese messages. */
  problems: GatewayProblem[];
  /** What was read, for fixes that must know a cell's content. */
  snapshots: SheetSnapshot[];
  /** Each checked sheet's stated money unit, or null. */
  units: Record<string, MoneyUnit | null>;
  settings: AddinSettings;
}

/**
 * One check, the same for the ribbon command and the task pane:
 * read snapshots → core check → drop ignored findings → paint marks. With the gateway's one-run
 * check this is at most 3 syncs; otherwise settings, read and paint are separate runs.
 */
/** `narrative`: a 说明 pasted in the pane's 「核对说明文字」, checked with the tables (issue 20). */
export async function runCheck(
  gateway: WorkbookGateway,
  scope: CheckScope,
  onProgress?: ProgressListener,
  lastYear?: LastYearSheets | null,
  narrative?: NarrativeText,
): Promise<CheckRun> {
  let result: CheckResult = { sheets: [], findings: [] };
  let visible: Finding[] = [];
  let ignored: Finding[] = [];
  const decide = (snapshots: SheetSnapshot[], settings: AddinSettings): Finding[] => {
    result = checkWorkbook(snapshots, {
      tolerance: settings.tolerance,
      onProgress: (done, total) => onProgress?.("check", done, total),
      ...(narrative ? { narrative } : {}),
    });
    // 「与上年对比」: its findings are marked and listed like the others.
    if (lastYear) {
      const { comparedTables, ...compared } = withLastYear(result, snapshots, lastYear.snapshots, {
        lastFile: lastYear.name,
        tolerance: settings.tolerance,
        ...(narrative ? { narrative } : {}),
      });
      result = compared;
      lastYear.tables = comparedTables;
    }
    const ignoredIds = new Set(settings.ignored);
    visible = result.findings.filter((f) => !ignoredIds.has(f.id));
    ignored = result.findings.filter((f) => ignoredIds.has(f.id));
    onProgress?.("paint", 0, 1);
    // Findings on pasted text have no sheet to mark.
    const read = new Set(snapshots.map((s) => s.name));
    return visible.filter((f) => read.has(f.sheet));
  };
  const onRead = (done: number, total: number) => onProgress?.("read", done, total);
  let read: { snapshots: SheetSnapshot[]; settings: AddinSettings; problems: GatewayProblem[] };
  if (gateway.check) read = await gateway.check(scope, decide, onRead);
  else {
    const settings = await gateway.loadSettings();
    const got = await gateway.readSheets(scope, onRead);
    decide(got.snapshots, settings);
    const painted = await gateway.paint(
      visible,
      got.snapshots.map((s) => s.name),
    );
    read = { snapshots: got.snapshots, settings, problems: [...got.problems, ...painted.problems] };
  }
  onProgress?.("paint", 1, 1);
  const units = Object.fromEntries(result.sheets.map((s) => [s.name, s.unit ?? null]));
  return { result, visible, ignored, problems: read.problems, snapshots: read.snapshots, units, settings: read.settings };
}

export { countBySeverity } from "../core/results-table";
