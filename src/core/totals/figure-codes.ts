import { CheckContext } from "../context";
import { explainsMore, score } from "../engine/choose";
import { IdentityBook } from "../engine/book";
import { SheetView } from "../snapshot";
import { TableLayout, isCodeHeaded, readAsAmounts } from "./read/table-layout";
import { SheetChecker } from "./sheet-checker";

/**
 * Structure from arithmetic (issue 16, principle 1) for a column the reader took for codes from its
 * figures alone: whole numbers of 3, 5 or 7 digits under a header that names no code (总人数 with
 * 991, 381 … 11055). The labels propose the code tree; the other reading they allow is that the
 * column holds figures, its 小计 and 合计 rows being totals. Where the code reading's sums fail or
 * hold nowhere, both are tried on a scratch book, and the figures win where more of their sums hold
 * and few fail (choose.ts, explainsMore). A header that names codes (编码, 代码, 类 / 款 / 项) settles it.
 */
export function readingOfCodes(
  view: SheetView,
  ctx: CheckContext,
  table: TableLayout,
  sums: (ck: SheetChecker, layout: TableLayout) => void,
): TableLayout {
  const guessed = table.columns.filter((c) => c.role === "code" && !isCodeHeaded(c) && holdsFigures(view, table, c.col));
  if (guessed.length === 0) return table;
  const asCodes = trial(view, ctx, table, sums);
  // A code reading whose sums all hold stands; one that sums nothing explains nothing either.
  if (asCodes.failing === 0 && asCodes.holding > 0) return table;
  const figures = readAsAmounts(table, (c) => guessed.includes(c));
  return explainsMore(trial(view, ctx, figures, sums), asCodes) ? figures : table;
}

/** A column whose filled cells are all numbers: codes typed as text (`2010101`, `01`) stay codes. */
function holdsFigures(view: SheetView, table: TableLayout, col: number): boolean {
  for (let r = table.firstRow; r <= table.lastRow; r = view.nextRow(r)) {
    const v = view.value(r, col);
    if (v !== null && v !== "" && typeof v !== "number") return false;
  }
  return true;
}

/** How the sums of one reading fare, registered on a book of their own and then dropped. */
function trial(view: SheetView, ctx: CheckContext, layout: TableLayout, sums: (ck: SheetChecker, layout: TableLayout) => void) {
  const book = new IdentityBook();
  const ck = new SheetChecker(view, ctx, book);
  ck.inTable(layout);
  sums(ck, layout);
  return score(book.identities, book.value);
}
