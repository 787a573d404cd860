import { Finding } from "../core/finding";
import { TemplateKind } from "../templates/catalog";
import { AddinSettings, GatewayError, PaintResult, ReadResult, WorkbookGateway } from "./gateway";
import { appendProjectBlock, insertTemplateSheet } from "./template-writer";
import { API, ExcelHost, OfficeHost, supports } from "./host";
import { writeCell } from "./cell-write";
import { checkInOneRun } from "./check-batch";
import { exportResults } from "./export-results";
import { MAX_AREAS_ADDRESS } from "../core/mark-layout";
import { SheetWatcher } from "./watch";
import { clearMarks, paintMarks } from "./marks";
import { describe, gatewayError } from "./messages";
import { readSheets } from "./read";
import { loadSettings, saveSettings } from "./settings";

/**
 * The WorkbookGateway over Office.js. Every method is one Excel.run with a fixed number of syncs;
 * `excelApi` and `office` are parameters so tests can pass the in-memory fake.
 */
export function createOfficeGateway(excelApi: ExcelHost = Excel, office: OfficeHost = Office): WorkbookGateway {
  const watcher = new SheetWatcher(excelApi, office);
  return {
    readSheets: (scope, onProgress): Promise<ReadResult> => readSheets(excelApi, office, scope, onProgress),
    paint: (findings: Finding[], sheets: string[]): Promise<PaintResult> => paintMarks(excelApi, office, findings, sheets),
    clearMarks: (): Promise<PaintResult> => clearMarks(excelApi, office),
    select: (sheet: string, cell: string, related?: readonly string[]) => selectCell(excelApi, office, sheet, cell, related),
    check: (scope, decide, onProgress) => checkInOneRun(excelApi, office, scope, decide, onProgress),
    writeCell: (sheet, cell, before, after) => writeCell(excelApi, office, sheet, cell, before, after),
    exportResults: (findings) => exportResults(excelApi, office, findings),
    watchSheets: (sheets, onChange) => watcher.watch(sheets, onChange),
    loadSettings: (): Promise<AddinSettings> => loadSettings(excelApi, office),
    saveSettings: (settings: AddinSettings) => saveSettings(excelApi, office, settings),
    // The template writers gate their own newer APIs; they ask the same Office object we were given.
    insertTemplate: (kind: TemplateKind) =>
      withInsertErrors(() =>
        excelApi.run((context) => insertTemplateSheet(context, kind, { supports: (v) => supports(office, v) })),
      ),
    appendProjectBlock: () =>
      withInsertErrors(() => excelApi.run((context) => appendProjectBlock(context, { supports: (v) => supports(office, v) }))),
  };
}

async function withInsertErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw gatewayError(error, "insert");
  }
}

async function selectCell(
  excel: ExcelHost,
  office: OfficeHost,
  sheetName: string,
  cell: string,
  related: readonly string[] = [],
): Promise<void> {
  // The flagged cell comes first, so it is the active cell of the selection.
  const others = related.filter((a) => a !== cell && /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(a));
  const areas = [cell, ...others].join(",");
  const withRelated = others.length > 0 && supports(office, API.rangeAreas) && areas.length <= MAX_AREAS_ADDRESS;
  try {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      if (withRelated) sheet.getRanges(areas).select();
      else sheet.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    const e = gatewayError(error, "select", sheetName);
    // A cell address from a finding is always valid, so "not found" means the sheet went away.
    throw e.code === "ItemNotFound" ? new GatewayError("ItemNotFound", describe("ItemNotFound", "select", sheetName)) : e;
  }
}
