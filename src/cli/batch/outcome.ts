import type { CheckResult } from "../../core/check";

/** Why a file could not be checked; the kinds of the `--json` error entries. */
export type FailureKind = "missing" | "not-xlsx" | "corrupt" | "encrypted" | "too-large" | "unreadable";

/** One file of a batch, as it travels from a worker to the reports (structured-cloneable). */
export type FileOutcome =
  | { file: string; status: "checked"; unit: string | null; result: CheckResult }
  | { file: string; status: "failed"; error: { kind: FailureKind; message: string } };

export type CheckedOutcome = Extract<FileOutcome, { status: "checked" }>;

export function failed(file: string, kind: FailureKind, message: string): FileOutcome {
  return { file, status: "failed", error: { kind, message } };
}

/** What one worker is asked: the file on disk, the name the reports give it, the check's options. */
export interface FileTask {
  path: string;
  file: string;
  tolerance?: string;
}
