import { formatTotalLine } from "../report-text";
import type { FileDigest } from "./digest";
import type { SkippedFile } from "./outcome";
import type { UnpairedFiles } from "./last-year-folder";
import { SKIP_LABEL } from "./tables";

const TOP = 5;
const FAILED_LISTED = 10;

/**
 * The batch's closing lines: files checked and failed, findings by severity, the worst files, and
 * every file passed by (printed even with --quiet: a skipped file must never go unsaid).
 */
export function formatBatchSummary(
  digests: readonly FileDigest[],
  skipped: readonly SkippedFile[] = [],
  unpaired?: UnpairedFiles,
): string {
  const checked = digests.filter((d) => d.status === "checked");
  const failedOnes = digests.filter((d) => d.status === "failed");
  const totals = { error: 0, warning: 0, info: 0 };
  for (const d of checked) for (const s of ["error", "warning", "info"] as const) totals[s] += d.counts[s];
  // The several-file run's closing line as it has always read, then what a batch adds.
  const coverage = {
    unrecognised: checked.filter((d) => d.coverage === "unrecognised").length,
    partly: checked.filter((d) => d.coverage === "partly").length,
  };
  const lines = [formatTotalLine(checked.length, failedOnes.length, totals, coverage)];
  // Stable: equal counts keep the order the files were checked in.
  const worst = digests
    .map((d) => d.row)
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
    for (const d of failedOnes.slice(0, FAILED_LISTED)) lines.push(`  ${d.failure}`);
    if (failedOnes.length > FAILED_LISTED) lines.push(`  …另有 ${failedOnes.length - FAILED_LISTED} 个，见报告`);
  }
  if (skipped.length > 0) {
    lines.push(`已跳过的文件（${skipped.length} 个）：`);
    for (const s of skipped) lines.push(`  ${s.file}：${SKIP_LABEL[s.reason]}`);
  }
  if (unpaired) lines.push(...unpairedLines(unpaired));
  return lines.join("\n");
}

/** --compare-dir: every file without last year's partner is named (a capped list would hide a unit). */
function unpairedLines(unpaired: UnpairedFiles): string[] {
  const lines: string[] = [];
  if (unpaired.thisYear.length === 0 && unpaired.lastYear.length === 0) return ["与上年对比：每个文件都找到了上年的文件"];
  if (unpaired.thisYear.length) {
    lines.push(`未与上年文件配对的本年文件（${unpaired.thisYear.length} 个）：`);
    for (const u of unpaired.thisYear) lines.push(`  ${u.file}：${u.reason}`);
  }
  if (unpaired.lastYear.length) {
    lines.push(`没有本年文件与之配对的上年文件（${unpaired.lastYear.length} 个）：`);
    for (const f of unpaired.lastYear) lines.push(`  ${f}`);
  }
  return lines;
}
