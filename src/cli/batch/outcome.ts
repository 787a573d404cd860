import type { CheckResult } from "../../core/check";
import type { JsonSkippedSheet } from "../../core/report-json";
import type { WorkbookReadErrorKind } from "../../xlsx/errors";
import type { LastYearFile } from "../last-year";
import type { LastYearIndex } from "./units/last-year-pairs";

/** Why a file could not be checked; the kinds of the `--json` error entries. */
export type FailureKind = WorkbookReadErrorKind;

/**
 * Why a folder walk passed a file by: an annotated copy by its name, this run's own report, an old
 * .xls, or something that is not a regular file (a pipe, a device, a dangling link).
 */
export type SkipReason = "annotated-copy" | "own-report" | "old-xls" | "not-regular";

/** A file the run did not check; every one is named in 汇总 and in the summary. */
export interface SkippedFile {
  file: string;
  reason: SkipReason;
  /** Where it is, so an output is never written over it; not printed. */
  path?: string;
}

/** One file of a batch, as it travels from a worker to the reports (structured-cloneable). */
export type FileOutcome =
  | {
      file: string;
      status: "checked";
      unit: string | null;
      result: CheckResult;
      /** Sheets not checked (hidden, too large) and the sentences that say so. */
      skipped: JsonSkippedSheet[];
      notes: string[];
      /** With --compare or --compare-dir: last year's file compared with, or null (unpaired, or unreadable). */
      lastYear?: LastYearPairing;
      /** The package year the tables state (for --expect's 年度不符). */
      year?: number | null;
    }
  | { file: string; status: "failed"; error: { kind: FailureKind; message: string } };

/** How a file of a batch found last year's: the file (as named under --compare-dir), or why not. */
export interface LastYearPairing {
  file: string | null;
  by?: "given" | "unit" | "file-name";
  /** Several of last year's files fit equally: all named, none taken. */
  ambiguous?: string[];
  /** Last year's file was found but could not be read. */
  unreadable?: boolean;
}

export function failed(file: string, kind: FailureKind, message: string): FileOutcome {
  return { file, status: "failed", error: { kind, message } };
}

/** What one worker is asked: the file on disk, the name the reports give it, the check's options. */
export interface FileTask {
  path: string;
  file: string;
  /** Found in a folder, not named by the user (the walk lists such a file once). */
  found: boolean;
  tolerance?: string;
  includeHidden?: boolean;
  /** --compare: last year's workbook for this file. */
  lastYear?: LastYearFile;
  /** --compare-dir: last year's file is paired with this one from the index shared with the workers. */
  pairLastYear?: boolean;
  changeThreshold?: string;
}

/** What every file of a batch shares, given once to each worker rather than with every task. */
export interface BatchShared {
  lastYearIndex?: LastYearIndex;
}
