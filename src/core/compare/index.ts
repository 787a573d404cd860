import type { StandardTable } from "../classify";
import type { CheckResult } from "../check";
import { compareFindings, uniquifyIds } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import type { NarrativeText } from "../narrative";
import { explainedByNarrative } from "./explained";
import { CompareOptions, compareWorkbooks } from "./year-on-year";

export { compareWorkbooks, DEFAULT_CHANGE_THRESHOLD } from "./year-on-year";
export type { CompareOptions, Comparison, YearChange } from "./year-on-year";

/** A check's result with last year's comparison in it: what every host shows after 「与上年对比」. */
export interface ComparedResult extends CheckResult {
  /** The standard tables both years hold: what was compared (none: nothing could be). */
  comparedTables: StandardTable[];
}

/**
 * Adds the year-on-year findings to a check of this year's workbook, in the check's order (sheet,
 * row, column, rule) and with ids unique across both. The result's other fields are the check's own.
 * A large change that the 说明 explains (`narrative`, given beside the workbook, or a 说明 sheet of
 * it) is not reported, unless the caller decides that itself (`explained`).
 */
export function withLastYear(
  result: CheckResult,
  thisYear: readonly SheetSnapshot[],
  lastYear: readonly SheetSnapshot[],
  options: CompareOptions & { narrative?: NarrativeText },
): ComparedResult {
  const { narrative, ...compare } = options;
  const explained = compare.explained ?? explainedByNarrative(thisYear, narrative);
  const comparison = compareWorkbooks(thisYear, lastYear, { ...compare, ...(explained ? { explained } : {}) });
  const order = new Map(thisYear.map((s, i) => [s.name, i]));
  const findings = [...result.findings, ...comparison.findings].sort(compareFindings(order));
  return { ...result, findings: uniquifyIds(findings), comparedTables: comparison.tables };
}
