import JSZip from "jszip";
import { MAX_CONTENT_CELLS, OccupiedCell, compactSheet } from "../core/compact-sheet";
import { SheetSnapshot, displayText } from "../core/snapshot";
import type { SkippedSheet } from "../core/report-json";
import { WorkbookReadError, asBytes, corruptError, sniffWorkbookBytes } from "./errors";
import { PackageText, REL, workbookSheets } from "./package";
import { BookContext, parseSheetCells } from "./parse/cells";
import { serialToIso } from "./parse/dates";
import { parseSharedStrings } from "./parse/shared-strings";
import { isDateFormat, parseCellFormats } from "./parse/styles";

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
  /** One Chinese sentence per skipped group, for the report. */
  notes: string[];
}

export { MAX_CONTENT_CELLS };

const REL_SHARED_STRINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

interface SheetPart {
  name: string;
  part: string;
  state: string;
}

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
    const { sheets, book, formats } = await openBook(pkg, label);
    for (const sheet of sheets) {
      if (!options.includeHidden && sheet.state !== "visible") {
        out.hidden.push(sheet.name);
        continue;
      }
      const xml = await pkg.read(sheet.part);
      if (xml === null) throw corruptError(label);
      const result = sheetSnapshot(sheet.name, xml, book, formats, limit);
      if ("tooLarge" in result) out.tooLarge.push({ name: sheet.name, ...result.tooLarge });
      else out.snapshots.push(result.snapshot);
    }
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
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
export function skippedNotes(read: Pick<WorkbookRead, "hidden" | "tooLarge">, limit: number): string[] {
  const notes: string[] = [];
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

async function openBook(pkg: PackageText, label: string): Promise<{ sheets: SheetPart[]; book: BookContext; formats: string[] }> {
  const rootRels = await pkg.relationships("");
  if (rootRels.some((r) => r.type.startsWith("http://purl.oclc.org/"))) {
    throw new WorkbookReadError(
      "corrupt",
      `这是“Strict Open XML”格式的工作簿，暂不支持，请在 Excel 中另存为普通的 Excel 工作簿（.xlsx）后重试：${label}`,
    );
  }
  const { workbookPart, sheets } = await workbookSheets(pkg);
  // Chart sheets and dialog sheets have no cells to check.
  const worksheets = sheets.filter((s) => s.part !== "");
  if (worksheets.length === 0) throw new WorkbookReadError("corrupt", `工作簿中没有工作表：${label}`);
  const rels = await pkg.relationships(workbookPart);
  const partOf = (type: string) => rels.find((r) => r.type === type && !r.external)?.part;
  const stylesPart = partOf(REL.styles);
  const stringsPart = partOf(REL_SHARED_STRINGS);
  const formats = parseCellFormats(stylesPart ? await pkg.read(stylesPart) : null);
  const dateStyles = formats.map(isDateFormat);
  const workbookXml = (await pkg.read(workbookPart)) ?? "";
  const book: BookContext = {
    sharedStrings: parseSharedStrings(stringsPart ? await pkg.read(stringsPart) : null),
    isDateStyle: (style) => dateStyles[style] ?? false,
    date1904: /<(?:[\w.-]+:)?workbookPr\b[^>]*\sdate1904\s*=\s*["'](?:1|true)["']/.test(workbookXml),
  };
  return { sheets: worksheets, book, formats };
}

/** One worksheet as a snapshot sized by its content (see compactSheet), or too large to check. */
function sheetSnapshot(
  name: string,
  xml: string,
  book: BookContext,
  formats: string[],
  limit: number,
): ReturnType<typeof compactSheet> {
  const cells: OccupiedCell[] = [];
  const read = parseSheetCells(xml, book, limit, (c) => {
    const fmt = formats[c.style] ?? "General";
    const text = c.date && typeof c.value === "number" ? serialToIso(c.value) : displayText(c.value, fmt);
    cells.push({ row: c.row, col: c.col, value: c.value, text, formula: c.formula ? `=${c.formula}` : "", numberFormat: fmt });
  });
  if (read.count > limit) return { tooLarge: { cells: read.count } };
  return compactSheet(name, cells, read.merges, limit);
}
