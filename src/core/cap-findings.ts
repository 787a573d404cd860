import type { Finding } from "./finding";

/**
 * How many findings of one rule on one sheet a list shows. A sheet of error values can hold a
 * hundred thousand of the same finding: past this many, the list says how many more there are
 * and the --json output, the report and the annotated copy keep them all.
 */
export const SHOWN_PER_RULE = 100;

export interface ListedFinding {
  finding: Finding;
  /** Set on the last finding shown of its sheet and rule when that group has more: how many. */
  more: number;
}

/**
 * The findings a list shows, in the order given: at most `limit` of each rule on each sheet, the
 * last of them carrying how many of its group are left out.
 */
export function capPerRule(findings: readonly Finding[], limit = SHOWN_PER_RULE): ListedFinding[] {
  const total = new Map<string, number>();
  for (const f of findings) total.set(groupOf(f), (total.get(groupOf(f)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: ListedFinding[] = [];
  for (const f of findings) {
    const key = groupOf(f);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n > limit) continue;
    const all = total.get(key)!;
    out.push({ finding: f, more: n === limit && all > limit ? all - limit : 0 });
  }
  return out;
}

/** The line after a capped group, in every list the same words. */
export function moreOfTheSameText(more: number): string {
  return `另有 ${more} 处同类问题`;
}

function groupOf(f: Finding): string {
  return `${f.rule}\u0000${f.sheet}`;
}
