import { groupThousands } from "../core/amount";
import { capPerRule, moreOfTheSameText } from "../core/cap-findings";
import { CheckResult } from "../core/check";
import { Finding, figureWords } from "../core/finding";
import { incompleteNote, packageLine } from "../core/package";
import { SEVERITY_LABEL, Severity } from "../core/severity";
import { countBySeverity } from "../core/results-table";
import { CoverageCounts, coverageNotes, coverageOf } from "../core/coverage";

const KIND_LABEL = { summary: "收支总表", indicators: "绩效指标表", other: "其他表" } as const;

export function formatCounts(counts: Record<Severity, number>): string {
  return `错误 ${counts.error} 项，疑似 ${counts.warning} 项，提示 ${counts.info} 项`;
}

function findingLine(f: Finding): string {
  // 应为 as everywhere else (上限/填报 for a ceiling), and amounts as the cards write them: thousands separators, a true minus.
  const words = figureWords(f.rule);
  const numbers =
    f.expected !== undefined
      ? `（${words.expected} ${groupThousands(f.expected)}，${words.actual} ${groupThousands(f.actual ?? "")}）`
      : "";
  const where = f.line !== undefined ? `第${f.line}行` : f.cell;
  return `  [${SEVERITY_LABEL[f.severity]}] ${where.padEnd(6)} ${f.rule.padEnd(20)} ${f.message}${numbers}`;
}

/**
 * The human report for one file: findings grouped by sheet, at most SHOWN_PER_RULE of a rule on a
 * sheet (then 另有 N 处同类问题; --json keeps them all), notes on skipped sheets, 未发现问题 once for a
 * clean workbook, a summary line.
 */
export function formatTextReport(file: string, result: CheckResult, notes: string[] = []): string {
  const lines = [`文件：${file}`];
  if (result.package) {
    const stated = packageLine(result.package);
    if (stated) lines.push(`套表：${stated}`);
    const missing = incompleteNote(result.package);
    if (missing) lines.push(`注意：${missing}`);
  }
  const bySheet = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  for (const sheet of result.sheets) {
    const findings = bySheet.get(sheet.name) ?? [];
    const table = sheet.table && sheet.table !== KIND_LABEL[sheet.kind] ? `，${sheet.table}` : "";
    lines.push(`【${sheet.name}】（${sheet.narrative ? "说明" : KIND_LABEL[sheet.kind] + table}）`);
    if (sheet.note) lines.push(`  ${sheet.note}`);
    for (const { finding, more } of capPerRule(findings)) {
      lines.push(findingLine(finding));
      if (more) lines.push(`  ${moreOfTheSameText(more)}（${finding.rule}，完整列表见 --json 或 --report）`);
    }
  }
  // A 说明 given beside the workbook (--narrative) is no sheet: its findings follow, by line.
  const sheetNames = new Set(result.sheets.map((s) => s.name));
  for (const [name, findings] of bySheet) {
    if (sheetNames.has(name)) continue;
    lines.push(`【${name}】（说明文字）`);
    for (const f of findings) lines.push(findingLine(f));
  }
  for (const note of notes) lines.push(`注意：${note}`);
  const coverage = coverageOf(result);
  // A workbook none of whose sheets was understood must not read as one without problems.
  if (!coverage.recognised) lines.push(`未识别（未检查）：没有一张工作表被识别为可检查的预算表`);
  for (const note of coverageNotes(coverage)) lines.push(`注意：${note}`);
  // Said once for the workbook, never per sheet, and only when every sheet was understood.
  if (result.findings.length === 0 && coverage.recognised && !coverage.unread.length && !coverage.partly.length)
    lines.push("未发现问题");
  lines.push(`小计：${formatCounts(countBySeverity(result.findings))}`);
  return lines.join("\n");
}

/** The section of a file that could not be checked, so a batch shows every file it was given. */
export function formatFailedFile(file: string, message: string): string {
  return [`文件：${file}`, `  未能检查：${message}`].join("\n");
}

/**
 * The closing line of a several-file run: files checked and failed apart, findings by severity;
 * then, when there are any, the workbooks read but not recognised, and those with sheets not understood.
 */
export function formatTotalLine(
  checked: number,
  failed: number,
  totals: Record<Severity, number>,
  coverage: CoverageCounts = { unrecognised: 0, partly: 0 },
): string {
  const failedPart = failed ? `，${failed} 个未能检查` : "";
  const unread = [
    coverage.unrecognised ? `${coverage.unrecognised} 个未识别（未检查）` : "",
    coverage.partly ? `${coverage.partly} 个有未识别的工作表` : "",
  ].filter(Boolean);
  const unreadPart = unread.length ? `；其中 ${unread.join("，")}` : "";
  return `总计：检查了 ${checked} 个文件${failedPart}${unreadPart}；${formatCounts(totals)}`;
}
