import type { CheckResult } from "./check";
import type { Finding } from "./finding";

/** A finding that says a sheet, or a table on it, was not understood: its figures were not judged. */
const notUnderstood = (f: Pick<Finding, "rule">) => f.rule === "LAYOUT-UNKNOWN";

/** What a check could read of a workbook, so that no output passes off an unread workbook as clean. */
export interface Coverage {
  /** At least one sheet was recognised and checked. A workbook that is not: 未识别（未检查）. */
  recognised: boolean;
  /** Sheets not checked at all: no table found, or the check broke off on them. */
  unread: string[];
  /** Sheets checked only in part: a layout the readers could not fully follow. */
  partly: string[];
}

export function coverageOf(result: Pick<CheckResult, "sheets" | "findings">): Coverage {
  const unread = result.sheets.filter((s) => s.note).map((s) => s.name);
  const partly = result.sheets
    .filter((s) => !s.note && result.findings.some((f) => f.sheet === s.name && notUnderstood(f)))
    .map((s) => s.name);
  const understood = result.sheets.filter((s) => !s.note && !partly.includes(s.name)).length;
  return {
    recognised: understood > 0 || (partly.length > 0 && result.findings.some((f) => !notUnderstood(f))),
    unread,
    partly,
  };
}

/** The 备注 words for what was not read: the sheets by name. */
export function coverageNotes(coverage: Coverage): string[] {
  const notes: string[] = [];
  if (coverage.unread.length) notes.push(`未识别、未检查的工作表：${coverage.unread.join("、")}`);
  if (coverage.partly.length) notes.push(`结构未能完全识别、只检查了一部分的工作表：${coverage.partly.join("、")}`);
  return notes;
}

/** How many of a run's read workbooks were not recognised at all, and how many only in part. */
export interface CoverageCounts {
  unrecognised: number;
  partly: number;
}

export function countCoverage(results: Iterable<Pick<CheckResult, "sheets" | "findings">>): CoverageCounts {
  const counts = { unrecognised: 0, partly: 0 };
  for (const r of results) {
    const c = coverageOf(r);
    if (!c.recognised) counts.unrecognised++;
    else if (c.unread.length || c.partly.length) counts.partly++;
  }
  return counts;
}
