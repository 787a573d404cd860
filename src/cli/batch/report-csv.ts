import { createWriteStream } from "fs";
import { Readable } from "stream";
import { pipeline } from "stream/promises";
import { writeAtomically } from "../output-path";
import { outcomesOf, ReportSource } from "./report-source";
import { DETAIL_COLUMNS, detailRows, detailTexts } from "./tables";

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text columns (文件 … 说明); 应为, 实际 and 相差 are the checker's decimal strings. */
const TEXT_COLUMNS = DETAIL_COLUMNS.indexOf("应为");

/**
 * A text that a spreadsheet would take for a formula (a file or sheet name beginning with "=",
 * "+", "-" or "@", as a unit's workbook may hold) starts with an apostrophe, so opening the CSV
 * never evaluates anything (CSV injection); Excel shows the text as written.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvLine(texts: string[]): string {
  return texts.map((t, i) => csvField(i < TEXT_COLUMNS ? inertText(t) : t)).join(",") + "\r\n";
}

/**
 * The 明细 rows as CSV: UTF-8 with a byte-order mark, so Excel opens the Chinese correctly, and
 * CRLF line ends. 文件 is the file's path; amounts stay the checker's exact decimal strings.
 */
export async function* detailCsvLines(source: ReportSource): AsyncGenerator<string> {
  yield "\uFEFF" + DETAIL_COLUMNS.map(csvField).join(",") + "\r\n";
  for await (const o of outcomesOf(source)) for (const r of detailRows(o)) yield csvLine(detailTexts(r));
}

/** Streams the CSV to a temporary file, one file's rows at a time, and renames it once complete. */
export async function writeDetailCsv(source: ReportSource, out: string): Promise<void> {
  await writeAtomically(out, (temp) => pipeline(Readable.from(detailCsvLines(source)), createWriteStream(temp, { flags: "wx" })));
}

/** The whole CSV as text (small batches, tests). */
export async function detailCsv(source: ReportSource): Promise<string> {
  let text = "";
  for await (const line of detailCsvLines(source)) text += line;
  return text;
}
