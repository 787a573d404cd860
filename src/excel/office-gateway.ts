import { Finding } from "../core/finding";
import { TemplateKind } from "../templates/catalog";
import { AddinSettings, GatewayError, PaintResult, ReadResult, WorkbookGateway } from "./gateway";
import { appendProjectBlock, insertTemplateSheet } from "../templates/office-writer";
import { ExcelHost, OfficeHost, supports } from "./host";
import { clearMarks, paintMarks } from "./marks";
import { describe, gatewayError } from "./messages";
import { readSheets } from "./read";
import { loadSettings, saveSettings } from "./settings";

/**
 * The WorkbookGateway over Office.js. Every method is one Excel.run with a fixed number of syncs;
 * `excelApi` and `office` are parameters so tests can pass the in-memory fake.
 */
export function createOfficeGateway(excelApi: ExcelHost = Excel, office: OfficeHost = Office): WorkbookGateway {
  return {
    readSheets: (scope, onProgress): Promise<ReadResult> => readSheets(excelApi, office, scope, onProgress),
    paint: (findings: Finding[], sheets: string[]): Promise<PaintResult> => paintMarks(excelApi, office, findings, sheets),
    clearMarks: (): Promise<PaintResult> => clearMarks(excelApi, office),
    select: (sheet: string, cell: string) => selectCell(excelApi, sheet, cell),
    loadSettings: (): Promise<AddinSettings> => loadSettings(excelApi, office),
    saveSettings: (settings: AddinSettings) => saveSettings(excelApi, office, settings),
    // The template writers gate their own newer APIs; they ask the same Office object we were given.
    insertTemplate: (kind: TemplateKind) => withInsertErrors(() => excelApi.run((context) => insertTemplateSheet(context, kind, { supports: (v) => supports(office, v) }))),
    appendProjectBlock: () => withInsertErrors(() => excelApi.run((context) => appendProjectBlock(context, { supports: (v) => supports(office, v) }))),
  };
}

async function withInsertErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw gatewayError(error, "insert");
  }
}

async function selectCell(excel: ExcelHost, sheetName: string, cell: string): Promise<void> {
  try {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    const e = gatewayError(error, "select", sheetName);
    // A cell address from a finding is always valid, so "not found" means the sheet went away.
    throw e.code === "ItemNotFound" ? new GatewayError("ItemNotFound", describe("ItemNotFound", "select", sheetName)) : e;
  }
}
