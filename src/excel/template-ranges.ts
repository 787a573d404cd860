import { RectRef } from "../core/address";
import {
  CellRole,
  CellSpec,
  ROLE_STYLES,
  SpecPart,
  TEMPLATE_FONT,
  TemplateSpec,
  ValidationSpec,
  partBounds,
  widthToPoints,
} from "../templates/spec-types";

/**
 * Writes a spec into a sheet with plain range calls, for hosts without insertWorksheetsFromBase64.
 * Everything is queued; the caller syncs once. Each feature newer than the add-in's minimum is
 * gated on its requirement set and skipped where the host lacks it.
 */

/** "1.8" → is ExcelApi 1.8 available here. */
export type SupportsApi = (version: string) => boolean;

export function officeSupports(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
  } catch {
    return false;
  }
}

export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowInsertRows: true,
  allowDeleteRows: true,
  selectionMode: "Normal",
};

export function writeSheetSpec(sheet: Excel.Worksheet, spec: TemplateSpec, supports: SupportsApi): void {
  spec.columnWidths.forEach((width, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = widthToPoints(width);
  });
  writePart(sheet, spec, supports);
  if (supports("1.7") && spec.freeze.rows > 0) sheet.freezePanes.freezeRows(spec.freeze.rows);
  if (supports("1.9")) {
    const layout = sheet.pageLayout;
    layout.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: spec.print.fitToWidth, verticalFitToPages: 0 };
    layout.centerHorizontally = true;
    layout.setPrintTitleRows(`$${spec.print.titleRows.first + 1}:$${spec.print.titleRows.last + 1}`);
  }
  if (spec.protect) sheet.protection.protect(PROTECTION_OPTIONS);
}

/** Values, formats, merges, validation and conditional formats of one part (a sheet or a block). */
export function writePart(sheet: Excel.Worksheet, part: SpecPart, supports: SupportsApi): void {
  const b = partBounds(part);
  const height = b.bottom - b.top + 1;
  const width = b.right - b.left + 1;
  const formulas: (string | number)[][] = Array.from({ length: height }, () => new Array<string | number>(width).fill(""));
  const formats: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill("General"));
  for (const c of part.cells) {
    formulas[c.row - b.top][c.col - b.left] = c.formula ?? c.value ?? "";
    if (c.numberFormat) formats[c.row - b.top][c.col - b.left] = c.numberFormat;
  }
  const block = sheet.getRangeByIndexes(b.top, b.left, height, width);
  // Formats first, so a text-formatted cell takes its value as typed.
  block.numberFormat = formats;
  block.formulas = formulas;

  for (const { rect, role, align } of styleRects(part.cells))
    applyStyle(sheet.getRangeByIndexes(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1), role, align);
  for (const m of part.merges) rangeOf(sheet, m).merge(false);
  for (const { row, height: h } of part.rowHeights) sheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = h;

  if (supports("1.8")) for (const v of part.validations) writeValidation(rangeOf(sheet, v.range), v);
  if (supports("1.6")) {
    for (const cf of part.conditionalFormats) {
      const format = rangeOf(sheet, cf.range).conditionalFormats.add("Custom");
      format.custom.rule.formula = cf.formula;
      format.custom.format.fill.color = `#${cf.fill}`;
      format.custom.format.font.color = `#${cf.fontColor}`;
    }
  }
}

function rangeOf(sheet: Excel.Worksheet, r: RectRef): Excel.Range {
  return sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
// String literals, not the Excel.* enums: those exist only once office.js has loaded.
const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

function applyStyle(range: Excel.Range, role: CellRole, align: CellSpec["align"]): void {
  const style = ROLE_STYLES[role];
  const f = range.format;
  f.font.name = TEMPLATE_FONT;
  f.font.size = style.size;
  f.font.bold = style.bold ?? false;
  if (style.fontColor) f.font.color = `#${style.fontColor}`;
  const horizontal = align ?? style.align;
  if (horizontal) f.horizontalAlignment = ALIGN[horizontal];
  f.verticalAlignment = "Center";
  f.wrapText = style.wrap;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.border) {
    for (const edge of EDGES) {
      const border = f.borders.getItem(edge);
      border.style = "Continuous";
      border.color = "#808080";
    }
  }
  f.protection.locked = style.locked;
}

/**
 * Groups cells of the same look into rectangles (runs along a row, stacked when the rows below
 * repeat them), so a sheet takes a few dozen format calls instead of one per cell.
 */
export function styleRects(cells: readonly CellSpec[]): { rect: RectRef; role: CellRole; align: CellSpec["align"] }[] {
  const byRow = new Map<number, CellSpec[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const done: { rect: RectRef; role: CellRole; align: CellSpec["align"] }[] = [];
  let open: typeof done = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const runs: typeof done = [];
    for (const c of byRow.get(row)!.sort((a, b) => a.col - b.col)) {
      const last = runs[runs.length - 1];
      if (last && last.role === c.role && last.align === c.align && last.rect.right === c.col - 1) last.rect.right = c.col;
      else runs.push({ rect: { top: row, bottom: row, left: c.col, right: c.col }, role: c.role, align: c.align });
    }
    const next: typeof done = [];
    for (const run of runs) {
      const above = open.find(
        (o) =>
          o.rect.bottom === row - 1 &&
          o.rect.left === run.rect.left &&
          o.rect.right === run.rect.right &&
          o.role === run.role &&
          o.align === run.align,
      );
      if (above) {
        above.rect.bottom = row;
        next.push(above);
      } else next.push(run);
    }
    for (const o of open) if (!next.includes(o)) done.push(o);
    open = next;
  }
  return [...done, ...open];
}

function writeValidation(range: Excel.Range, v: ValidationSpec): void {
  const dv = range.dataValidation;
  dv.rule = validationRule(v);
  dv.ignoreBlanks = true;
  dv.errorAlert = {
    showAlert: true,
    style: v.error.style === "stop" ? "Stop" : "Warning",
    title: v.error.title,
    message: v.error.message,
  };
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
}

export function validationRule(v: ValidationSpec): Excel.DataValidationRule {
  const rule = v.rule;
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: rule.items.join(",") } };
    case "decimal":
      return { decimal: { operator: "Between", formula1: rule.min, formula2: rule.max } };
    case "whole":
      return { wholeNumber: { operator: "Between", formula1: rule.min, formula2: rule.max } };
    case "textLength":
      return { textLength: { operator: "LessThanOrEqualTo", formula1: rule.max } };
  }
}
