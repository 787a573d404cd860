import { withColumn } from "../excerpt";
import { RuleId } from "../catalogue";
import { SheetChecker } from "./sheet-checker";
import { RowInfo, itemRows, readRows } from "./read/rows";
import { checkSum } from "./sum-identity";
import { columnName, minOf, rowHasValue } from "./read/table-helpers";
import { TableLayout, locateTables } from "./read/table-layout";
import { SheetView } from "../snapshot";
import { labelsOf } from "./read/label-grid";
import { totalRank } from "./read/labels";

interface Entry {
  info: RowInfo;
  rank: number;
}

/**
 * SUM-ROW: each 合计/小计/总计 row equals the items of its block. A total consumes the items and
 * lower-ranked totals stacked since the previous total of its rank, so 小计 rows roll up into a
 * 合计. Tables that put the total first (code-keyed tables, the 三公 table) are read bottom-up.
 */
export function checkRowTotals(ck: SheetChecker, table: TableLayout, allRows: RowInfo[], rule: RuleId = "SUM-ROW"): void {
  const cols = table.amountCols;
  const shared = table.panel ? sharedTotalRows(ck, panelsOf(ck.view, table)) : [];
  const rows = shared.length ? allRows.filter((r) => !shared.some((s) => s.row === r.row && s.labelPanel === table)) : allRows;
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
        : itemRows(
            popped.filter((e) => e.rank === 0).map((e) => e.info),
            hasValue,
          );
      const members = [...subtotals, ...items].sort((a, b) => a.row - b.row);
      if (members.length)
        checkBlock(ck, table, info, members, rule, codeRows.length > 0, subtotals.length > 0 && items.length === 0, seen);
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
      subject: table.amountCols.length > 1 ? withColumn(total.label, header) : total.label,
      itemsPhrase: phrase,
      anchor: `${label}|${header}`,
      group: `row|${col}`,
    });
  }
}

/** The panels that sit side by side with a table (itself included), left to right. */
function panelsOf(view: SheetView, table: TableLayout): TableLayout[] {
  return locateTables(view).filter((t) => t.panel && t.headerTop === table.headerTop && t.firstRow === table.firstRow);
}

interface SharedRow {
  row: number;
  /** The panel whose label names the total, with no figure beside it. */
  labelPanel: TableLayout;
  /** The panel holding the figure, with no label of its own. */
  amountPanel: TableLayout;
  amountCol: number;
  label: string;
}

/** Total rows labelled in one panel and filled in another: one 合计 for the whole table. */
function sharedTotalRows(ck: SheetChecker, panels: TableLayout[]): SharedRow[] {
  if (panels.length < 2) return [];
  const labels = labelsOf(ck.view);
  const labelIn = (t: TableLayout, row: number) => t.labelCols.map((c) => labels.label(row, c)).find((l) => l !== "") ?? "";
  const out: SharedRow[] = [];
  const first = panels[0];
  for (let row = first.firstRow; row <= first.lastRow; row = ck.view.nextRow(row)) {
    const named = panels.filter((t) => totalRank(labelIn(t, row)) > 0);
    if (named.length !== 1 || rowHasValue(ck.amounts, row, named[0].amountCols)) continue;
    const filled = panels.filter((t) => t !== named[0] && labelIn(t, row) === "" && rowHasValue(ck.amounts, row, t.amountCols));
    if (filled.length !== 1 || filled[0].amountCols.length !== 1) continue;
    out.push({
      row,
      labelPanel: named[0],
      amountPanel: filled[0],
      amountCol: filled[0].amountCols[0],
      label: labelIn(named[0], row),
    });
  }
  return out;
}

/** A 合计 shared by the panels equals the 类 rows (or items) of all panels together. */
export function checkSharedPanelTotals(ck: SheetChecker, tables: TableLayout[]): void {
  const seen = new Set<number>();
  for (const t of tables) {
    if (!t.panel || t.panel.index !== 0 || seen.has(t.headerTop)) continue;
    seen.add(t.headerTop);
    const panels = panelsOf(ck.view, t);
    for (const shared of sharedTotalRows(ck, panels)) {
      const items = panels.flatMap((p) => {
        const rows = readRows(ck.view, p, p.labelCols[0]).filter((r) => r.row < shared.row);
        const coded = rows.filter((r) => r.code);
        const top = minOf(coded, (r) => r.code!.length);
        const members = coded.length
          ? coded.filter((r) => r.code!.length === top)
          : itemRows(rows, (row) => rowHasValue(ck.amounts, row, p.amountCols));
        return p.amountCols.length === 1 ? members.map((m) => ({ row: m.row, col: p.amountCols[0] })) : [];
      });
      checkSum(ck, {
        rule: "SUM-ROW",
        total: { row: shared.row, col: shared.amountCol },
        items,
        subject: shared.label,
        itemsPhrase: "各栏类级科目之和",
        anchor: `${shared.label}|各栏`,
        group: `row|${shared.amountCol}`,
      });
    }
  }
}
