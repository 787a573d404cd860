import { RuleId } from "../catalogue";
import { SheetChecker } from "./sheet-checker";
import { RowInfo, itemRows } from "./read/rows";
import { checkSum } from "./sum-identity";
import { columnName, minOf, rowHasValue } from "./read/table-helpers";
import { TableLayout } from "./read/table-layout";

interface Entry {
  info: RowInfo;
  rank: number;
}

/**
 * SUM-ROW: each 合计/小计/总计 row equals the items of its block. A total consumes the items and
 * lower-ranked totals stacked since the previous total of its rank, so 小计 rows roll up into a
 * 合计. Tables that put the total first (code-keyed tables, the 三公 table) are read bottom-up.
 */
export function checkRowTotals(ck: SheetChecker, table: TableLayout, rows: RowInfo[], rule: RuleId = "SUM-ROW"): void {
  const cols = table.amountCols;
  if (cols.length === 0) return;
  const hasValue = (row: number) => rowHasValue(ck.amounts, row, cols);
  const codeRows = rows.filter((r) => r.code);
  const topCodeLength = minOf(codeRows, (r) => r.code!.length);
  const isItem = (r: RowInfo) => (codeRows.length ? r.code?.length === topCodeLength : !r.code && r.rank === 0 && !r.breakdown);

  const firstTotal = rows.findIndex((r) => r.rank > 0);
  if (firstTotal < 0) return;
  const firstItem = rows.findIndex(isItem);
  const ordered = firstItem >= 0 && firstTotal < firstItem ? [...rows].reverse() : rows;

  const stack: Entry[] = [];
  const seen = new Map<string, number>();
  for (const info of ordered) {
    if (info.rank > 0) {
      const popped: Entry[] = [];
      while (stack.length && stack[stack.length - 1].rank < info.rank) popped.push(stack.pop()!);
      // Popped newest first; reversing once keeps a long block linear (unshift per pop is quadratic).
      popped.reverse();
      const subtotals = popped.filter((e) => e.rank > 0).map((e) => e.info);
      const items = codeRows.length
        ? popped.filter((e) => e.rank === 0).map((e) => e.info)
        : itemRows(popped.filter((e) => e.rank === 0).map((e) => e.info), hasValue);
      const members = [...subtotals, ...items].sort((a, b) => a.row - b.row);
      if (members.length) checkBlock(ck, table, info, members, rule, codeRows.length > 0, subtotals.length > 0 && items.length === 0, seen);
      stack.push({ info, rank: info.rank });
    } else if (isItem(info)) {
      stack.push({ info, rank: 0 });
    }
  }
}

function checkBlock(
  ck: SheetChecker,
  table: TableLayout,
  total: RowInfo,
  members: RowInfo[],
  rule: RuleId,
  coded: boolean,
  ofSubtotals: boolean,
  seen: Map<string, number>,
): void {
  const n = (seen.get(total.label) ?? 0) + 1;
  seen.set(total.label, n);
  const label = n > 1 ? `${total.label}#${n}` : total.label;
  const phrase = coded ? "各类级科目之和" : ofSubtotals ? "各小计之和" : "本块各明细行之和";
  for (const col of table.amountCols) {
    const header = columnName(ck.view, table, col);
    checkSum(ck, {
      rule,
      total: { row: total.row, col },
      items: members.map((m) => ({ row: m.row, col })),
      subject: table.amountCols.length > 1 ? `${total.label}（${header}）` : total.label,
      itemsPhrase: phrase,
      anchor: `${label}|${header}`,
      group: `row|${col}`,
    });
  }
}
