import { quoted } from "../excerpt";
import { isPlaceholderName } from "../indicators/read/placeholders";
import { placeholderIn, promptIn } from "../package/leftover";
import { SheetChecker } from "./sheet-checker";
import { TableLayout } from "./read/table-layout";

/**
 * TABLE-PLACEHOLDER (docs/domain.md §6, issue 16): an amount table's template rows the writer never
 * filled in nor deleted (本级单位**, XX单位, 某某, ……, （此处填写单位名称）), one info for the table rather
 * than one per row, as IND-PLACEHOLDER does for an indicator form; the package's PKG-LEFTOVER does not
 * repeat them cell by cell (check.ts). A row counts only when every amount cell is
 * empty: a placeholder name with figures is a filled row whose name is wrong, not a row to delete.
 * The placeholders are the ones the package and the indicator forms know (package/leftover.ts,
 * indicators/read/placeholders.ts): there is one list of them.
 */
export function checkTemplateRows(ck: SheetChecker, table: TableLayout): void {
  const { view } = ck;
  const found: { row: number; col: number; text: string }[] = [];
  for (let row = table.firstRow; row <= table.lastRow; row = view.nextRow(row)) {
    const label = firstLabel(ck, table, row);
    if (!label || !isTemplateName(label.text)) continue;
    if (table.amountCols.some((col) => !ck.amounts.isEmpty(row, col))) continue;
    found.push({ row, ...label });
  }
  if (found.length === 0) return;
  const [first, ...rest] = found;
  ck.report.add({
    rule: "TABLE-PLACEHOLDER",
    cell: view.address(first.row, first.col),
    related: rest.map((r) => view.address(r.row, r.col)),
    anchor: `${first.text}|占位行`,
    message: `${found.length} 行模板占位行（${quoted(first.text, 12)}${found.length > 1 ? "等" : ""}）未填写金额，可删除；如需保留，请填上实际单位和金额`,
  });
}

function firstLabel(ck: SheetChecker, table: TableLayout, row: number): { col: number; text: string } | null {
  for (const col of table.labelCols) {
    const v = ck.view.value(row, col);
    if (typeof v === "string" && v.trim() !== "") return { col, text: v.trim() };
  }
  return null;
}

function isTemplateName(text: string): boolean {
  return isPlaceholderName(text) || placeholderIn(text) !== null || promptIn(text) !== null;
}
