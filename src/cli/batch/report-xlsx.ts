import ExcelJS from "exceljs";
import { writeAtomically } from "../output-path";
import { FileOutcome, SkippedFile } from "./outcome";
import {
  DETAIL_COLUMNS,
  DETAIL_SHEET,
  detailRows,
  RULE_COLUMNS,
  RULE_SHEET,
  ruleRows,
  SUMMARY_COLUMNS,
  SUMMARY_SHEET,
  summaryRows,
} from "./tables";
import type { ExpectResult } from "./units/expect-match";

/** Amounts show two decimals and thousands separators; the cell keeps the exact figure. */
export const AMOUNT_FORMAT = "#,##0.00";
/** Rows of findings per 明细 sheet; Excel's own limit is 1,048,576 rows with the header. */
export const DETAIL_ROWS_PER_SHEET = 1_000_000;

type Cell = string | number | null;

export interface ReportOptions {
  expected?: ExpectResult;
  /** Tests lower it to see 明细 (2) without a million findings. */
  detailRowsPerSheet?: number;
}

/**
 * The batch report: 汇总, 明细 (continued on 明细 (2), (3)… past a million rows) and 规则统计, each
 * with an autofilter and a frozen header. Written with exceljs's streaming writer: each row goes to
 * the zip as it is added, so the workbook is never held whole in memory (issue 21).
 */
export async function writeReportWorkbook(
  outcomes: readonly FileOutcome[],
  skipped: readonly SkippedFile[],
  out: string,
  options: ReportOptions = {},
): Promise<void> {
  await writeAtomically(out, async (temp) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: false,
      // The fastest deflate level: the report is written after the last file, on the clock.
      zip: { zlib: { level: 1 } },
    } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
    workbook.creator = "预算表检查 (budget-check)";
    workbook.title = "预算表批量检查报告";
    // Fixed dates keep two runs over the same files byte-comparable apart from the zip timestamps.
    workbook.created = new Date(Date.UTC(2025, 0, 1));
    workbook.modified = workbook.created;

    const summary = summaryRows(outcomes, skipped, options.expected).map((r): Cell[] => [
      r.file,
      r.unit,
      r.status,
      r.sheets,
      r.error,
      r.warning,
      r.info,
      r.note || null,
      r.year,
      r.org || null,
      r.money || null,
    ]);
    addTable(workbook, SUMMARY_SHEET, SUMMARY_COLUMNS, [40, 30, 40, 12, 8, 8, 8, 40, 8, 30, 10], summary);

    const amount = (text: string): Cell => (text === "" ? null : Number(text));
    const perSheet = options.detailRowsPerSheet ?? DETAIL_ROWS_PER_SHEET;
    const detailWidths = [40, 24, 8, 22, 10, 60, 14, 14, 14];
    // File by file, so only one file's rows are built at a time; a full sheet gives way to the next.
    let sheet = openTable(workbook, DETAIL_SHEET, DETAIL_COLUMNS, detailWidths, [7, 8, 9]);
    let count = 0;
    let sheets = 1;
    for (const o of outcomes) {
      for (const r of detailRows([o])) {
        if (count === perSheet) {
          closeTable(sheet, count, DETAIL_COLUMNS.length);
          sheets++;
          sheet = openTable(workbook, `${DETAIL_SHEET} (${sheets})`, DETAIL_COLUMNS, detailWidths, [7, 8, 9]);
          count = 0;
        }
        const row: Cell[] = [r.file, r.sheet, r.cell, r.rule, r.severity, r.message];
        row.push(amount(r.expected), amount(r.actual), amount(r.difference));
        sheet.addRow(row).commit();
        count++;
      }
    }
    closeTable(sheet, count, DETAIL_COLUMNS.length);

    const rules = ruleRows(outcomes).map((r): Cell[] => [r.rule, r.title, r.files, r.findings]);
    addTable(workbook, RULE_SHEET, RULE_COLUMNS, [22, 50, 10, 10], rules);
    await workbook.commit();
  });
}

function addTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly string[],
  widths: number[],
  rows: Cell[][],
): void {
  const ws = openTable(workbook, name, columns, widths);
  for (const r of rows) ws.addRow(r).commit();
  closeTable(ws, rows.length, columns.length);
}

/** A sheet with its bold, frozen header row; rows are then added and committed one by one. */
function openTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly string[],
  widths: number[],
  amountColumns: number[] = [],
): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  ws.columns = columns.map((header, i) => ({
    header,
    width: widths[i],
    ...(amountColumns.includes(i + 1) ? { style: { numFmt: AMOUNT_FORMAT } } : {}),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  return ws;
}

function closeTable(ws: ExcelJS.Worksheet, rows: number, columns: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns } };
  ws.commit();
}
