import ExcelJS from "exceljs";
import { rectToA1, toA1 } from "../core/address";
import { bytesToBase64 } from "./base64";
import type { TemplateKind } from "./catalog";
import { CellSpec, ROLE_STYLES, TEMPLATE_FONT, TemplateSpec, ValidationSpec } from "./spec-types";
import { TemplateOptions, templateSpec } from "./specs";

/*
 * Writes template specs into exceljs workbooks. No Node API here: the task pane bundles this
 * module (loaded on demand) to build the base64 file for insertWorksheetsFromBase64.
 */

/** A workbook with one sheet per kind, as .xlsx bytes. */
export async function buildTemplateWorkbook(kinds: TemplateKind[], options: TemplateOptions = {}): Promise<Uint8Array> {
  const workbook = newTemplateWorkbook();
  for (const kind of kinds) await addTemplateSheet(workbook, templateSpec(kind, options));
  return workbookBytes(workbook);
}

/** The single-sheet file the add-in inserts, with the sheet already carrying its final (free) name. */
export async function buildTemplateBase64(kind: TemplateKind, sheetName: string, options: TemplateOptions = {}): Promise<string> {
  const workbook = newTemplateWorkbook();
  await addTemplateSheet(workbook, templateSpec(kind, options), sheetName);
  return bytesToBase64(await workbookBytes(workbook));
}

export function newTemplateWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "预算表检查";
  // Excel recomputes every formula on open, so a filled-in copy never shows stale totals.
  workbook.calcProperties.fullCalcOnLoad = true;
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export async function addTemplateSheet(
  workbook: ExcelJS.Workbook,
  spec: TemplateSpec,
  sheetName = spec.sheetName,
): Promise<ExcelJS.Worksheet> {
  const ws = workbook.addWorksheet(sheetName, {
    views: [{ state: "frozen", xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }],
  });
  spec.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const { row, height } of spec.rowHeights) ws.getRow(row + 1).height = height;
  for (const cell of spec.cells) writeCell(ws.getCell(toA1(cell.row, cell.col)), cell);
  for (const m of spec.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // One entry per range, keyed by the range itself: exceljs writes such a key verbatim as the sqref.
  // Setting cell.dataValidation cell by cell instead makes exceljs regroup the cells on write, and its
  // text-sorted grouping (C10 before C6) emits overlapping sqrefs that EPPlus rejects and Excel may drop.
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of spec.validations) validations.add(rectToA1(v.range), toExcelJsValidation(v));
  spec.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: `${toA1(cf.range.top, cf.range.left)}:${toA1(cf.range.bottom, cf.range.right)}`,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, "")],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${cf.fill}` } },
            font: { color: { argb: `FF${cf.fontColor}` } },
          },
        },
      ],
    });
  });
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: spec.print.orientation,
    fitToPage: true,
    fitToWidth: spec.print.fitToWidth,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${spec.print.titleRows.first + 1}:${spec.print.titleRows.last + 1}`,
  };
  if (spec.protect) {
    // No password: the lock guards against slips, not against the owner of the file.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
    });
  }
  return ws;
}

function writeCell(target: ExcelJS.Cell, cell: CellSpec): void {
  const style = ROLE_STYLES[cell.role];
  if (cell.formula) {
    // The template is blank, so every total is exactly 0; Excel and the CLI reader both see it at once.
    target.value = { formula: cell.formula.replace(/^=/, ""), result: 0 };
  } else if (cell.value !== undefined) {
    target.value = cell.value;
  }
  target.font = {
    name: TEMPLATE_FONT,
    size: style.size,
    bold: style.bold ?? false,
    ...(style.fontColor ? { color: { argb: `FF${style.fontColor}` } } : {}),
  };
  const horizontal = cell.align ?? style.align;
  target.alignment = { vertical: "middle", wrapText: style.wrap, ...(horizontal ? { horizontal } : {}) };
  if (style.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
  if (style.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
    target.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  target.protection = { locked: style.locked };
  if (cell.numberFormat) target.numFmt = cell.numberFormat;
}

function toExcelJsValidation(v: ValidationSpec): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: v.error.style,
    errorTitle: v.error.title,
    error: v.error.message,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
  };
  switch (v.rule.kind) {
    case "list":
      return { ...common, type: "list", formulae: [`"${v.rule.items.join(",")}"`] };
    case "decimal":
    case "whole":
      return { ...common, type: v.rule.kind, operator: "between", formulae: [v.rule.min, v.rule.max] };
    case "textLength":
      return { ...common, type: "textLength", operator: "lessThanOrEqual", formulae: [v.rule.max] };
  }
}
