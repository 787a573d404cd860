import { countCoverage } from "../../core/coverage";
import { countBySeverity } from "../../core/results-table";
import { formatTotalLine } from "../report-text";
import { FileOutcome, SkippedFile } from "./outcome";
import { SKIP_LABEL, summaryRows } from "./tables";

const TOP = 5;
const FAILED_LISTED = 10;

/**
 * The batch's closing lines: files checked and failed, findings by severity, the worst files, and
 * every file passed by (printed even with --quiet: a skipped file must never go unsaid).
 */
export function formatBatchSummary(outcomes: readonly FileOutcome[], skipped: readonly SkippedFile[] = []): string {
  const checked = outcomes.filter((o) => o.status === "checked");
  const failedOnes = outcomes.filter((o) => o.status === "failed");
  const totals = countBySeverity(checked.flatMap((o) => o.result.findings));
  // The several-file run's closing line as it has always read, then what a batch adds.
  const coverage = countCoverage(checked.map((o) => o.result));
  const lines = [formatTotalLine(checked.length, failedOnes.length, totals, coverage)];
  // Stable: equal counts keep the order the files were checked in.
  const worst = summaryRows(outcomes)
    .filter((r) => (r.error ?? 0) > 0)
    .sort((a, b) => b.error! - a.error!)
    .slice(0, TOP);
  if (worst.length === 0) lines.push("没有文件发现错误级问题");
  else {
    lines.push(`错误最多的 ${worst.length} 个文件：`);
    worst.forEach((r, i) =>
      lines.push(
        `  ${i + 1}. ${r.file}${r.unit ? `（${r.unit}）` : ""}：错误 ${r.error} 项，疑似 ${r.warning} 项，提示 ${r.info} 项`,
      ),
    );
  }
  if (failedOnes.length > 0) {
    lines.push("未能检查的文件：");
    for (const o of failedOnes.slice(0, FAILED_LISTED)) if (o.status === "failed") lines.push(`  ${o.error.message}`);
    if (failedOnes.length > FAILED_LISTED) lines.push(`  …另有 ${failedOnes.length - FAILED_LISTED} 个，见报告`);
  }
  if (skipped.length > 0) {
    lines.push(`已跳过的文件（${skipped.length} 个）：`);
    for (const s of skipped) lines.push(`  ${s.file}：${SKIP_LABEL[s.reason]}`);
  }
  return lines.join("\n");
}
