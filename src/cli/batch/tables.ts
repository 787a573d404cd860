import { RULES, RuleId, ruleById } from "../../core/catalogue";
import { coverageNotes, coverageOf } from "../../core/coverage";
import { incompleteNote } from "../../core/package";
import { Column, RESULT_TABLE, ResultRow, countBySeverity, resultRows } from "../../core/results-table";
import { SEVERITY_LABEL } from "../../core/severity";
import type { SheetSnapshot } from "../../core/snapshot";
import type { FileDigest } from "./digest";
import { FileOutcome, SkippedFile, SkipReason } from "./outcome";
import { ExpectResult, FileMark, markWords } from "./units/expect-match";

/** The report's sheets and columns: a contract (issue 12), so the names are fixed; columns are only added. */
export const SUMMARY_SHEET = "汇总";
export const DETAIL_SHEET = "明细";
export const RULE_SHEET = "规则统计";

/**
 * 状态 of a 汇总 row. A workbook none of whose sheets was understood never reads as checked; with
 * --expect, a listed unit that sent no file reads 未收到.
 */
export const STATUS = {
  checked: "已检查",
  unrecognised: "未识别（未检查）",
  failed: "无法读取",
  missing: "未收到",
} as const;

/** --compare-dir's words in 状态: this year's file without a partner, last year's file nobody took. */
export const UNPAIRED = { thisYear: "未与上年配对", lastYear: "上年文件：没有本年文件与之配对" } as const;

/** When no header names the unit, the cell says so rather than staying blank. */
export const UNIT_UNREAD = "未能读出";

/** One 汇总 row: what its columns show of a file. */
export interface SummaryRow {
  file: string;
  unit: string;
  status: string;
  sheets: number | null;
  error: number | null;
  warning: number | null;
  info: number | null;
  note: string;
  /** What the file's tables state (src/core/package): empty when they state nothing. */
  year: number | null;
  org: string;
  money: string;
}

const NOTHING_STATED = { year: null, org: "", money: "" };

/** 文件, first in 汇总 and in 明细: the file's name first, its folder after it. */
const fileColumn = <R extends { file: string }>(): Column<R> => ({
  header: "文件",
  width: 40,
  kind: "text",
  value: (r) => fileShown(r.file),
});

/** The 汇总 columns. A column is one line here: its header, width, kind and what it shows of the row. */
export const SUMMARY_TABLE: Column<SummaryRow>[] = [
  fileColumn(),
  { header: "单位", width: 30, kind: "text", value: (r) => r.unit },
  { header: "状态", width: 18, kind: "text", value: (r) => r.status },
  { header: "已检查表数", width: 11, kind: "count", value: (r) => r.sheets },
  { header: "错误", width: 8, kind: "count", value: (r) => r.error },
  { header: "疑似", width: 8, kind: "count", value: (r) => r.warning },
  { header: "提示", width: 8, kind: "count", value: (r) => r.info },
  { header: "备注", width: 50, kind: "text", value: (r) => r.note || null },
  // Issue 20: what the file's tables state, once.
  { header: "年度", width: 8, kind: "count", value: (r) => r.year },
  { header: "编制单位", width: 30, kind: "text", value: (r) => r.org || null },
  { header: "金额单位", width: 10, kind: "text", value: (r) => r.money || null },
];

export interface DetailRow extends ResultRow {
  file: string;
  unit: string;
}

/** 明细: 文件 and 单位 in front of the shared 检查结果 columns (RESULT_TABLE). */
export const DETAIL_TABLE: Column<DetailRow>[] = [
  fileColumn(),
  { header: "单位", width: 24, kind: "text", value: (r) => r.unit },
  ...(RESULT_TABLE as Column<DetailRow>[]),
];

export interface RuleRow {
  rule: RuleId;
  files: number;
  findings: number;
}

/** 规则统计: the rule, its Chinese name and severity, what it means, how many files and findings. */
export const RULE_TABLE: Column<RuleRow>[] = [
  { header: "规则", width: 22, kind: "text", value: (r) => r.rule },
  { header: "规则名称", width: 34, kind: "text", value: (r) => ruleById(r.rule).title },
  { header: "严重程度", width: 9, kind: "text", value: (r) => SEVERITY_LABEL[ruleById(r.rule).severity] },
  { header: "说明", width: 70, kind: "text", value: (r) => ruleById(r.rule).help },
  { header: "文件数", width: 8, kind: "count", value: (r) => r.files },
  { header: "问题数", width: 8, kind: "count", value: (r) => r.findings },
];

const headers = <R>(table: Column<R>[]) => table.map((c) => c.header);
export const SUMMARY_COLUMNS = headers(SUMMARY_TABLE);
export const DETAIL_COLUMNS = headers(DETAIL_TABLE);
export const RULE_COLUMNS = headers(RULE_TABLE);

/**
 * The 文件 cell: the file's name first and its folder after it, so a narrow or printed column still
 * shows which file a row is about.
 */
export function fileShown(file: string): string {
  const cut = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return cut < 0 ? file : `${file.slice(cut + 1)}（${file.slice(0, cut)}）`;
}

/** What 状态 says after 已跳过：, and the summary after the file's name. */
export const SKIP_LABEL: Record<SkipReason, string> = {
  "annotated-copy": "本工具的标注副本",
  "own-report": "本次写出的报告",
  "old-xls": "旧版 .xls 文件，请另存为 .xlsx 后再检查",
  "not-regular": "不是普通文件（管道、设备或失效的链接）",
};

export function skippedRow(s: SkippedFile): SummaryRow {
  return uncountedRow(s.file, "", `已跳过：${SKIP_LABEL[s.reason]}`);
}

/** A 汇总 row with nothing counted (a file passed by or unread, a unit with no file): its counts are empty, never 0. */
function uncountedRow(file: string, unit: string, status: string, note = ""): SummaryRow {
  return { file, unit, status, sheets: null, error: null, warning: null, info: null, note, ...NOTHING_STATED };
}

/** --expect: a row for each listed unit no file came from; they come last. */
export function missingRows(expected: ExpectResult | undefined): SummaryRow[] {
  return (expected?.missing ?? []).map((u) => uncountedRow("", u.name, STATUS.missing, u.code ? `单位编码 ${u.code}` : ""));
}

/** --compare-dir: a row for each of last year's files no file of this year was paired with; they come last. */
export function lastYearRows(files: readonly string[] = []): SummaryRow[] {
  return files.map((file) => uncountedRow(file, "", UNPAIRED.lastYear));
}

/** One 汇总 row per file: a failed file says why in 状态, an unread one is never counted as checked. */
export function summaryRow(o: FileOutcome): SummaryRow {
  if (o.status === "failed") {
    return uncountedRow(o.file, UNIT_UNREAD, `${STATUS.failed}：${reasonOnly(o.error.message, o.file)}`);
  }
  const coverage = coverageOf(o.result);
  const p = o.result.package;
  const missing = p ? incompleteNote(p) : null;
  const note = [...o.notes, ...coverageNotes(coverage), ...(missing ? [missing] : [])].join(" ");
  const unit = o.unit ?? UNIT_UNREAD;
  const stated = { year: p?.year ?? null, org: p?.org ?? "", money: p?.unit ?? "" };
  if (!coverage.recognised)
    return {
      file: o.file,
      unit,
      status: STATUS.unrecognised,
      sheets: 0,
      error: null,
      warning: null,
      info: null,
      note,
      ...stated,
    };
  const sheets = o.result.sheets.length - coverage.unread.length;
  // --compare-dir: a file without last year's partner says so where 状态 is read, not only in 备注.
  const status = o.lastYear && !o.lastYear.file ? `${STATUS.checked}；${UNPAIRED.thisYear}` : STATUS.checked;
  return { file: o.file, unit, status, sheets, ...countBySeverity(o.result.findings), note, ...stated };
}

/** 状态 of a file the list marks: its marks after the check's own word (已检查；重复，年度不符). */
export function withMark(row: SummaryRow, mark: FileMark | undefined): SummaryRow {
  const words = mark ? markWords(mark) : [];
  return words.length ? { ...row, status: `${row.status}；${words.join("，")}` } : row;
}

/** The failure messages end in `：file`; in a row that already names the file, that is noise. */
function reasonOnly(message: string, file: string): string {
  const suffix = `：${file}`;
  return message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
}

/** A file's findings as 明细 rows, most severe first. */
export function detailRows(o: FileOutcome): DetailRow[] {
  if (o.status !== "checked") return [];
  const unit = o.unit ?? UNIT_UNREAD;
  return resultRows(o.result.findings).map((r) => ({ file: o.file, unit, ...r }));
}

/** The 明细 columns as the CSV gives them: text, 文件 as its path, amounts as the checker's exact decimals. */
export function detailTexts(r: DetailRow): string[] {
  return [r.file, r.unit, r.sheet, r.cell, r.project, r.rule, r.title, r.severity, r.message, r.expected, r.actual, r.difference];
}

/** Findings and files per rule, gathered from the files' digests. */
export class RuleStats {
  private readonly stats = new Map<RuleId, RuleRow>();

  add(d: Pick<FileDigest, "rules">): void {
    for (const [rule, findings] of d.rules) {
      const s = this.stats.get(rule) ?? { rule, files: 0, findings: 0 };
      s.findings += findings;
      s.files++;
      this.stats.set(rule, s);
    }
  }

  /** Most findings first (then most files, then catalogue order). */
  rows(): RuleRow[] {
    const order = new Map(RULES.map((r, i) => [r.id as RuleId, i]));
    return [...this.stats.values()].sort(
      (a, b) => b.findings - a.findings || b.files - a.files || order.get(a.rule)! - order.get(b.rule)!,
    );
  }
}

/**
 * A workbook this tool wrote as a batch report: 汇总 first under its header, then 明细 (and its
 * continuations 明细 (2)…) and 规则统计. Reports written before 单位, 项目 and 规则名称 joined
 * 明细 are known too: only the sheet names and 汇总's first columns are compared.
 */
export function isBatchReport(snapshots: readonly SheetSnapshot[]): boolean {
  const names = snapshots.map((s) => s.name);
  if (names[0] !== SUMMARY_SHEET || names[names.length - 1] !== RULE_SHEET || names.length < 3) return false;
  if (!names.slice(1, -1).every((n, i) => n === (i === 0 ? DETAIL_SHEET : `${DETAIL_SHEET} (${i + 1})`))) return false;
  const summary = snapshots[0];
  return (
    summary.origin.row === 0 &&
    summary.origin.col === 0 &&
    SUMMARY_COLUMNS.slice(0, 7).every((c, j) => summary.texts[0]?.[j] === c)
  );
}
