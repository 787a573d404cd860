import { columnLetters } from "../core/address";
import { Finding } from "../core/finding";
import { RESULT_COLUMNS, RESULT_SHEET_NAME, resultRows } from "../core/results-table";
import { CONTENT_TYPE, NS_RELATIONSHIPS, PackageText, REL, WorkbookSheet } from "./package";
import { escapeXml, MalformedPartError, maxCaptured, nsPrefix, prefixOf, scanRoot, splice, xmlSafe } from "./xml";

const WIDTHS = [16, 10, 10, 22, 70, 14, 14, 14];

/** A sheet name not yet taken (Excel compares names case-insensitively): 检查结果, 检查结果 (2), … */
export function freeSheetName(taken: string[], base = RESULT_SHEET_NAME): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
}

/** Excel holds 32,767 characters in a cell. */
const MAX_CELL_CHARS = 32_000;
const fit = (text: string) => (text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text);
const inline = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(xmlSafe(fit(text)))}</t></is></c>`;

/** Exact decimals up to 15 significant digits are stored as numbers (so they sort and add); others as text. */
function numberCell(ref: string, text: string): string {
  if (text === "") return "";
  const digits = text.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  if (/^-?\d+(\.\d+)?$/.test(text) && digits.length <= 15) return `<c r="${ref}"><v>${text}</v></c>`;
  return inline(ref, text);
}

/** The worksheet XML of the 检查结果 sheet: the shared columns, 单元格 linking to the cell. Inline strings keep sharedStrings untouched. */
export function resultsSheetXml(findings: readonly Finding[]): string {
  const rows = resultRows(findings);
  const header = `<row r="1">${RESULT_COLUMNS.map((h, i) => inline(`${columnLetters(i)}1`, h)).join("")}</row>`;
  const body = rows
    .map((row, i) => {
      const r = i + 2;
      const texts = [row.sheet, row.cell, row.severity, row.rule, row.message];
      const cells = texts.map((t, c) => inline(`${columnLetters(c)}${r}`, t)).join("");
      return `<row r="${r}">${cells}${numberCell(`F${r}`, row.expected)}${numberCell(`G${r}`, row.actual)}${numberCell(`H${r}`, row.difference)}</row>`;
    })
    .join("");
  const links = rows
    .map((row, i) => `<hyperlink ref="B${i + 2}" location="${escapeXml(xmlSafe(row.target))}" display="${escapeXml(row.cell)}"/>`)
    .join("");
  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_RELATIONSHIPS}">` +
    `<dimension ref="A1:H${rows.length + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${header}${body}</sheetData>` +
    (links ? `<hyperlinks>${links}</hyperlinks>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

/** The results sheet a copy got: its name and its sheetId (which the copy marker records). */
export interface ResultsSheet {
  name: string;
  sheetId: number;
}

/** Rewrites an earlier copy's results sheet in place: same name, same place, these findings. */
export function replaceResultsSheet(pkg: PackageText, earlier: WorkbookSheet, findings: readonly Finding[]): ResultsSheet {
  pkg.write(earlier.part, resultsSheetXml(findings));
  return { name: earlier.name, sheetId: earlier.sheetId };
}

/** Adds the results sheet as the workbook's last sheet. */
export async function addResultsSheet(
  pkg: PackageText,
  workbookPart: string,
  sheetNames: string[],
  findings: readonly Finding[],
): Promise<ResultsSheet> {
  const name = freeSheetName(sheetNames);
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const part = pkg.freeName(`${dir}worksheets/sheet`, ".xml");
  pkg.write(part, resultsSheetXml(findings));
  await pkg.addContentType(part, CONTENT_TYPE.worksheet);
  const rid = await pkg.addRelationship(workbookPart, REL.worksheet, part);
  const xml = await pkg.need(workbookPart);
  const { root, children } = scanRoot(xml);
  const sheets = children.find((c) => c.local === "sheets");
  if (!sheets || xml.slice(sheets.start, sheets.end).endsWith("/>")) throw new MalformedPartError("workbook without sheets");
  const p = prefixOf(sheets);
  const r = nsPrefix(root.attrs, NS_RELATIONSHIPS);
  const id = r ? `${r}:id="${rid}"` : `xmlns:r="${NS_RELATIONSHIPS}" r:id="${rid}"`;
  const sheetId = maxCaptured(xml, /<(?:\w+:)?sheet\s[^>]*?sheetId="(\d+)"/g, 0) + 1;
  const entry = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${id}/>`;
  pkg.write(workbookPart, splice(xml, sheets.end - `</${sheets.name}>`.length, 0, entry));
  return { name, sheetId };
}
