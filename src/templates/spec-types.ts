import { RectRef, columnLetters } from "../core/address";
import type { TemplateKind } from "./catalog";

/**
 * A template is data, not code: both writers (exceljs for files and the task pane's base64 path,
 * Office.js range-by-range for older hosts) walk the same spec, so the two can never drift apart.
 * All rows and columns are 0-based sheet coordinates, as in src/core/address.ts.
 */

/** What a cell is for; the role alone decides its look and whether it is locked. */
export type CellRole = "title" | "note" | "header" | "label" | "totalLabel" | "serial" | "input" | "formula" | "blank";

export interface CellSpec {
  row: number;
  col: number;
  role: CellRole;
  value?: string | number;
  /** With the leading "=", e.g. "=SUM(C6:C36)". */
  formula?: string;
  numberFormat?: string;
  align?: "left" | "center" | "right";
}

export type ValidationRule =
  | { kind: "list"; items: readonly string[] }
  | { kind: "decimal"; min: number; max: number }
  | { kind: "whole"; min: number; max: number }
  /** Carries an input message on free-text cells: Excel has no "prompt only" rule that exceljs writes. */
  | { kind: "textLength"; max: number };

export interface ValidationSpec {
  range: RectRef;
  rule: ValidationRule;
  prompt?: { title: string; message: string };
  /** "stop" refuses the entry; "warning" lets the user keep it after a question. */
  error: { title: string; message: string; style: "stop" | "warning" };
}

/** Highlights cells whose formula (written for the range's top-left cell) is true. */
export interface ConditionalFormatSpec {
  range: RectRef;
  formula: string;
  fill: string;
  fontColor: string;
}

/** The part of a sheet a block contributes; a whole sheet is one or more parts plus sheet settings. */
export interface SpecPart {
  cells: CellSpec[];
  merges: RectRef[];
  validations: ValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** Heights in points. */
  rowHeights: { row: number; height: number }[];
}

export interface TemplateSpec extends SpecPart {
  kind: TemplateKind;
  sheetName: string;
  /** Widths in Excel character units, from column A. */
  columnWidths: number[];
  freeze: { rows: number; cols: number };
  /** Protect the sheet without a password: formulas and labels locked, inputs open. */
  protect: boolean;
  print: { orientation: "landscape"; paper: "A4"; fitToWidth: 1; titleRows: { first: number; last: number } };
}

export interface RoleStyle {
  /** RGB hex without "#". */
  fill?: string;
  bold?: boolean;
  size: number;
  fontColor?: string;
  align?: "left" | "center" | "right";
  wrap: boolean;
  border: boolean;
  locked: boolean;
}

export const TEMPLATE_FONT = "宋体";

/** Light yellow means "type here", grey means "computed, don't touch". */
export const INPUT_FILL = "FFF2CC";
export const FORMULA_FILL = "D9D9D9";
const HEADER_FILL = "DDEBF7";

export const ROLE_STYLES: Record<CellRole, RoleStyle> = {
  title: { bold: true, size: 16, align: "center", wrap: false, border: false, locked: true },
  note: { size: 10, wrap: false, border: false, locked: true },
  header: { fill: HEADER_FILL, bold: true, size: 11, align: "center", wrap: true, border: true, locked: true },
  label: { size: 11, align: "left", wrap: true, border: true, locked: true },
  totalLabel: { bold: true, size: 11, align: "center", wrap: true, border: true, locked: true },
  serial: { size: 10, align: "center", wrap: false, border: true, locked: true },
  input: { fill: INPUT_FILL, size: 11, wrap: true, border: true, locked: false },
  formula: { fill: FORMULA_FILL, bold: true, size: 11, align: "right", wrap: false, border: true, locked: true },
  blank: { size: 11, wrap: false, border: true, locked: true },
};

export const AMOUNT_FORMAT = "0.00";

/** Excel column width (characters) to points, as Office.js `columnWidth` wants it. */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export function emptyPart(): SpecPart {
  return { cells: [], merges: [], validations: [], conditionalFormats: [], rowHeights: [] };
}

export function appendPart(into: SpecPart, part: SpecPart): void {
  into.cells.push(...part.cells);
  into.merges.push(...part.merges);
  into.validations.push(...part.validations);
  into.conditionalFormats.push(...part.conditionalFormats);
  into.rowHeights.push(...part.rowHeights);
}

/** "$C$39": conditional-format formulas must not shift when Excel applies them to a range. */
export function absA1(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

export function rect(top: number, left: number, bottom = top, right = left): RectRef {
  return { top, left, bottom, right };
}

/** The bounding rectangle of a part's cells and merges, for writers that fill whole blocks at once. */
export function partBounds(part: SpecPart): RectRef {
  const b = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  const grow = (r: RectRef) => {
    b.top = Math.min(b.top, r.top);
    b.left = Math.min(b.left, r.left);
    b.bottom = Math.max(b.bottom, r.bottom);
    b.right = Math.max(b.right, r.right);
  };
  part.cells.forEach((c) => grow(rect(c.row, c.col)));
  part.merges.forEach(grow);
  return b.bottom < 0 ? rect(0, 0) : b;
}
