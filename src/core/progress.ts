/**
 * The stages of one check, as every host reports them: reading the workbook, checking it, and
 * marking it (the add-in's marks, or the annotated copy). Sheets are counted in read and check.
 */
export type ProgressStage = "read" | "check" | "paint";

export type ProgressListener = (stage: ProgressStage, done: number, total: number) => void;

/** Where a running check is; `total` is 0 until the stage knows it. */
export interface Progress {
  stage: ProgressStage;
  done: number;
  total: number;
}
