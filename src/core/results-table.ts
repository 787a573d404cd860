import { Finding } from "./finding";
import { SEVERITY_LABEL } from "./severity";

/**
 * The findings as the 「检查结果」 sheet lists them: the same columns in the annotated copy, the
 * pane's export and the batch report's 明细, so a reviewer reads one layout everywhere.
 */
export const RESULT_COLUMNS = ["工作表", "单元格", "严重程度", "规则", "说明", "应为", "实际", "相差"] as const;

export const RESULT_SHEET_NAME = "检查结果";

export interface ResultRow {
  sheet: string;
  cell: string;
  /** 错误 / 疑似 / 提示 */
  severity: string;
  rule: string;
  message: string;
  /** Exact decimal strings, or "" for rules without numbers. */
  expected: string;
  actual: string;
  difference: string;
  /** Where the 单元格 hyperlink points, in Excel's internal form: `'收支总表'!E20`. */
  target: string;
}

/** An internal hyperlink target; quotes are doubled as Excel requires inside a quoted name. */
export function cellTarget(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export function resultRows(findings: readonly Finding[]): ResultRow[] {
  return findings.map((f) => ({
    sheet: f.sheet,
    cell: f.cell,
    severity: SEVERITY_LABEL[f.severity],
    rule: f.rule,
    message: f.message,
    expected: f.expected ?? "",
    actual: f.actual ?? "",
    difference: f.difference ?? "",
    target: cellTarget(f.sheet, f.cell),
  }));
}

/** Counts by severity; every host shows these three numbers. */
export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
