import { Finding } from "../core/finding";
import { RESULT_COLUMNS, RESULT_SHEET_NAME, resultRows } from "../core/results-table";
import { API, ExcelHost, OfficeHost, supports } from "./host";
import { gatewayError } from "./messages";

/** workbook.settings key holding the id of the 检查结果 sheet we wrote, so only ours is ever replaced. */
export const RESULTS_KEY = "budgetCheck.resultsSheet";

function freeName(taken: Set<string>): string {
  if (!taken.has(RESULT_SHEET_NAME.toLowerCase())) return RESULT_SHEET_NAME;
  for (let n = 2; ; n++) if (!taken.has(`${RESULT_SHEET_NAME} (${n})`.toLowerCase())) return `${RESULT_SHEET_NAME} (${n})`;
}

const AMOUNT_FORMAT = "#,##0.00";

/**
 * Writes the 「检查结果」 sheet in the layout of the command line's annotated copy (RESULT_COLUMNS),
 * each 单元格 a link to its cell. Our earlier export is cleared and rewritten in place; a user's
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
        [...RESULT_COLUMNS],
        ...rows.map((r) => [
          r.sheet,
          r.cell,
          r.severity,
          r.rule,
          r.message,
          amount(r.expected),
          amount(r.actual),
          amount(r.difference),
        ]),
      ];
      const all = sheet.getRangeByIndexes(0, 0, table.length, RESULT_COLUMNS.length);
      // Text columns stay text, so a sheet name such as 2024 or a cell such as E20 is not converted.
      all.numberFormat = table.map((row, i) => row.map((_, c) => (i > 0 && c >= 5 ? AMOUNT_FORMAT : "@")));
      all.values = table;
      sheet.getRangeByIndexes(0, 0, 1, RESULT_COLUMNS.length).format.font.bold = true;
      if (supports(office, API.hyperlinks)) {
        rows.forEach((r, i) => {
          sheet.getRangeByIndexes(i + 1, 1, 1, 1).hyperlink = {
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

function amount(exact: string): string | number {
  return exact === "" ? "" : Number(exact);
}
