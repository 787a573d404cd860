import { CheckResult, checkWorkbook } from "../core/check";
import { Finding } from "../core/finding";
import { GatewayProblem, WorkbookGateway } from "./gateway";

export interface CheckRun {
  result: CheckResult;
  /** Findings not ignored by the user, in the core's order. */
  visible: Finding[];
  /** Findings the user ignored in this workbook. */
  ignored: Finding[];
  /** Sheets that could not be read, marked, etc., with Chinese messages. */
  problems: GatewayProblem[];
}

export type ProgressStage = "read" | "check" | "paint";

/**
 * One check, the same for the ribbon command and the task pane:
 * read snapshots → core check → drop ignored findings → paint marks.
 */
export async function runCheck(
  gateway: WorkbookGateway,
  scope: "active" | "all",
  onProgress?: (stage: ProgressStage, done: number, total: number) => void,
): Promise<CheckRun> {
  const settings = await gateway.loadSettings();
  const read = await gateway.readSheets(scope, (done, total) => onProgress?.("read", done, total));
  const result = checkWorkbook(read.snapshots, {
    tolerance: settings.tolerance,
    onProgress: (done, total) => onProgress?.("check", done, total),
  });
  const ignoredIds = new Set(settings.ignored);
  const visible = result.findings.filter((f) => !ignoredIds.has(f.id));
  const ignored = result.findings.filter((f) => ignoredIds.has(f.id));
  onProgress?.("paint", 0, 1);
  const painted = await gateway.paint(visible, read.snapshots.map((s) => s.name));
  onProgress?.("paint", 1, 1);
  return { result, visible, ignored, problems: [...read.problems, ...painted.problems] };
}

export { countBySeverity } from "../core/results-table";
