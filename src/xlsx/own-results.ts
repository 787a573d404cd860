import { FIRST_RESULT_COLUMNS, RESULT_COLUMNS } from "../core/results-table";
import type { CellValue } from "../core/snapshot";
import { copyMarker } from "./marker";
import { PackageText, REL, WorkbookSheet } from "./package";
import { parseSheetCells } from "./parse/cells";
import { parseSharedStrings } from "./parse/shared-strings";

/** The names earlier versions gave the results sheet, before the marker recorded its id. */
const EARLIER_NAME = /^检查结果( \(\d+\))?$/;

/**
 * The 检查结果 sheets this tool wrote into an earlier copy of its own, oldest first: the copy
 * marker records the sheet's id (copies from before it did are known by the sheet's name), and the
 * sheet must still begin with the results columns (today's, or the first layout's), so a forged marker cannot hide a department's
 * own sheet. The reader does not check them; the patcher replaces the last one.
 */
export async function ownResultsSheets(
  pkg: PackageText,
  workbookPart: string,
  sheets: WorkbookSheet[],
): Promise<WorkbookSheet[]> {
  const marker = await copyMarker(pkg);
  if (!marker) return [];
  const named = (s: WorkbookSheet) =>
    marker.resultsSheetId === undefined ? EARLIER_NAME.test(s.name) : s.sheetId === marker.resultsSheetId;
  const candidates = sheets.filter((s) => s.part && named(s));
  if (candidates.length === 0) return [];
  // Excel turns the sheet's inline strings into shared ones when the copy is saved again.
  const stringsPart = (await pkg.relationships(workbookPart)).find((r) => r.type === REL.sharedStrings && !r.external)?.part;
  const strings = parseSharedStrings(stringsPart ? await pkg.xml(stringsPart, "sharedStrings") : null);
  const out: WorkbookSheet[] = [];
  for (const s of candidates) {
    const xml = await pkg.xml(s.part, "worksheet");
    if (xml !== null && startsWithResultColumns(xml, strings)) out.push(s);
  }
  return out;
}

function startsWithResultColumns(xml: string, sharedStrings: string[] | null): boolean {
  const header: CellValue[] = [];
  const book = { sharedStrings, isDateStyle: () => false, date1904: false };
  const width = Math.max(RESULT_COLUMNS.length, FIRST_RESULT_COLUMNS.length);
  parseSheetCells(xml, book, width, (c) => {
    if (c.row === 0) header[c.col] = c.value;
  });
  return [RESULT_COLUMNS, FIRST_RESULT_COLUMNS].some((columns) => columns.every((title, i) => header[i] === title));
}
