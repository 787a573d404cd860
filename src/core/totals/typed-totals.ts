import { SheetPort, SumNames } from "../engine/book";

/** A total cell that a sum rule checked, remembered for FORMULA-CONST. */
export interface CheckedTotal {
  row: number;
  col: number;
  hasFormula: boolean;
  group: string;
  names: () => SumNames;
}

/**
 * FORMULA-CONST: a total typed in as a number while most totals of its kind in the table are
 * formulas. It matches today, but will not follow a later edit of its items.
 */
export function reportFormulaConstants(sheet: SheetPort, totals: CheckedTotal[]): void {
  const groups = new Map<string, CheckedTotal[]>();
  for (const t of totals) {
    const list = groups.get(t.group) ?? [];
    list.push(t);
    groups.set(t.group, list);
  }
  for (const list of groups.values()) {
    const formulas = list.filter((t) => t.hasFormula).length;
    const constants = list.filter((t) => !t.hasFormula);
    if (formulas < 2 || constants.length === 0 || formulas <= constants.length) continue;
    for (const t of constants) {
      const value = sheet.value(t.row, t.col);
      const { subject, anchor } = t.names();
      sheet.report.add({
        rule: "FORMULA-CONST",
        cell: sheet.view.address(t.row, t.col),
        anchor,
        message: `${subject} 是手工录入的数值${value ? ` ${sheet.show(t.row, t.col)(value)}` : ""}，而同类的 ${formulas} 个合计都是公式，明细变动后它不会自动更新`,
      });
    }
  }
}
