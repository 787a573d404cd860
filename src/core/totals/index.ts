import { CheckContext } from "../context";
import { Finding, makeFinding } from "../finding";
import { SheetKind, StandardTable } from "../classify";
import { SheetView } from "../snapshot";
import { checkRowTotals } from "./row-totals";
import { checkCells } from "./cell-values";
import { checkCodeTree } from "./code-tree";
import { SheetChecker } from "./sheet-checker";
import { checkColumnTotals } from "./column-totals";
import { checkFormulaConstants } from "./typed-totals";
import { readRows } from "./read/rows";
import { checkSangongBreakdown } from "./table-identities";
import { checkSplitCodes } from "./split-codes";
import { checkSummary, locateSummary } from "./summary-balance";
import { locateTables } from "./read/table-layout";

export { checkCrossTables } from "./cross-table";

/** Totals, code trees, formulas and cell checks for one sheet (domain.md §3, §4). */
export function checkTotalsSheet(view: SheetView, ctx: CheckContext, kind: SheetKind, table?: StandardTable): Finding[] {
  const ck = new SheetChecker(view, ctx);
  let summaryFound = false;
  for (const t of locateTables(view)) {
    const summary = kind === "summary" ? locateSummary(view, t) : null;
    if (summary) {
      summaryFound = true;
      checkSummary(ck, summary);
    } else {
      const rows = readRows(view, t, t.labelCols[0]);
      checkCodeTree(ck, t, rows);
      checkSplitCodes(ck, t);
      const sangong = table === "三公经费支出表";
      // In these tables the general identity is the named cross-table rule; one finding, one id.
      checkRowTotals(ck, t, rows, sangong ? "XT-SANGONG" : "SUM-ROW");
      if (sangong) checkSangongBreakdown(ck, t, rows);
    }
    checkColumnTotals(ck, t, table === "一般公共预算财政拨款基本支出表" ? "XT-BASIC-SPLIT" : "SUM-COL");
    checkCells(ck, t);
  }
  checkFormulaConstants(ck);
  if (kind === "summary" && !summaryFound) {
    ck.findings.push(
      makeFinding({
        rule: "LAYOUT-UNKNOWN",
        sheet: view.name,
        cell: view.address(view.firstRow, view.firstCol),
        message: `工作表「${view.name}」未找到并列的本年收入合计与本年支出合计，无法核对收支总表的平衡关系`,
      }),
    );
  }
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
