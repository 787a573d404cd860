import { Finding } from "../core/finding";
import { AMOUNT_FORMAT, LINK_COLUMN, RESULT_SHEET_NAME, RESULT_TABLE, TABLE_LAYOUT, resultRows } from "../core/results-table";
import { API, ExcelHost, OfficeHost, supports } from "./host";
import { gatewayError } from "./messages";

/** workbook.settings key holding the id of the 检查结果 sheet we wrote, so only ours is ever replaced. */
export const RESULTS_KEY = "budgetCheck.resultsSheet";

function freeName(taken: Set<string>): string {
  if (!taken.has(RESULT_SHEET_NAME.toLowerCase())) return RESULT_SHEET_NAME;
  for (let n = 2; ; n++) if (!taken.has(`${RESULT_SHEET_NAME} (${n})`.toLowerCase())) return `${RESULT_SHEET_NAME} (${n})`;
}

/**
 * Writes the 「检查结果」 sheet in the shared layout of the annotated copy and the batch report
 * (RESULT_TABLE, TABLE_LAYOUT): widths, a frozen bold header with a filter, severity order,
 * amounts `#,##0.00`, each 单元格 a link to its cell. Our earlier export is cleared and rewritten in place; a user's
 * own sheet of that name is left alone and the export takes a free name.
 */
export async function exportResults(excel: ExcelHost, office: OfficeHost, findings: Finding[]): Promise<{ sheetName: string }> {
  try {
    return await excel.run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets.load("items/name,items/id");
      const record = supports(office, API.settings) ? wb.settings.getItemOrNullObject(RESULTS_KEY).load("value") : null;
      await context.sync();
      const ownId = record && !record.isNullObject ? String(record.value) : null;
      const own = sheets.items.find((s) => s.id === ownId);
      let sheet: Excel.Worksheet;
      let name: string;
      if (own) {
        sheet = own;
        name = own.name;
        sheet.getRange().clear();
      } else {
        name = freeName(new Set(sheets.items.map((s) => s.name.toLowerCase())));
        sheet = wb.worksheets.add(name);
      }
      const rows = resultRows(findings);
      const table: (string | number)[][] = [
        RESULT_TABLE.map((c) => c.header),
        ...rows.map((r) => RESULT_TABLE.map((c) => c.value(r) ?? "")),
      ];
      const all = sheet.getRangeByIndexes(0, 0, table.length, RESULT_TABLE.length);
      // Text columns stay text, so a sheet name such as 2024 or a cell such as E20 is not converted.
      all.numberFormat = table.map((row, i) => RESULT_TABLE.map((c) => (i > 0 && c.kind === "amount" ? AMOUNT_FORMAT : "@")));
      all.values = table;
      const header = sheet.getRangeByIndexes(0, 0, 1, RESULT_TABLE.length);
      header.format.font.bold = true;
      RESULT_TABLE.forEach((c, i) => {
        sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = pointsOf(c.width);
      });
      if (supports(office, API.freezePanes)) sheet.freezePanes.freezeRows(TABLE_LAYOUT.frozenRows);
      if (supports(office, API.autoFilter)) sheet.autoFilter.apply(all);
      if (supports(office, API.hyperlinks)) {
        rows.forEach((r, i) => {
          if (r.target === null) return; // a line of the pasted 说明: no sheet to go to
          sheet.getRangeByIndexes(i + 1, LINK_COLUMN, 1, 1).hyperlink = {
            documentReference: r.target,
            textToDisplay: r.cell,
            screenTip: `转到 ${r.sheet}!${r.cell}`,
          };
        });
      }
      sheet.activate();
      const id = sheet.load("id");
      await context.sync();
      if (supports(office, API.settings) && !own) {
        wb.settings.add(RESULTS_KEY, id.id);
        await context.sync();
      }
      return { sheetName: name };
    });
  } catch (error) {
    throw gatewayError(error, "export");
  }
}

/** Office.js sets widths in points; a width in characters of the default font is about 5.6 points each, plus padding. */
function pointsOf(characters: number): number {
  return Math.round(characters * 5.6 + 5);
}
