import { CheckResult } from "../core/check";
import { Finding } from "../core/finding";

/** The `--json` contract (version 1). Field names are fixed: other tools read them. */
export interface JsonReport {
  version: 1;
  files: JsonFile[];
}

export interface JsonFile {
  file: string;
  sheets: { name: string; kind: "summary" | "indicators" | "other" }[];
  findings: JsonFinding[];
}

/** A finding as v1 prints it: everything but the internal id. */
export type JsonFinding = Omit<Finding, "id">;

export function toJsonFile(file: string, result: CheckResult): JsonFile {
  return {
    file,
    sheets: result.sheets.map((s) => ({ name: s.name, kind: s.kind })),
    findings: result.findings.map((f) => {
      const out: JsonFinding = { rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, related: f.related, message: f.message };
      if (f.expected !== undefined && f.actual !== undefined) {
        out.expected = f.expected;
        out.actual = f.actual;
        if (f.difference !== undefined) out.difference = f.difference;
        if (f.unit !== undefined) out.unit = f.unit;
      }
      return out;
    }),
  };
}
