import { ruleById } from "../../core/catalogue";
import { Finding } from "../../core/finding";
import { SEVERITY_ORDER, Severity } from "../../core/severity";

export interface RuleGroup {
  /** Stable across renders: severity, sheet and rule. */
  key: string;
  rule: Finding["rule"];
  title: string;
  findings: Finding[];
}

export interface SheetGroup {
  key: string;
  severity: Severity;
  sheet: string;
  count: number;
  rules: RuleGroup[];
}

/** A group of one rule's many findings starts collapsed beyond this many. */
export const COLLAPSE_OVER = 5;

/**
 * Severity first (错误, 疑似, 提示), then sheet order, then the core's position order. The core's
 * list is already by sheet and position, so a stable sort on severity and sheet keeps the rest.
 */
export function orderFindings(findings: readonly Finding[], sheets: readonly string[]): Finding[] {
  const sheetIndex = new Map(sheets.map((s, i) => [s, i]));
  const at = (f: Finding) => sheetIndex.get(f.sheet) ?? sheets.length;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || at(a.f) - at(b.f) || a.i - b.i)
    .map((x) => x.f);
}

/** Severity, then sheet, then rule groups, in the order of `orderFindings`. */
export function groupFindings(findings: readonly Finding[], sheets: readonly string[]): SheetGroup[] {
  const groups: SheetGroup[] = [];
  const bySheet = new Map<string, SheetGroup>();
  for (const f of orderFindings(findings, sheets)) {
    const key = `${f.severity}|${f.sheet}`;
    let sheet = bySheet.get(key);
    if (!sheet) {
      sheet = { key, severity: f.severity, sheet: f.sheet, count: 0, rules: [] };
      bySheet.set(key, sheet);
      groups.push(sheet);
    }
    sheet.count++;
    let rule = sheet.rules.find((r) => r.rule === f.rule);
    if (!rule) {
      rule = { key: `${key}|${f.rule}`, rule: f.rule, title: ruleById(f.rule).title, findings: [] };
      sheet.rules.push(rule);
    }
    rule.findings.push(f);
  }
  return groups;
}

/** The order 上一个/下一个 and ↑/↓ step through: the order the groups show the findings in. */
export function navigationOrder(groups: readonly SheetGroup[]): Finding[] {
  return groups.flatMap((s) => s.rules.flatMap((r) => r.findings));
}

/** The finding before or after the current one; the first (or last) when none is current. */
export function step(order: readonly Finding[], currentId: string | null, delta: 1 | -1): Finding | null {
  if (order.length === 0) return null;
  const i = currentId === null ? -1 : order.findIndex((f) => f.id === currentId);
  if (i < 0) return delta === 1 ? order[0] : order[order.length - 1];
  const j = i + delta;
  return j >= 0 && j < order.length ? order[j] : null;
}
