import ExcelJS from "exceljs";
import type { FakeCellInit, FakeSheetInit, WorkbookDecoder } from "../../support/fake-excel";
import { widthToPoints } from "../../../src/templates/spec-types";

/**
 * Reads a base64 .xlsx as Excel would when inserting its sheets, and states what it holds in the
 * fake's own terms (Office.js format names, data-validation rules as Office.js returns them).
 * It derives everything from the file, never from the spec, so comparing it with the range writer
 * shows whether the file carries the same template.
 */
export const exceljsDecoder: WorkbookDecoder = async (base64) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, "base64") as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map(sheetInit);
};

const EDGE: Record<string, string> = { top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight" };
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const rgb = (argb: string | undefined) => (argb ? `#${argb.slice(-6)}` : undefined);

function sheetInit(ws: ExcelJS.Worksheet): FakeSheetInit {
  const rows: FakeCellInit[][] = [];
  const dataValidations: NonNullable<FakeSheetInit["dataValidations"]> = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      // exceljs lists unstyled empty cells up to the row's last one; Excel has nothing there.
      if (cell.value === null && Object.keys(cell.style ?? {}).length === 0) return;
      (rows[r - 1] ??= [])[c - 1] = cellInit(cell);
      if (cell.dataValidation) dataValidations.push({ address: cell.address, ...officeValidation(cell.dataValidation) });
    });
  });
  for (let r = 0; r < rows.length; r++) rows[r] = Array.from({ length: rows[r]?.length ?? 0 }, (_, c) => rows[r]?.[c] ?? null);
  const cfs = (
    ws as unknown as {
      conditionalFormattings: {
        ref: string;
        rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } } }[];
      }[];
    }
  ).conditionalFormattings;
  const columnWidths: Record<number, number> = {};
  (ws.columns ?? []).forEach((col, i) => {
    if (col.width) columnWidths[i] = widthToPoints(col.width);
  });
  const view = ws.views[0] as { ySplit?: number; xSplit?: number } | undefined;
  const merges = (ws.model as unknown as { merges: string[] }).merges;
  return {
    name: ws.name,
    rows,
    merges,
    protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    dataValidations,
    conditionalFormats: cfs.map((cf) => ({
      address: cf.ref,
      type: "Custom",
      formula: `=${cf.rules[0].formulae[0]}`,
      format: { "fill.color": rgb(cf.rules[0].style.fill.bgColor.argb), "font.color": rgb(cf.rules[0].style.font.color.argb) },
    })),
    columnWidths,
    frozen: { rows: view?.ySplit ?? 0, columns: view?.xSplit ?? 0 },
  };
}

function cellInit(cell: ExcelJS.Cell): FakeCellInit {
  const format: Record<string, unknown> = {};
  if (cell.font?.name) format["font.name"] = cell.font.name;
  if (cell.font?.size) format["font.size"] = cell.font.size;
  if (cell.font) format["font.bold"] = cell.font.bold ?? false;
  if (cell.font?.color?.argb) format["font.color"] = rgb(cell.font.color.argb);
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") format["fill.color"] = rgb(fill.fgColor?.argb);
  if (cell.alignment?.horizontal) format.horizontalAlignment = capital(cell.alignment.horizontal);
  if (cell.alignment?.vertical)
    format.verticalAlignment = cell.alignment.vertical === "middle" ? "Center" : capital(cell.alignment.vertical);
  if (cell.alignment) format.wrapText = cell.alignment.wrapText ?? false;
  for (const [side, edge] of Object.entries(EDGE)) {
    const b = cell.border?.[side as keyof ExcelJS.Borders] as ExcelJS.Border | undefined;
    if (b?.style === "thin") {
      format[`borders.${edge}.style`] = "Continuous";
      format[`borders.${edge}.color`] = rgb(b.color?.argb);
    }
  }
  format["protection.locked"] = cell.protection?.locked ?? true;
  // A merged area's other cells echo the master's value in exceljs; in Excel they are empty.
  const raw = cell.isMerged && cell.master !== cell ? null : cell.value;
  const formula = raw && typeof raw === "object" && "formula" in raw ? raw : null;
  const v = formula ? ((formula.result as number | undefined) ?? null) : (raw as string | number | null);
  return { v, ...(formula ? { f: `=${formula.formula}` } : {}), ...(cell.numFmt ? { fmt: cell.numFmt } : {}), format };
}

function officeValidation(dv: ExcelJS.DataValidation): { rule: unknown; prompt?: unknown; errorAlert?: unknown } {
  const operator = (op: string | undefined) => capital(op === "lessThanOrEqual" ? "lessThanOrEqualTo" : (op ?? "between"));
  const num = (x: unknown) => Number(x);
  let rule: unknown;
  if (dv.type === "list") rule = { list: { inCellDropDown: true, source: String(dv.formulae[0]).replace(/^"|"$/g, "") } };
  else if (dv.type === "textLength") rule = { textLength: { operator: operator(dv.operator), formula1: num(dv.formulae[0]) } };
  else {
    const key = dv.type === "whole" ? "wholeNumber" : dv.type;
    rule = { [key]: { operator: operator(dv.operator), formula1: num(dv.formulae[0]), formula2: num(dv.formulae[1]) } };
  }
  return {
    rule,
    errorAlert: {
      showAlert: Boolean(dv.showErrorMessage),
      style: capital(dv.errorStyle ?? "stop"),
      title: dv.errorTitle,
      message: dv.error,
    },
    ...(dv.showInputMessage ? { prompt: { showPrompt: true, title: dv.promptTitle, message: dv.prompt } } : {}),
  };
}
