import { RULES, RuleId } from "../../core/catalogue";
import { countBySeverity, resultRows, ResultRow } from "../../core/results-table";
import type { SheetSnapshot } from "../../core/snapshot";
import { FileOutcome, SkippedFile, SkipReason } from "./outcome";

/** The report's sheets and columns: a contract (issue 12), so the names are fixed. */
export const SUMMARY_SHEET = "汇总";
export const DETAIL_SHEET = "明细";
export const RULE_SHEET = "规则统计";
/** 备注 extends the contract's columns: sheets skipped as hidden or too large. */
export const SUMMARY_COLUMNS = ["文件", "单位", "状态", "已检查表数", "错误", "疑似", "提示", "备注"] as const;
export const DETAIL_COLUMNS = ["文件", "工作表", "单元格", "规则", "严重程度", "说明", "应为", "实际", "相差"] as const;
export const RULE_COLUMNS = ["规则", "说明", "文件数", "问题数"] as const;

export const CHECKED = "已检查";

export interface SummaryRow {
  file: string;
  unit: string;
  status: string;
  sheets: number | null;
  error: number | null;
  warning: number | null;
  info: number | null;
  note: string;
}

/** What 状态 says after 已跳过：, and the summary after the file's name. */
export const SKIP_LABEL: Record<SkipReason, string> = {
  "annotated-copy": "本工具的标注副本",
  "own-report": "本次写出的报告",
  "old-xls": "旧版 .xls 文件，请另存为 .xlsx 后再检查",
  "not-regular": "不是普通文件（管道、设备或失效的链接）",
};

/**
 * One row per file, in the order checked, then one per file the walk passed by: a failed file says
 * why in 状态, a skipped one 已跳过：why, so no file of the folders goes unmentioned.
 */
export function summaryRows(outcomes: readonly FileOutcome[], skipped: readonly SkippedFile[] = []): SummaryRow[] {
  const passedBy = skipped.map((s): SummaryRow => ({
    file: s.file,
    unit: "",
    status: `已跳过：${SKIP_LABEL[s.reason]}`,
    sheets: null,
    error: null,
    warning: null,
    info: null,
    note: "",
  }));
  return outcomes
    .map((o): SummaryRow => {
      if (o.status === "failed") {
        return {
          file: o.file,
          unit: "",
          status: `无法读取：${reasonOnly(o.error.message, o.file)}`,
          sheets: null,
          error: null,
          warning: null,
          info: null,
          note: "",
        };
      }
      const counts = countBySeverity(o.result.findings);
      // A sheet with a note was not checked (no readable table, hidden, too large).
      const sheets = o.result.sheets.filter((s) => !s.note).length;
      return { file: o.file, unit: o.unit ?? "", status: CHECKED, sheets, ...counts, note: o.notes.join(" ") };
    })
    .concat(passedBy);
}

/** The failure messages end in `：file`; in a row that already names the file, that is noise. */
function reasonOnly(message: string, file: string): string {
  const suffix = `：${file}`;
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}

export interface DetailRow extends ResultRow {
  file: string;
}

/** Every finding of every checked file, with 文件 in front of the 检查结果 columns. */
export function detailRows(outcomes: readonly FileOutcome[]): DetailRow[] {
  const rows: DetailRow[] = [];
  for (const o of outcomes) {
    if (o.status !== "checked") continue;
    for (const r of resultRows(o.result.findings)) rows.push({ file: o.file, ...r });
  }
  return rows;
}

/** The 明细 columns in the contract's order, as text (the CSV's cells). */
export function detailTexts(r: DetailRow): string[] {
  return [r.file, r.sheet, r.cell, r.rule, r.severity, r.message, r.expected, r.actual, r.difference];
}

export interface RuleRow {
  rule: RuleId;
  title: string;
  files: number;
  findings: number;
}

/** Findings per rule over the batch, most frequent first (then by files, then catalogue order). */
export function ruleRows(outcomes: readonly FileOutcome[]): RuleRow[] {
  const stats = new Map<RuleId, { files: Set<string>; findings: number }>();
  for (const o of outcomes) {
    if (o.status !== "checked") continue;
    for (const f of o.result.findings) {
      const s = stats.get(f.rule) ?? { files: new Set<string>(), findings: 0 };
      s.files.add(o.file);
      s.findings++;
      stats.set(f.rule, s);
    }
  }
  const order = new Map(RULES.map((r, i) => [r.id as RuleId, i]));
  return RULES.filter((r) => stats.has(r.id))
    .map((r) => ({
      rule: r.id as RuleId,
      title: r.title,
      files: stats.get(r.id)!.files.size,
      findings: stats.get(r.id)!.findings,
    }))
    .sort((a, b) => b.findings - a.findings || b.files - a.files || order.get(a.rule)! - order.get(b.rule)!);
}

/** A workbook this tool wrote as a batch report: its three sheets, each under its own header row. */
export function isBatchReport(snapshots: readonly SheetSnapshot[]): boolean {
  const expected: [string, readonly string[]][] = [
    [SUMMARY_SHEET, SUMMARY_COLUMNS.slice(0, 7)],
    [DETAIL_SHEET, DETAIL_COLUMNS],
    [RULE_SHEET, RULE_COLUMNS],
  ];
  if (snapshots.length !== expected.length) return false;
  return expected.every(([name, columns], i) => {
    const s = snapshots[i];
    return s.name === name && s.origin.row === 0 && s.origin.col === 0 && columns.every((c, j) => s.texts[0]?.[j] === c);
  });
}
