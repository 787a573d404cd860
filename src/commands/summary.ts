import { countBySeverity, CheckRun } from "../excel/check-flow";
import { SEVERITIES } from "../core/severity";
import { GatewayProblem } from "../excel/gateway";

/** What the dialog shows, all in Chinese; it travels in the dialog's query string. */
export interface CheckSummary {
  headline: string;
  problems: string[];
  /** The sheet that was checked. */
  sheet?: string;
  counts?: { error: number; warning: number; info: number };
  ignored?: number;
}

export function summarise(run: CheckRun): CheckSummary {
  const c = countBySeverity(run.visible);
  const ignored = run.ignored.length ? `（另有 ${run.ignored.length} 项已忽略）` : "";
  const notes = run.result.sheets.filter((s) => s.note).map((s) => `「${s.name}」：${s.note}`);
  const understood = notes.length === 0 && run.problems.length === 0;
  const headline =
    run.visible.length > 0
      ? `检查完成：错误 ${c.error} 项，疑似 ${c.warning} 项，提示 ${c.info} 项${ignored}`
      : understood
        ? `检查完成：未发现问题${ignored}`
        : `检查未完成：本表未能全部检查${ignored}`;
  const sheet = run.result.sheets[0]?.name;
  return {
    headline,
    problems: [...run.problems.map((p: GatewayProblem) => p.message), ...notes],
    ...(sheet ? { sheet } : {}),
    counts: c,
    ignored: run.ignored.length,
  };
}

export function failureSummary(message: string): CheckSummary {
  return { headline: "检查未完成", problems: [message] };
}

/** The dialog page reads the summary from its query string, so no message channel is needed. */
export function dialogUrl(base: string, summary: CheckSummary): string {
  return `${base}?s=${encodeURIComponent(JSON.stringify(summary))}`;
}

function isCounts(v: unknown): v is CheckSummary["counts"] {
  const c = v as Record<string, unknown> | null;
  return !!c && SEVERITIES.every((k) => Number.isInteger(c[k]));
}

export function parseSummary(search: string): CheckSummary | null {
  const raw = new URLSearchParams(search).get("s");
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<CheckSummary>;
    if (typeof v.headline !== "string") return null;
    return {
      headline: v.headline,
      problems: Array.isArray(v.problems) ? v.problems.filter((p): p is string => typeof p === "string") : [],
      ...(typeof v.sheet === "string" ? { sheet: v.sheet } : {}),
      ...(isCounts(v.counts) ? { counts: v.counts } : {}),
      ...(Number.isInteger(v.ignored) ? { ignored: v.ignored } : {}),
    };
  } catch {
    return null;
  }
}
