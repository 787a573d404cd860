import { cellStyle, displayAmount } from "./display";
import { SheetChecker } from "./sheet-checker";

/**
 * FORMULA-CONST: a total typed in as a number while most totals of its kind in the table are
 * formulas. It matches today, but will not follow a later edit of its items.
 */
export function checkFormulaConstants(ck: SheetChecker): void {
  const groups = new Map<string, typeof ck.totals>();
  for (const t of ck.totals) {
    const list = groups.get(t.group) ?? [];
    list.push(t);
    groups.set(t.group, list);
  }
  for (const list of groups.values()) {
    const formulas = list.filter((t) => t.hasFormula).length;
    const constants = list.filter((t) => !t.hasFormula);
    if (formulas < 2 || constants.length === 0 || formulas <= constants.length) continue;
    for (const t of constants) {
      const value = ck.amounts.value(t.row, t.col);
      ck.report.add({
        rule: "FORMULA-CONST",
        cell: ck.view.address(t.row, t.col),
        anchor: t.anchor,
        message: `${t.subject} 是手工录入的数值${value ? ` ${displayAmount(value, cellStyle(ck.view, t.row, t.col))}` : ""}，而同类的 ${formulas} 个合计都是公式，明细变动后它不会自动更新`,
      });
    }
  }
}
