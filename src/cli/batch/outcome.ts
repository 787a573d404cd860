import type { CheckResult } from "../../core/check";
import type { JsonSkippedSheet } from "../../core/report-json";
import type { WorkbookReadErrorKind } from "../../xlsx/errors";

/** Why a file could not be checked; the kinds of the `--json` error entries. */
export type FailureKind = WorkbookReadErrorKind;

/** Files a folder walk finds but must not check: the tool's own output. */
export type OwnFile = "annotated-copy" | "report";

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
    }
  | { file: string; status: "failed"; error: { kind: FailureKind; message: string } }
  | { file: string; status: "skipped"; reason: OwnFile };

/** What the reports list: every file but the tool's own output. */
export type ReportedOutcome = Exclude<FileOutcome, { status: "skipped" }>;

export function failed(file: string, kind: FailureKind, message: string): ReportedOutcome {
  return { file, status: "failed", error: { kind, message } };
}

/** What one worker is asked: the file on disk, the name the reports give it, the check's options. */
export interface FileTask {
  path: string;
  file: string;
  /** Found in a folder (not named by the user): the tool's own copies and reports are skipped. */
  found: boolean;
  tolerance?: string;
  includeHidden?: boolean;
}
