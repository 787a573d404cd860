import { columnLetters } from "../core/address";
import { Finding } from "../core/finding";
import { AMOUNT_FORMAT, LINK_COLUMN, RESULT_SHEET_NAME, RESULT_TABLE, resultRows } from "../core/results-table";
import { CellFormats } from "./cell-styles";
import { CONTENT_TYPE, NS_RELATIONSHIPS, PackageText, REL, WorkbookSheet } from "./package";
import { escapeXml, MalformedPartError, maxCaptured, nsPrefix, prefixOf, scanRoot, splice, xmlSafe } from "./xml";

/** A sheet name not yet taken (Excel compares names case-insensitively): 检查结果, 检查结果 (2), … */
export function freeSheetName(taken: string[], base = RESULT_SHEET_NAME): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!lower.has(`${base} (${n})`.toLowerCase())) return `${base} (${n})`;
}

/** Excel holds 32,767 characters in a cell. */
const MAX_CELL_CHARS = 32_000;
const fit = (text: string) => (text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text);
const styleAttr = (s: number | undefined) => (s ? ` s="${s}"` : "");
const inline = (ref: string, text: string, s?: number) =>
  `<c r="${ref}"${styleAttr(s)} t="inlineStr"><is><t xml:space="preserve">${escapeXml(xmlSafe(fit(text)))}</t></is></c>`;

function cell(ref: string, value: string | number | null, s?: number): string {
  if (value === null || value === "") return "";
  return typeof value === "number" ? `<c r="${ref}"${styleAttr(s)}><v>${value}</v></c>` : inline(ref, value, s);
}

/** The cell formats the sheet uses: a bold header, amounts `#,##0.00` (0: the workbook's default). */
export interface ResultStyles {
  header: number;
  amount: number;
}

/**
 * The worksheet XML of the 检查结果 sheet, rendering the shared layout (RESULT_TABLE, TABLE_LAYOUT):
 * widths, a frozen bold header with a filter, rows in severity order, amounts `#,##0.00`, 单元格
 * linking to the cell (a line of a 说明 given beside the workbook is named by its line, unlinked). Inline strings keep sharedStrings untouched.
 */
export function resultsSheetXml(findings: readonly Finding[], styles: ResultStyles = { header: 0, amount: 0 }): string {
  const rows = resultRows(findings);
  const last = columnLetters(RESULT_TABLE.length - 1);
  const header = `<row r="1">${RESULT_TABLE.map((c, i) => inline(`${columnLetters(i)}1`, c.header, styles.header)).join("")}</row>`;
  const body = rows
    .map((row, i) => {
      const r = i + 2;
      const cells = RESULT_TABLE.map((c, j) =>
        cell(`${columnLetters(j)}${r}`, c.value(row), c.kind === "amount" ? styles.amount : undefined),
      );
      return `<row r="${r}">${cells.join("")}</row>`;
    })
    .join("");
  const linkCol = columnLetters(LINK_COLUMN);
  const links = rows
    .map((row, i) =>
      row.target === null
        ? ""
        : `<hyperlink ref="${linkCol}${i + 2}" location="${escapeXml(xmlSafe(row.target))}" display="${escapeXml(row.cell)}"/>`,
    )
    .join("");
  const cols = RESULT_TABLE.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_RELATIONSHIPS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${last}${rows.length + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${header}${body}</sheetData>` +
    `<autoFilter ref="A1:${last}${rows.length + 1}"/>` +
    (links ? `<hyperlinks>${links}</hyperlinks>` : "") +
    `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`
  );
}

/** The results sheet a copy got: its name and its sheetId (which the copy marker records). */
export interface ResultsSheet {
  name: string;
  sheetId: number;
}

/**
 * The header and amount formats, made in the workbook's styles part. A styles part without the
 * lists a format needs (a hand-made package with no fonts, say) leaves that one at the default:
 * the copy is still written, only plainer.
 */
async function resultStyles(pkg: PackageText, stylesPart: string | undefined): Promise<ResultStyles | undefined> {
  if (!stylesPart) return undefined;
  const formats = new CellFormats(pkg, stylesPart);
  const made = (change: Parameters<CellFormats["derive"]>[1]) =>
    formats.derive(0, change).catch((e: unknown) => {
      if (e instanceof MalformedPartError) return 0;
      throw e;
    });
  return { header: await made({ bold: true }), amount: await made({ numberFormat: AMOUNT_FORMAT }) };
}

/** Rewrites an earlier copy's results sheet in place: same name, same place, these findings. */
export async function replaceResultsSheet(
  pkg: PackageText,
  workbookPart: string,
  earlier: WorkbookSheet,
  index: number,
  findings: readonly Finding[],
  stylesPart?: string,
): Promise<ResultsSheet> {
  pkg.write(earlier.part, resultsSheetXml(findings, await resultStyles(pkg, stylesPart)));
  const xml = await pkg.need(workbookPart);
  pkg.write(workbookPart, withSheetNames(xml, index, earlier.name, findings.length));
  return { name: earlier.name, sheetId: earlier.sheetId };
}

/** Adds the results sheet as the workbook's last sheet. */
export async function addResultsSheet(
  pkg: PackageText,
  workbookPart: string,
  sheetNames: string[],
  findings: readonly Finding[],
  stylesPart?: string,
): Promise<ResultsSheet> {
  const name = freeSheetName(sheetNames);
  const dir = workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1);
  const part = pkg.freeName(`${dir}worksheets/sheet`, ".xml");
  pkg.write(part, resultsSheetXml(findings, await resultStyles(pkg, stylesPart)));
  await pkg.addContentType(part, CONTENT_TYPE.worksheet);
  const rid = await pkg.addRelationship(workbookPart, REL.worksheet, part);
  let xml = await pkg.need(workbookPart);
  const { root, children } = scanRoot(xml);
  const sheets = children.find((c) => c.local === "sheets");
  if (!sheets || xml.slice(sheets.start, sheets.end).endsWith("/>")) throw new MalformedPartError("workbook without sheets");
  const p = prefixOf(sheets);
  const r = nsPrefix(root.attrs, NS_RELATIONSHIPS);
  const id = r ? `${r}:id="${rid}"` : `xmlns:r="${NS_RELATIONSHIPS}" r:id="${rid}"`;
  const sheetId = maxCaptured(xml, /<(?:\w+:)?sheet\s[^>]*?sheetId="(\d+)"/g, 0) + 1;
  const entry = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${id}/>`;
  xml = splice(xml, sheets.end - `</${sheets.name}>`.length, 0, entry);
  const index = (xml.slice(sheets.start, sheets.end + entry.length).match(/<(?:\w+:)?sheet\s/g) ?? []).length - 1;
  pkg.write(workbookPart, withSheetNames(xml, index, name, findings.length));
  return { name, sheetId };
}

/**
 * The filter's range and the header repeated on every printed page, as Excel names them, for the
 * sheet at `index`; an earlier copy's names for that sheet are replaced.
 */
function withSheetNames(xml: string, index: number, name: string, findings: number): string {
  const p = prefixOf(scanRoot(xml).root);
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const last = columnLetters(RESULT_TABLE.length - 1);
  const own = new RegExp(
    `<(?:\\w+:)?definedName\\s[^>]*?name="_xlnm\\.(?:_FilterDatabase|Print_Titles)"[^>]*?localSheetId="${index}"[^>]*>[^<]*</(?:\\w+:)?definedName>`,
    "g",
  );
  return addDefinedNames(xml.replace(own, ""), p, [
    `<${p}definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(`${quoted}!$A$1:$${last}$${findings + 1}`)}</${p}definedName>`,
    `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${quoted}!$1:$1`)}</${p}definedName>`,
  ]);
}

/** Appends defined names to workbook.xml, creating <definedNames> where the schema puts it (after sheets and external references). */
function addDefinedNames(xml: string, p: string, names: string[]): string {
  const { children } = scanRoot(xml);
  const existing = children.find((c) => c.local === "definedNames");
  if (existing) {
    if (xml.slice(existing.start, existing.end).endsWith("/>"))
      return splice(xml, existing.start, existing.end - existing.start, `<${existing.name}>${names.join("")}</${existing.name}>`);
    return splice(xml, existing.end - `</${existing.name}>`.length, 0, names.join(""));
  }
  const after = [...children].reverse().find((c) => ["sheets", "functionGroups", "externalReferences"].includes(c.local))!;
  return splice(xml, after.end, 0, `<${p}definedNames>${names.join("")}</${p}definedNames>`);
}
