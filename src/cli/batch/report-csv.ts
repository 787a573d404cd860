import { writeFileAtomic } from "../output-path";
import { FileOutcome } from "./outcome";
import { DETAIL_COLUMNS, detailRows, detailTexts } from "./tables";

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text columns (文件 … 说明); 应为, 实际 and 相差 are the checker's decimal strings. */
const TEXT_COLUMNS = 6;

/**
 * A text that a spreadsheet would take for a formula (a file or sheet name beginning with "=",
 * "+", "-" or "@", as a unit's workbook may hold) starts with an apostrophe, so opening the CSV
 * never evaluates anything (CSV injection); Excel shows the text as written.
 */
export function inertText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The 明细 rows as CSV: UTF-8 with a byte-order mark, so Excel opens the Chinese correctly, and
 * CRLF line ends. Amounts stay the checker's exact decimal strings.
 */
export function detailCsv(outcomes: readonly FileOutcome[]): string {
  const lines = [DETAIL_COLUMNS.map(csvField).join(",")];
  for (const r of detailRows(outcomes))
    lines.push(
      detailTexts(r)
        .map((t, i) => csvField(i < TEXT_COLUMNS ? inertText(t) : t))
        .join(","),
    );
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export async function writeDetailCsv(outcomes: readonly FileOutcome[], out: string): Promise<void> {
  await writeFileAtomic(out, Buffer.from(detailCsv(outcomes), "utf8"));
}
