import { Finding } from "../../core/finding";
import { SEVERITY_LABEL } from "../../core/severity";
import { findingPlace } from "../../core/finding";
import { countBySeverity } from "../../core/results-table";
import { amountLine } from "./describe";
import { orderFindings } from "./order";

/** Errors listed in full up to this many; the rest are counted. */
const LISTED_ERRORS = 30;

/**
 * A short Chinese summary to paste into a report: counts by severity and by sheet, then the
 * errors one per line. `findings` are the ones not ignored.
 */
export function summaryText(
  findings: readonly Finding[],
  sheets: readonly string[],
  units: Readonly<Record<string, string>> = {},
): string {
  const c = countBySeverity(findings);
  const lines = [`预算表检查结果：共检查 ${sheets.length} 张表，错误 ${c.error} 项，疑似 ${c.warning} 项，提示 ${c.info} 项。`];
  for (const sheet of sheets) {
    const s = countBySeverity(findings.filter((f) => f.sheet === sheet));
    lines.push(`「${sheet}」：错误 ${s.error}，疑似 ${s.warning}，提示 ${s.info}`);
  }
  const errors = orderFindings(findings, sheets).filter((f) => f.severity === "error");
  if (errors.length) {
    lines.push(`${SEVERITY_LABEL.error}：`);
    errors.slice(0, LISTED_ERRORS).forEach((f, i) => {
      const line = amountLine(f, units[f.sheet]);
      lines.push(`${i + 1}. ${findingPlace(f)}　${f.message}${line ? `（${line}）` : ""}`);
    });
    if (errors.length > LISTED_ERRORS)
      lines.push(`……另有 ${errors.length - LISTED_ERRORS} 项错误，详见「导出结果」生成的检查结果表。`);
  }
  return lines.join("\n");
}
