import JSZip from "jszip";
import { MAX_CONTENT_CELLS, OccupiedCell, compactSheet } from "../core/compact-sheet";
import { CellValue, SheetSnapshot, displayText, isUncalculated } from "../core/snapshot";
import type { SkippedSheet } from "../core/report-json";
import { WorkbookReadError, asBytes, corruptError, inflatedTooLargeError, sniffWorkbookBytes } from "./errors";
import { evaluateUncalculated } from "./formulas/evaluate";
import { ownResultsSheets } from "./own-results";
import { PackageText, REL, WorkbookSheet, workbookSheets } from "./package";
import { BookContext, parseSheetCells } from "./parse/cells";
import { serialToIso, UNSHOWABLE } from "./parse/dates";
import { parseSharedStrings } from "./parse/shared-strings";
import { isDateFormat, parseCellFormats } from "./parse/styles";
import { InflateLimitError } from "./zip/inflate";

export interface ReadOptions {
  /** Check hidden and very hidden sheets too; by default they are skipped and named, as in the add-in. */
  includeHidden?: boolean;
  /** The per-sheet limit of cells with content; default MAX_CONTENT_CELLS (tests lower it). */
  maxContentCells?: number;
}

export interface WorkbookRead {
  /** The sheets to check, in workbook order. */
  snapshots: SheetSnapshot[];
  /** Hidden sheets that were skipped (empty with includeHidden). */
  hidden: string[];
  /** Sheets skipped for holding more than MAX_CONTENT_CELLS cells with content. */
  tooLarge: { name: string; cells: number; scattered?: boolean }[];
  /** This tool's own 检查结果 sheets in an earlier annotated copy (see own-results.ts): never checked. */
  ownResults?: string[];
  /** One Chinese sentence per skipped group, for the report. */
  notes: string[];
}

export { MAX_CONTENT_CELLS };

/**
 * Reads an .xlsx/.xlsm from its bytes (no file system: it runs in a browser worker too). Only the
 * parts the checker needs are unzipped and scanned: the sheet list, shared strings, number formats
 * and each sheet's cells and merges. Failures are WorkbookReadError with a one-line Chinese message.
 */
export async function readWorkbookBytes(
  data: Uint8Array | ArrayBuffer,
  label = "工作簿",
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const bytes = asBytes(data);
  sniffWorkbookBytes(bytes, label);
  const limit = options.maxContentCells ?? MAX_CONTENT_CELLS;
  const out: WorkbookRead = { snapshots: [], hidden: [], tooLarge: [], notes: [] };
  try {
    const pkg = new PackageText(await JSZip.loadAsync(bytes));
    const { workbookPart, sheets, book, formats } = await openBook(pkg, label);
    const own = await ownResultsSheets(pkg, workbookPart, sheets);
    let uncalculated = 0;
    if (own.length) out.ownResults = own.map((s) => s.name);
    for (const sheet of sheets) {
      if (own.includes(sheet)) continue;
      if (!options.includeHidden && sheet.state !== "visible") {
        out.hidden.push(sheet.name);
        continue;
      }
      const xml = await pkg.xml(sheet.part, "worksheet");
      if (xml === null) throw corruptError(label);
      const result = sheetSnapshot(sheet.name, xml, book, formats, limit);
      if ("tooLarge" in result) out.tooLarge.push({ name: sheet.name, ...result.tooLarge });
      else out.snapshots.push(result.snapshot);
      uncalculated += result.uncalculated ?? 0;
    }
    // Formulas the file holds no result for: what can be calculated exactly is, from every sheet read.
    if (uncalculated) evaluateUncalculated(out.snapshots, shownText);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    if (e instanceof InflateLimitError) throw inflatedTooLargeError(label);
    throw corruptError(label);
  }
  out.notes = skippedNotes(out, limit);
  return out;
}

export type { SkippedSheet };

/** The sheets a read left out, hidden ones first, in workbook order within each. */
export function skippedSheets(read: Pick<WorkbookRead, "hidden" | "tooLarge">): SkippedSheet[] {
  return [
    ...read.hidden.map((name) => ({ name, reason: "hidden" as const })),
    ...read.tooLarge.map((t) => ({ name: t.name, reason: "too-large" as const })),
  ];
}

/** One Chinese sentence per group of sheets that were not checked, for the report. */
export function skippedNotes(read: Pick<WorkbookRead, "hidden" | "tooLarge" | "ownResults">, limit: number): string[] {
  const notes: string[] = [];
  if (read.ownResults?.length) notes.push(`「${read.ownResults.join("」「")}」是本工具在标注副本中写出的检查结果表，未检查。`);
  if (read.hidden.length)
    notes.push(`隐藏的工作表未检查：${read.hidden.join("、")}。如需检查，请加 --include-hidden，或在 Excel 中取消隐藏。`);
  for (const t of read.tooLarge) {
    if (t.scattered) {
      notes.push(
        `工作表「${t.name}」的 ${t.cells.toLocaleString("en-US")} 个非空单元格分散在极大的范围内，无法检查，已跳过；请删除表格以外的零散内容后重试。`,
      );
      continue;
    }
    notes.push(
      `工作表「${t.name}」有 ${t.cells.toLocaleString("en-US")} 个非空单元格，超过可检查的上限 ${limit.toLocaleString("en-US")} 个，未检查；其他工作表照常检查。`,
    );
  }
  return notes;
}

async function openBook(
  pkg: PackageText,
  label: string,
): Promise<{ workbookPart: string; sheets: WorkbookSheet[]; book: BookContext; formats: string[] }> {
  // Excel refuses a package without a readable content-types part, so the checker does too: a copy
  // of it could not be written either.
  if ((await pkg.xml("[Content_Types].xml", "contentTypes")) === null) throw corruptError(label);
  const rootRels = await pkg.relationships("");
  if (rootRels.some((r) => r.type.startsWith("http://purl.oclc.org/"))) {
    throw new WorkbookReadError(
      "corrupt",
      `这是“Strict Open XML”格式的工作簿，暂不支持，请在 Excel 中另存为普通的 Excel 工作簿（.xlsx）后重试：${label}`,
    );
  }
  const { workbookPart, sheets } = await workbookSheets(pkg);
  // A sheet whose relationship is missing (or the whole relationships part) is damage, not an empty book.
  if (sheets.some((s) => s.unresolved)) throw corruptError(label);
  // Chart sheets and dialog sheets have no cells to check.
  const worksheets = sheets.filter((s) => s.part !== "");
  if (worksheets.length === 0) throw new WorkbookReadError("corrupt", `工作簿中没有工作表：${label}`);
  const rels = await pkg.relationships(workbookPart);
  const partOf = (type: string) => rels.find((r) => r.type === type && !r.external)?.part;
  const stylesPart = partOf(REL.styles);
  const stringsPart = partOf(REL.sharedStrings);
  const formats = parseCellFormats(stylesPart ? await pkg.xml(stylesPart, "styles") : null);
  const dateStyles = formats.map(isDateFormat);
  const workbookXml = (await pkg.xml(workbookPart, "workbook")) ?? "";
  const book: BookContext = {
    sharedStrings: parseSharedStrings(stringsPart ? await pkg.xml(stringsPart, "sharedStrings") : null),
    isDateStyle: (style) => dateStyles[style] ?? false,
    date1904: /<(?:[\w.-]+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml),
    fullCalcOnLoad: /<calcPr\b[^>]*\sfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(workbookXml),
  };
  return { workbookPart, sheets: worksheets, book, formats };
}

/** One worksheet as a snapshot sized by its content (see compactSheet), or too large to check. */
function sheetSnapshot(
  name: string,
  xml: string,
  book: BookContext,
  formats: string[],
  limit: number,
): ReturnType<typeof compactSheet> & { uncalculated?: number } {
  const cells: OccupiedCell[] = [];
  let uncalculated = 0;
  const read = parseSheetCells(xml, book, limit, (c) => {
    const fmt = formats[c.style] ?? "General";
    let text: string;
    // A formula without a result shows nothing until it is calculated (formulas/evaluate.ts).
    if (isUncalculated(c.value)) {
      text = "";
      uncalculated++;
    } else text = c.date && typeof c.value === "number" ? serialToIso(c.value) : shownText(c.value, fmt);
    cells.push({ row: c.row, col: c.col, value: c.value, text, formula: c.formula ? `=${c.formula}` : "", numberFormat: fmt });
  });
  if (read.count > limit) return { tooLarge: { cells: read.count } };
  return { ...compactSheet(name, cells, read.merges, limit), uncalculated };
}

/**
 * A value under its number format; "####", as Excel shows it, when the format asks for more than
 * JavaScript renders (over 100 decimals): the cell is shown that way and the sheet still checked.
 */
function shownText(value: CellValue, fmt: string): string {
  try {
    return displayText(value, fmt);
  } catch (e) {
    if (e instanceof RangeError) return UNSHOWABLE;
    throw e;
  }
}
