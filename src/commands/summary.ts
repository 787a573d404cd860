import { countBySeverity, CheckRun } from "../excel/check-flow";
import { GatewayProblem } from "../excel/gateway";

/** What the dialog shows: one summary line and the problems, all in Chinese. */
export interface CheckSummary {
  headline: string;
  problems: string[];
}

export function summarise(run: CheckRun): CheckSummary {
  const c = countBySeverity(run.visible);
  const ignored = run.ignored.length ? `（另有 ${run.ignored.length} 项已忽略）` : "";
  const headline =
    run.visible.length === 0 ? `检查完成：未发现问题${ignored}` : `检查完成：错误 ${c.error} 项，疑似 ${c.warning} 项，提示 ${c.info} 项${ignored}`;
  return { headline, problems: run.problems.map((p: GatewayProblem) => p.message) };
}

export function failureSummary(message: string): CheckSummary {
  return { headline: "检查未完成", problems: [message] };
}

/** The dialog page reads the summary from its query string, so no message channel is needed. */
export function dialogUrl(base: string, summary: CheckSummary): string {
  return `${base}?s=${encodeURIComponent(JSON.stringify(summary))}`;
}

export function parseSummary(search: string): CheckSummary | null {
  const raw = new URLSearchParams(search).get("s");
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<CheckSummary>;
    if (typeof v.headline !== "string") return null;
    return { headline: v.headline, problems: Array.isArray(v.problems) ? v.problems.filter((p): p is string => typeof p === "string") : [] };
  } catch {
    return null;
  }
}
