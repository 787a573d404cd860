import type { RuleId } from "../../core/catalogue";
import { coverageOf } from "../../core/coverage";
import { countBySeverity } from "../../core/results-table";
import type { FileOutcome, LastYearPairing } from "./outcome";
import { SummaryRow, summaryRow } from "./tables";

/**
 * What a batch keeps of a file once it is checked: a few hundred bytes, whatever the file held.
 * The closing summary, 汇总, 规则统计, --expect and --compare-dir's unpaired list read only these;
 * the findings themselves go to disk (the journal) and come back one file at a time for 明细 and the
 * CSV, so a run's memory is bounded by one file, not by the run (issue 21: 30,000 files).
 */
export interface FileDigest {
  file: string;
  status: FileOutcome["status"];
  unit: string | null;
  year: number | null;
  /** The 汇总 row, before --expect's marks. */
  row: SummaryRow;
  /** Findings by severity (an unrecognised workbook's too, which 汇总 leaves empty). */
  counts: { error: number; warning: number; info: number };
  /** Findings by rule, for 规则统计. */
  rules: [RuleId, number][];
  coverage: "read" | "unrecognised" | "partly";
  notes: string[];
  /** A failed file's message, as the summary lists it. */
  failure?: string;
  lastYear?: LastYearPairing;
}

export function digestOf(o: FileOutcome): FileDigest {
  const row = summaryRow(o);
  if (o.status === "failed")
    return {
      file: o.file,
      status: o.status,
      unit: null,
      year: null,
      row,
      counts: { error: 0, warning: 0, info: 0 },
      rules: [],
      coverage: "read",
      notes: [],
      failure: o.error.message,
    };
  const rules = new Map<RuleId, number>();
  for (const f of o.result.findings) rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
  const c = coverageOf(o.result);
  return {
    file: o.file,
    status: o.status,
    unit: o.unit,
    year: o.year ?? null,
    row,
    counts: countBySeverity(o.result.findings),
    rules: [...rules],
    coverage: !c.recognised ? "unrecognised" : c.unread.length || c.partly.length ? "partly" : "read",
    notes: o.notes,
    ...(o.lastYear ? { lastYear: o.lastYear } : {}),
  };
}
