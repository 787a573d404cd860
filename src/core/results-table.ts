import { ruleById } from "./catalogue";
import { Finding } from "./finding";
import { SEVERITY_LABEL, SEVERITY_ORDER } from "./severity";

/**
 * The one layout of every sheet that lists findings: the annotated copy's 「检查结果」, the pane's
 * 导出结果 and the batch report's 明细 (which puts 文件 and 单位 in front). Each writer (package XML,
 * Office.js, exceljs) renders this spec and nothing of its own: the columns and their widths, a
 * frozen bold header row with a filter, rows in severity order, amounts as numbers shown
 * `#,##0.00`. A reviewer reads one layout everywhere.
 */
export interface Column<R> {
  header: string;
  /** Excel's column width, in characters of the default font. */
  width: number;
  /** "amount": a number shown AMOUNT_FORMAT; "count": a whole number; "text": stored as text. */
  kind: "text" | "amount" | "count";
  value(row: R): string | number | null;
}

export const AMOUNT_FORMAT = "#,##0.00";

/** What every findings sheet has besides its columns. */
export const TABLE_LAYOUT = { frozenRows: 1, boldHeader: true, filter: true } as const;

export const RESULT_SHEET_NAME = "检查结果";

export interface ResultRow {
  sheet: string;
  cell: string;
  /** The indicator block's 项目名称, "" for other findings. */
  project: string;
  /** 错误 / 疑似 / 提示 */
  severity: string;
  rule: string;
  /** The catalogue's Chinese title, beside the rule id. */
  title: string;
  message: string;
  /** Exact decimal strings, or "" for rules without numbers. */
  expected: string;
  actual: string;
  difference: string;
  /**
   * Where the 单元格 hyperlink points, in Excel's internal form: `'收支总表'!E20`. Null for a line
   * of a 说明 given beside the workbook (pasted, or --narrative): no sheet holds it, so no link.
   */
  target: string | null;
}

/**
 * An exact decimal as a spreadsheet cell: a number when a double holds it exactly enough (up to 15
 * significant digits, Excel's precision), so it sorts and adds; otherwise the text itself.
 */
export function amountCell(exact: string): number | string | null {
  if (exact === "") return null;
  const digits = exact.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  return /^-?\d+(\.\d+)?$/.test(exact) && digits.length <= 15 ? Number(exact) : exact;
}

/** The 检查结果 columns, in order. 规则名称 and 项目 extend the first layout; none was renamed. */
export const RESULT_TABLE: Column<ResultRow>[] = [
  { header: "工作表", width: 16, kind: "text", value: (r) => r.sheet },
  { header: "单元格", width: 9, kind: "text", value: (r) => r.cell },
  { header: "项目", width: 22, kind: "text", value: (r) => r.project },
  { header: "规则", width: 20, kind: "text", value: (r) => r.rule },
  { header: "规则名称", width: 30, kind: "text", value: (r) => r.title },
  { header: "严重程度", width: 9, kind: "text", value: (r) => r.severity },
  { header: "说明", width: 70, kind: "text", value: (r) => r.message },
  { header: "应为", width: 14, kind: "amount", value: (r) => amountCell(r.expected) },
  { header: "实际", width: 14, kind: "amount", value: (r) => amountCell(r.actual) },
  { header: "相差", width: 14, kind: "amount", value: (r) => amountCell(r.difference) },
];

export const RESULT_COLUMNS: readonly string[] = RESULT_TABLE.map((c) => c.header);

/** The columns copies written before 项目 and 规则名称 joined begin with; their 检查结果 is still ours to replace. */
export const FIRST_RESULT_COLUMNS: readonly string[] = ["工作表", "单元格", "严重程度", "规则", "说明", "应为", "实际", "相差"];

/** The column of the 单元格 link. */
export const LINK_COLUMN = RESULT_COLUMNS.indexOf("单元格");

/** An internal hyperlink target; quotes are doubled as Excel requires inside a quoted name. */
export function cellTarget(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The findings as rows, most severe first; within a severity, in the check's own order. */
export function resultRows(findings: readonly Finding[]): ResultRow[] {
  return [...findings]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .map((f) => ({
      sheet: f.sheet,
      cell: f.line !== undefined ? `第 ${f.line} 行` : f.cell,
      project: f.project ?? "",
      severity: SEVERITY_LABEL[f.severity],
      rule: f.rule,
      title: ruleById(f.rule).title,
      message: f.message,
      expected: f.expected ?? "",
      actual: f.actual ?? "",
      difference: f.difference ?? "",
      target: f.line !== undefined ? null : cellTarget(f.sheet, f.cell),
    }));
}

/** A rule as sheets and notes name it: the Chinese title with the id beside it. */
export function ruleName(rule: string): string {
  return `${ruleById(rule as Parameters<typeof ruleById>[0]).title}（${rule}）`;
}

/** Counts by severity; every host shows these three numbers. */
export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
