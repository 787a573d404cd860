import { CheckContext } from "../context";
import { Finding } from "../finding";
import { SheetKind, StandardTable } from "../classify";
import { reportNoSummaryTotals } from "../sheet-rules";
import { SheetView } from "../snapshot";
import { checkRowTotals } from "./row-totals";
import { checkCells } from "./cell-values";
import { checkCodeTree } from "./code-tree";
import { SheetChecker } from "./sheet-checker";
import { checkColumnTotals } from "./column-totals";
import { checkFormulaConstants } from "./typed-totals";
import { readRows } from "./read/rows";
import { checkSplitCodes } from "./split-codes";
import { TABLE_IDENTITIES } from "./table-identities";
import { checkSummary } from "./summary-balance";
import { locateSummary } from "./read/summary-layout";
import { locateTables } from "./read/table-layout";

export { checkCrossTables } from "./cross-table";

/** Totals, code trees, formulas and cell checks for one sheet (docs/domain.md §3, §4). */
export function checkTotalsSheet(view: SheetView, ctx: CheckContext, kind: SheetKind, table?: StandardTable): Finding[] {
  const ck = new SheetChecker(view, ctx);
  let summaryFound = false;
  const named = table ? TABLE_IDENTITIES[table] : undefined;
  for (const t of locateTables(view)) {
    const summary = kind === "summary" ? locateSummary(view, t) : null;
    if (summary) {
      summaryFound = true;
      checkSummary(ck, summary);
    } else {
      const rows = readRows(view, t, t.labelCols[0]);
      checkCodeTree(ck, t, rows);
      checkSplitCodes(ck, t);
      checkRowTotals(ck, t, rows, named?.rowTotals);
      named?.extra?.(ck, t, rows);
    }
    checkColumnTotals(ck, t, named?.columnTotals);
    checkCells(ck, t);
  }
  checkFormulaConstants(ck);
  if (kind === "summary" && !summaryFound) reportNoSummaryTotals(ck.report, view);
  return ck.findings;
}

/** True when the sheet holds at least one table the totals rules can read (a header row over data). */
export function hasCheckableTable(view: SheetView): boolean {
  return locateTables(view).length > 0;
}

/** Cells whose figure a sheet's findings call broken; a text number or a typed total is still a valid figure. */
export function brokenFigureCells(findings: Finding[]): Set<string> {
  return new Set(findings.filter((f) => f.rule !== "CELL-TEXTNUM" && f.rule !== "FORMULA-CONST").map((f) => f.cell));
}
