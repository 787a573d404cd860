import ExcelJS from "exceljs";
import { AMOUNT_FORMAT, Column, TABLE_LAYOUT } from "../../core/results-table";
import { writeAtomically } from "../output-path";
import type { SkippedFile } from "./outcome";
import { outcomesOf, reportFiles, ReportSource } from "./report-source";
import {
  DETAIL_SHEET,
  DETAIL_TABLE,
  RULE_SHEET,
  RULE_TABLE,
  RuleStats,
  SUMMARY_SHEET,
  SUMMARY_TABLE,
  detailRows,
  fileShown,
  lastYearRows,
  missingRows,
  skippedRow,
  withMark,
} from "./tables";
import type { ExpectResult } from "./units/expect-match";

export { AMOUNT_FORMAT };
/** Rows of findings per 明细 sheet; Excel's own limit is 1,048,576 rows with the header. */
export const DETAIL_ROWS_PER_SHEET = 1_000_000;

export interface ReportOptions {
  /** --expect: the marks of the files (in report order) and the listed units no file came from. */
  expected?: ExpectResult;
  /** --compare-dir: last year's files no file of this run was paired with (a row each in 汇总). */
  unpairedLastYear?: readonly string[];
  /** 明细 rows per sheet before it continues on 明细 (2); tests lower it to see 明细 (2) without a million findings. */
  detailRowsPerSheet?: number;
}

const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The columns as exceljs takes them; widths only (each cell gets its own style as it is written). */
function columnsOf<R>(table: Column<R>[]): Partial<ExcelJS.Column>[] {
  return table.map((c) => ({ width: c.width }));
}

/**
 * A sheet laid out to be read on screen and printed: the shared layout (frozen bold header, filter,
 * widths, `#,##0.00`), borders, landscape A4 fitted to the page width, the header row repeated on
 * every page, page numbers in the footer.
 */
class SheetWriter<R> {
  private readonly ws: ExcelJS.Worksheet;
  private rows = 0;

  constructor(
    wb: ExcelJS.stream.xlsx.WorkbookWriter,
    name: string,
    private readonly table: Column<R>[],
  ) {
    this.ws = wb.addWorksheet(name, {
      views: [{ state: "frozen", ySplit: TABLE_LAYOUT.frozenRows, topLeftCell: "A2", activeCell: "A2" }],
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:1",
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `${name}　第 &P 页，共 &N 页` },
    });
    this.ws.columns = columnsOf(table);
    const header = this.ws.addRow(table.map((c) => c.header));
    header.eachCell((cell) => {
      cell.font = { bold: TABLE_LAYOUT.boldHeader };
      cell.border = BORDER;
      cell.alignment = { vertical: "middle" };
    });
    header.commit();
  }

  get count(): number {
    return this.rows;
  }

  add(row: R): void {
    this.addValues(this.table.map((c) => c.value(row)));
  }

  addValues(values: (string | number | null)[]): void {
    const r = this.ws.addRow(values);
    this.table.forEach((c, i) => {
      const cell = r.getCell(i + 1);
      cell.border = BORDER;
      if (c.kind === "amount") cell.numFmt = AMOUNT_FORMAT;
      else if (c.kind === "text") cell.alignment = { wrapText: false, vertical: "top" };
    });
    r.commit();
    this.rows++;
  }

  close(): void {
    this.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: this.rows + 1, column: this.table.length } };
    this.ws.commit();
  }
}

/** Columns of the default font a text takes: a Chinese character two. */
function widthOf(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** The 文件 column as wide as the longest name shown in it, within reason. */
function withFileWidth<R>(table: Column<R>[], widest: number): Column<R>[] {
  const width = Math.min(90, Math.max(20, widest + 2));
  return table.map((c) => (c.header === "文件" ? { ...c, width } : c));
}

/**
 * The batch report, 汇总, 明细 and 规则统计, written with exceljs's streaming writer: rows go to
 * the file as they are made, so memory holds one file's findings, not the run's (汇总 keeps the
 * cells of one short row per file until its sheet is written). A 明细 past `detailRowsPerSheet` rows continues on
 * 明细 (2), 明细 (3)…. Written to a temporary file and renamed once complete.
 */
export async function writeReportWorkbook(
  source: ReportSource,
  skipped: readonly SkippedFile[],
  out: string,
  options: ReportOptions = {},
): Promise<void> {
  const maxRows = options.detailRowsPerSheet ?? DETAIL_ROWS_PER_SHEET;
  await writeAtomically(out, async (temp) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: false,
      // The fastest deflate level: the report is written after the last file, on the clock.
      zip: { zlib: { level: 1 } },
    } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
    wb.creator = "预算表检查 (budget-check)";
    wb.title = "预算表批量检查报告";
    // A fixed date keeps two runs over the same files comparable apart from the zip timestamps.
    wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));

    const { digests } = reportFiles(source);
    const summary: (string | number | null)[][] = [];
    const stats = new RuleStats();
    let widest = 0;
    digests.forEach((d, index) => {
      const row = withMark(d.row, options.expected?.marks[index]);
      summary.push(SUMMARY_TABLE.map((c) => c.value(row)));
      stats.add(d);
      widest = Math.max(widest, widthOf(fileShown(d.file)));
    });
    // The files the walk passed by come last, so no file of the folders goes unmentioned.
    for (const s of skipped) {
      summary.push(SUMMARY_TABLE.map((c) => c.value(skippedRow(s))));
      widest = Math.max(widest, widthOf(fileShown(s.file)));
    }
    for (const m of [...missingRows(options.expected), ...lastYearRows(options.unpairedLastYear)]) {
      summary.push(SUMMARY_TABLE.map((c) => c.value(m)));
      widest = Math.max(widest, widthOf(fileShown(m.file)));
    }
    const summarySheet = new SheetWriter(wb, SUMMARY_SHEET, withFileWidth(SUMMARY_TABLE, widest));
    for (const values of summary) summarySheet.addValues(values);
    summarySheet.close();
    summary.length = 0;

    const detailTable = withFileWidth(DETAIL_TABLE, widest);
    let part = 1;
    let details = new SheetWriter(wb, DETAIL_SHEET, detailTable);
    for await (const o of outcomesOf(source)) {
      for (const row of detailRows(o)) {
        if (details.count === maxRows) {
          details.close();
          part++;
          details = new SheetWriter(wb, `${DETAIL_SHEET} (${part})`, detailTable);
        }
        details.add(row);
      }
    }
    details.close();

    const rules = new SheetWriter(wb, RULE_SHEET, RULE_TABLE);
    for (const row of stats.rows()) rules.add(row);
    rules.close();
    await wb.commit();
  });
}
