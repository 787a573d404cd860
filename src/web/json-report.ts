import { JsonReport, toJsonFile } from "../core/report-json";
import type { CheckOutcome } from "./engine";

/** Exactly what `budget-check --json FILE` prints, with the file's name where the CLI puts its path. */
export function jsonReportText(fileName: string, outcome: CheckOutcome): string {
  const report: JsonReport = { version: 1, files: [toJsonFile(fileName, outcome, outcome.skipped)] };
  return JSON.stringify(report, null, 2);
}

export function jsonName(fileName: string): string {
  return `${fileName.replace(/\.(xlsx|xlsm|xls)$/i, "")}-检查结果.json`;
}
