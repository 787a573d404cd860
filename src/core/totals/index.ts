import { CheckContext } from "../context";
import { SheetKind, StandardTable } from "../classify";
import { reportHalfSummary, reportNoSummaryTotals } from "../sheet-rules";
import { SheetView } from "../snapshot";
import { checkRowTotals, checkSharedPanelTotals } from "./row-totals";
import { checkCells } from "./cell-values";
import { checkDecimals } from "./cell-decimals";
import { checkTemplateRows } from "./template-rows";
import { checkCodeTree } from "./code-tree";
import { SheetChecker } from "./sheet-checker";
import { checkColumnTotals } from "./column-totals";
import { IdentityBook } from "../engine/book";
import { RowInfo, readRows, rowLabelColumns } from "./read/rows";
import { TABLE_IDENTITIES, TableIdentities } from "./table-identities";
import { readingOfCodes } from "./figure-codes";
import { checkHalfSummary, checkPanelBalance, checkSummary } from "./summary-balance";
import { isSummaryTotalLabel, locateHalfSummary, locateSummary } from "./read/summary-layout";
import { TableLayout, locateTables, withCountsAdded } from "./read/table-layout";
import { labelPanels } from "./read/panels";

export { registerCrossTables } from "./cross-table";

/**
 * Totals, code trees, formulas and cell checks for one sheet (docs/domain.md §3, §4, §8). The sums
 * go into the workbook's identity book and are judged with every other sheet's (resolveBook);
 * what the returned checker reports now is what needs no other figure: cells, codes, layouts.
 */
export function checkTotalsSheet(
  view: SheetView,
  ctx: CheckContext,
  kind: SheetKind,
  book: IdentityBook,
  table?: StandardTable,
): SheetChecker {
  const ck = new SheetChecker(view, ctx, book);
  let summaryFound = false;
  let blocksFound = false;
  const named = table ? TABLE_IDENTITIES[table] : undefined;
  const located = locateTables(view);
  // The sums add counts up too; the cell rules below read money only.
  const tables: TableLayout[] = [];
  for (const found of located) {
    // The area is the located table's: the cross-table checks find it again by that layout.
    ck.inTable(found);
    const counted = withCountsAdded(found);
    const summary = kind === "summary" ? locateSummary(view, counted) : null;
    const half = kind === "summary" && !summary ? locateHalfSummary(view, counted) : null;
    // Where the reader took a column of figures for codes, the sums decide (figure-codes.ts).
    const money =
      summary || half
        ? found
        : readingOfCodes(view, ctx, found, (trial, layout) => {
            checkParts(trial, withCountsAdded(layout), kind, named);
            checkColumnTotals(trial, layout, named?.columnTotals);
          });
    const t = withCountsAdded(money);
    tables.push(t);
    if (summary) {
      summaryFound = true;
      checkSummary(ck, summary);
    } else if (half) {
      summaryFound = true;
      checkHalfSummary(ck, half);
      reportHalfSummary(ck.report, view, half.layout.income.yearTotalRow, half.layout.income.labelCol, half.side);
    } else if (checkParts(ck, t, kind, named)) {
      blocksFound = true;
    }
    // Across a row, money adds to money only: a count never sums into a 合计 column.
    checkColumnTotals(ck, money, named?.columnTotals);
    checkCells(ck, money);
    checkDecimals(ck, money);
    checkTemplateRows(ck, money);
  }
  checkSharedPanelTotals(ck, tables);
  if (kind === "summary" && !summaryFound && !blocksFound) reportNoSummaryTotals(ck.report, view);
  return ck;
}

/**
 * The row rules of one table, panel by panel: items and figures printed twice side by side (收入 |
 * 执行数 | 支出 | 执行数) are two panels. Returns whether some row is a total (a block was found).
 */
function checkParts(ck: SheetChecker, t: TableLayout, kind: SheetKind, named: TableIdentities | undefined): boolean {
  let blocksFound = false;
  const panels: { part: TableLayout; rows: RowInfo[] }[] = [];
  for (const part of labelPanels(t) ?? [t]) {
    const { labelCol, groupCol } = rowLabelColumns(ck.view, part);
    const rows = readRows(ck.view, part, labelCol, groupCol);
    // A 收支总表 in block form (收入构成 … 合计, 支出构成 … 合计) is read by its blocks; one that
    // shows the summary's own total rows but could not be paired is not guessed at.
    const unpaired = kind === "summary" && rows.some((r) => isSummaryTotalLabel(r.label));
    if (unpaired) continue;
    if (rows.some((r) => r.rank > 0)) blocksFound = true;
    panels.push({ part, rows });
    checkCodeTree(ck, part, rows);
    checkRowTotals(ck, part, rows, named?.rowTotals);
    named?.extra?.(ck, part, rows);
  }
  if (panels.length > 1) checkPanelBalance(ck, panels);
  return blocksFound;
}

/** True when the sheet holds at least one table the totals rules can read (a header row over data). */
export function hasCheckableTable(view: SheetView): boolean {
  return locateTables(view).length > 0;
}
