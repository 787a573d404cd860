import { CheckResult } from "./check";
import { Finding } from "./finding";

/**
 * The `--json` contract (version 1). Field names are fixed: other tools read them. In core because
 * the command line prints it and the page downloads it, from the same functions.
 */
export interface JsonReport {
  version: 1;
  files: (JsonFile | JsonFailedFile)[];
}

export interface JsonFile {
  file: string;
  sheets: { name: string; kind: "summary" | "indicators" | "other" }[];
  findings: JsonFinding[];
  /** Extension: sheets not checked (hidden, or too large), present only when there are some. */
  skipped?: JsonSkippedSheet[];
}

/** A sheet that was not checked, as `--json` and the page name it. */
export interface SkippedSheet {
  name: string;
  reason: "hidden" | "too-large";
}

export type JsonSkippedSheet = SkippedSheet;

/** Why a workbook could not be read. `--json` prints these kinds as they are. */
export type WorkbookReadErrorKind = "missing" | "not-xlsx" | "corrupt" | "encrypted" | "too-large" | "unreadable";

/** A file that could not be checked: exactly these four fields, in this order. */
export interface JsonFailedFile {
  file: string;
  error: { kind: WorkbookReadErrorKind; message: string };
  sheets: [];
  findings: [];
}

/** A finding as v1 prints it: everything but the internal id. */
export type JsonFinding = Omit<Finding, "id">;

export function toJsonFile(file: string, result: CheckResult, skipped: JsonSkippedSheet[] = []): JsonFile {
  const out: JsonFile = {
    file,
    sheets: result.sheets.map((s) => ({ name: s.name, kind: s.kind })),
    findings: result.findings.map((f) => {
      const out: JsonFinding = {
        rule: f.rule,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        related: f.related,
        message: f.message,
      };
      if (f.expected !== undefined && f.actual !== undefined) {
        out.expected = f.expected;
        out.actual = f.actual;
        if (f.difference !== undefined) out.difference = f.difference;
        if (f.unit !== undefined) out.unit = f.unit;
      }
      if (f.project !== undefined) out.project = f.project;
      // Extension of v1 (issue 21): last year's cell a --compare finding compares with.
      if (f.compare !== undefined)
        out.compare = { file: f.compare.file, sheet: f.compare.sheet, cell: f.compare.cell, value: f.compare.value };
      return out;
    }),
  };
  if (skipped.length) out.skipped = skipped;
  return out;
}

/** The entry of a file that could not be read (shared with the batch report). */
export function failedJsonFile(file: string, error: { kind: WorkbookReadErrorKind; message: string }): JsonFailedFile {
  return { file, error: { kind: error.kind, message: error.message }, sheets: [], findings: [] };
}
