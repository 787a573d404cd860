import type { TemplateKind } from "../templates/catalog";
import { INDICATOR_LAYOUT, projectBlockSpec } from "../templates/indicator-spec";
import { TemplateOptions, freeSheetName, templateSpec } from "../templates/specs";
import { GatewayError } from "./gateway";
import { SupportsApi, officeSupports, writePart, writeSheetSpec } from "./template-ranges";

export interface OfficeWriterOptions extends TemplateOptions {
  /** Which ExcelApi versions the host has; defaults to Office.context.requirements. */
  supports?: SupportsApi;
}

/**
 * Inserts a blank template as a new, active sheet under a free name (`收支总表 (2)` when taken),
 * never touching an existing sheet. Three syncs at most, however large the template.
 */
export async function insertTemplateSheet(
  context: Excel.RequestContext,
  kind: TemplateKind,
  options: OfficeWriterOptions = {},
): Promise<{ sheetName: string }> {
  const supports = options.supports ?? officeSupports;
  const spec = templateSpec(kind, options);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const sheetName = freeSheetName(
    spec.sheetName,
    sheets.items.map((s) => s.name),
  );

  if (supports("1.13")) {
    try {
      // Loaded on demand: exceljs is large, and most task pane sessions never insert a template.
      const { buildTemplateBase64 } = await import("../templates/xlsx-writer");
      const base64 = await buildTemplateBase64(kind, sheetName, options);
      context.workbook.insertWorksheetsFromBase64(base64, { positionType: "End" });
      context.workbook.worksheets.getItem(sheetName).activate();
      await context.sync();
      return { sheetName };
    } catch (error) {
      // Policies such as extension hardening can refuse the file; the range writer still works.
      if (!isRecoverableInsertError(error)) throw error;
      // The batch may have failed after the insert itself went through: never write a second copy.
      const inserted = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (!inserted.isNullObject) {
        inserted.activate();
        await context.sync();
        return { sheetName };
      }
    }
  }

  const sheet = context.workbook.worksheets.add(sheetName);
  writeSheetSpec(sheet, spec, supports);
  sheet.activate();
  await context.sync();
  return { sheetName };
}

function isRecoverableInsertError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code !== "InvalidOperationInCellEditMode" && code !== "AccessDenied";
}

/**
 * Appends one blank project block, one empty row below the last used row of the active sheet,
 * which must be a 绩效指标 template (its header row 一级指标 | 二级指标 in columns A and B).
 * `firstRow` is the 1-based row number the user sees in Excel.
 */
export async function appendProjectBlock(
  context: Excel.RequestContext,
  options: OfficeWriterOptions = {},
): Promise<{ sheetName: string; firstRow: number }> {
  const supports = options.supports ?? officeSupports;
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const used = sheet.getUsedRange(true);
  used.load("values,rowIndex,rowCount,columnIndex");
  // A navigation property hands back a proxy; nothing is read from it before the sync below.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const protection = sheet.protection;
  protection.load("protected,options");
  await context.sync();

  if (!isIndicatorTemplate(used.values, used.columnIndex)) {
    throw new GatewayError(
      "ItemNotFound",
      `当前工作表「${sheet.name}」不是绩效指标模板（未找到“一级指标、二级指标”表头），请先切换到绩效指标模板表，或先插入绩效指标模板。`,
    );
  }
  const firstRow = used.rowIndex + used.rowCount + 1;
  // The user may have changed what the protection allows (or protected the sheet themselves):
  // it goes back exactly as it was. A password makes unprotect() fail, which is reported below.
  const wasProtected = protection.protected;
  const restore = wasProtected ? protection.options : null;
  if (wasProtected) protection.unprotect();
  writePart(sheet, projectBlockSpec(firstRow), supports);
  if (restore) protection.protect(restore);
  sheet.getRangeByIndexes(firstRow + INDICATOR_LAYOUT.offsets.name, 1, 1, 1).select();
  try {
    await context.sync();
  } catch (error) {
    // Office.js documents no code for a wrong or missing password here; hosts answer AccessDenied or InvalidArgument.
    const code = (error as { code?: string }).code;
    if (code === "AccessDenied" || (wasProtected && code === "InvalidArgument")) {
      throw new GatewayError(
        "AccessDenied",
        `工作表「${sheet.name}」设有密码保护，无法追加项目块；请先在“审阅”中撤销工作表保护后再试。`,
      );
    }
    throw error;
  }
  return { sheetName: sheet.name, firstRow: firstRow + 1 };
}

function isIndicatorTemplate(values: unknown[][], firstCol: number): boolean {
  if (firstCol !== 0) return false;
  const { level1, level2 } = INDICATOR_LAYOUT.columns;
  return values.some((row) => String(row[level1] ?? "").trim() === "一级指标" && String(row[level2] ?? "").trim() === "二级指标");
}
