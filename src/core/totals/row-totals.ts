import { withColumn } from "../excerpt";
import { RuleId } from "../catalogue";
import { SheetChecker } from "./sheet-checker";
import { RowInfo, itemRows, readRows } from "./read/rows";
import { columnName, minOf, rowHasValue } from "./read/table-helpers";
import { TableLayout, locateTables } from "./read/table-layout";
import { SheetView } from "../snapshot";
import { labelsOf } from "./read/label-grid";
import { stripNumbering, totalRank } from "./read/labels";
import { Decimal } from "../amount";
import { SumSpec } from "../engine/book";
import { breakdownSpecs, checkOutline } from "./outline";

const ZERO = new Decimal(0);

interface Entry {
  info: RowInfo;
  rank: number;
}

/**
 * SUM-ROW: each 合计/小计/总计 row equals the items of its block. A total consumes the items and
 * lower-ranked totals stacked since the previous total of its rank, so 小计 rows roll up into a
 * 合计. Tables that put the total first (code-keyed tables, the 三公 table) are read bottom-up.
 * Where that reading fails, the other direction and a mixed one (a 合计 on top over 小计 rows
 * that follow their items) are tried: the reading whose sums hold best wins (choose.ts).
 */
export function checkRowTotals(ck: SheetChecker, table: TableLayout, allRows: RowInfo[], rule: RuleId = "SUM-ROW"): void {
  // The outline's sums are row totals too, suggested by numbering rather than labelled.
  checkOutline(ck, table, allRows, rule);
  const shared = table.panel ? sharedTotalRows(ck, panelsOf(ck.view, table)) : [];
  const rows = shared.length ? allRows.filter((r) => !shared.some((s) => s.row === r.row && s.labelPanel === table)) : allRows;
  checkTotalRows(ck, table, rows, rule);
}

/**
 * The labelled totals among these rows (合计, 小计, 总计), each over the rows of its block, in the
 * table's amount columns: the stack reading, and where it fails, the others (see checkRowTotals).
 * A 收支总表's side runs it over the rows above its 本年合计, whose 小计 rows are blocks too.
 */
export function checkTotalRows(ck: SheetChecker, table: TableLayout, rows: RowInfo[], rule: RuleId = "SUM-ROW"): void {
  const cols = table.amountCols;
  if (cols.length === 0) return;
  const hasValue = (row: number) => rowHasValue(ck.amounts, row, cols);
  const codeRows = rows.filter((r) => r.code);
  const topCodeLength = minOf(codeRows, (r) => r.code!.length);
  const coded = codeRows.length > 0;
  const isItem = (r: RowInfo) => (coded ? r.code?.length === topCodeLength : !r.code && r.rank === 0 && !r.breakdown);
  const pick = (entries: Entry[]) => {
    const items = entries.filter((e) => e.rank === 0).map((e) => e.info);
    return coded ? items : itemRows(items, hasValue);
  };

  const firstTotal = rows.findIndex((r) => r.rank > 0);
  if (firstTotal < 0) return;
  // A blank padding row is no item: one above a 合计 on top must not turn the reading top-down.
  const firstItem = rows.findIndex((r) => isItem(r) && (r.label !== "" || hasValue(r.row)));
  const totalFirst = firstItem >= 0 && firstTotal < firstItem;
  const readings = [blocksOf(totalFirst ? [...rows].reverse() : rows, isItem, pick)];
  const register = (blocks: Block[]) => {
    const seen = new Map<string, number>();
    for (const b of blocks) checkBlock(ck, table, b, rule, coded, seen);
  };
  const block = (total: RowInfo, entries: Entry[]): Block => {
    const subtotals = entries.filter((e) => e.rank > 0).map((e) => e.info);
    const items = pick(entries);
    return { total, members: [...subtotals, ...items].sort((a, b) => a.row - b.row), ofSubtotals: false };
  };
  // Where a 小计 does not add all the items stacked above it, the fewest left out that make it hold
  // in the most columns: one wrong figure in one column must not hide the block the others show.
  const fit = (total: RowInfo, popped: Entry[]) => {
    const failing = (from: number) => ck.failing(blockSums(ck, table, block(total, popped.slice(from)), rule, coded, ""));
    let best = 0;
    let least = failing(0);
    for (let from = 1; from < popped.length && least > 0; from++) {
      const n = failing(from);
      if (n < least) [best, least] = [from, n];
    }
    return best;
  };
  const fails = (blocks: Block[]) => ck.failing(blocks.flatMap((b) => blockSums(ck, table, b, rule, coded, ""))) > 0;
  if (coded) {
    if (table.panel && fails(readings[0])) return acrossPanels(ck, table, readings[0], rule, register);
    return register(readings[0]);
  }
  if (fails(readings[0]))
    readings.push(
      blocksOf(totalFirst ? rows : [...rows].reverse(), isItem, pick),
      headedBlocks(rows, isItem, pick, fit, false),
      headedBlocks(rows, isItem, pick, fit, true),
    );
  if (readings.length === 1) return register(readings[0]);
  // A reading that leaves a total with a figure adding nothing explains less of the table: only
  // the readings that give every such total its rows are compared.
  const filled = rows.filter((r) => r.rank > 0 && hasValue(r.row)).length;
  const full = readings.filter((blocks) => blocks.filter((b) => hasValue(b.total.row)).length >= filled);
  const pool = full.length ? full : readings;
  register(pool[ck.best(pool.map((blocks) => blocks.flatMap((b) => blockSums(ck, table, b, rule, coded, ""))))]);
}

/**
 * A code-keyed table printed in panels whose 合计 row stands in one panel but adds the 类 rows of
 * all (a long table wrapped into two): tried where the panel's own 类 rows do not make it hold.
 * The other panels' figures are taken from the column at the same place among their amount columns.
 */
function acrossPanels(ck: SheetChecker, table: TableLayout, blocks: Block[], rule: RuleId, register: (b: Block[]) => void): void {
  const others = panelsOf(ck.view, table).filter((p) => p.panel?.index !== table.panel?.index);
  const tops = others.map((p) => {
    const coded = readRows(ck.view, p, p.labelCols[0]).filter((r) => r.code);
    const top = minOf(coded, (r) => r.code!.length);
    return { p, rows: coded.filter((r) => r.code!.length === top) };
  });
  const own = blocks.flatMap((b) => blockSums(ck, table, b, rule, true, ""));
  const wide = blocks.flatMap((b) =>
    blockSums(ck, table, b, rule, true, "").map((spec, k) =>
      b.total.rank < 2
        ? spec
        : {
            ...spec,
            items: [
              ...spec.items,
              ...tops.flatMap(({ p, rows }) =>
                p.amountCols[k] === undefined ? [] : rows.map((r) => ({ row: r.row, col: p.amountCols[k] })),
              ),
            ],
          },
    ),
  );
  if (ck.best([own, wide]) === 0) return register(blocks);
  for (const spec of wide) ck.sum(spec);
}

/** A total row and the rows it adds up. */
interface Block {
  total: RowInfo;
  members: RowInfo[];
  ofSubtotals: boolean;
}

/** The stack pass: each total takes the items and lower totals stacked since a total of its rank. */
function blocksOf(ordered: RowInfo[], isItem: (r: RowInfo) => boolean, pick: (e: Entry[]) => RowInfo[]): Block[] {
  const out: Block[] = [];
  const stack: Entry[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const info = ordered[i];
    if (info.rank > 0) {
      const popped: Entry[] = [];
      while (stack.length && stack[stack.length - 1].rank < info.rank) popped.push(stack.pop()!);
      // Popped newest first; reversing once keeps a long block linear (unshift per pop is quadratic).
      popped.reverse();
      pushBlock(out, blockOver(info, popped, pick));
      stack.push({ info, rank: info.rank });
    } else if (isItem(info)) {
      stack.push({ info, rank: 0 });
    }
  }
  return out;
}

/** The block a total closes over the entries it takes: its subtotals and picked items, in row order. */
function blockOver(total: RowInfo, taken: Entry[], pick: (e: Entry[]) => RowInfo[]): Block {
  const subtotals = taken.filter((e) => e.rank > 0).map((e) => e.info);
  const items = pick(taken);
  const members = [...subtotals, ...items].sort((a, b) => a.row - b.row);
  return { total, members, ofSubtotals: subtotals.length > 0 && items.length === 0 };
}

/** Keeps a block that adds something; false for a total of nothing. */
function pushBlock(out: Block[], block: Block): boolean {
  if (block.members.length === 0) return false;
  out.push(block);
  return true;
}

/**
 * Read top-down, with a total that finds nothing above it (a 合计 heading the table) taking what is
 * left below it, up to the next total of its rank: the 小计 rows and the items no 小计 took.
 */
function headedBlocks(
  rows: RowInfo[],
  isItem: (r: RowInfo) => boolean,
  pick: (e: Entry[]) => RowInfo[],
  fit: (total: RowInfo, popped: Entry[]) => number,
  nested: boolean,
): Block[] {
  const out: Block[] = [];
  const stack: Entry[] = [];
  const open: { info: RowInfo; at: number }[] = [];
  // Nested: a total on top is closed only by a higher one or the table's end, so a 小计 under its
  // items can sit inside a 小计 heading the block (“三公”经费小计 over 一、二、小计、三).
  const close = (upTo: number) => {
    while (open.length && (nested ? open[open.length - 1].info.rank < upTo : open[open.length - 1].info.rank <= upTo)) {
      const head = open.pop()!;
      // A total of nothing is no part of the total above it.
      if (!pushBlock(out, blockOver(head.info, stack.splice(head.at), pick))) continue;
      stack.push({ info: head.info, rank: head.info.rank });
    }
  };
  for (const info of rows) {
    if (info.rank > 0) {
      close(info.rank);
      const popped: Entry[] = [];
      const floor = open.length ? open[open.length - 1].at : 0;
      while (stack.length > floor && stack[stack.length - 1].rank < info.rank) popped.push(stack.pop()!);
      popped.reverse();
      if (popped.length === 0) {
        open.push({ info, at: stack.length });
        continue;
      }
      // A 小计 may add only the last few items above it: the rest go back to the total above.
      stack.push(...popped.splice(0, info.rank === 1 ? fit(info, popped) : 0));
      pushBlock(out, blockOver(info, popped, pick));
      stack.push({ info, rank: info.rank });
    } else if (isItem(info)) {
      stack.push({ info, rank: 0 });
    }
  }
  close(Infinity);
  return out;
}

function checkBlock(
  ck: SheetChecker,
  table: TableLayout,
  block: Block,
  rule: RuleId,
  coded: boolean,
  seen: Map<string, number>,
): void {
  const { total, members } = block;
  const n = (seen.get(total.label) ?? 0) + 1;
  seen.set(total.label, n);
  const label = n > 1 ? `${total.label}#${n}` : total.label;
  const sums = (rows: RowInfo[]) => blockSums(ck, table, { ...block, members: rows }, rule, coded, label);
  const plain = sums(members);
  const groups = coded || ck.failing(plain) === 0 ? [] : hiddenSubItems(ck, table, members);
  if (groups.length === 0) {
    for (const spec of plain) ck.sum(spec);
    return;
  }
  // Structure from arithmetic: an unnumbered item that the items right below it add up to
  // (上级补助收入 over 税收返回及转移支付补助 and 上级追加补助) may be their subtotal, which the total
  // then counts once. The reading whose sums hold wins (choose.ts).
  // Only where the total then holds better: items that happen to add up to a neighbour prove nothing.
  const inside = new Set(groups.flatMap((g) => g.children));
  const totals = sums(members.filter((m) => !inside.has(m)));
  if (ck.failing(totals) >= ck.failing(plain)) {
    for (const spec of plain) ck.sum(spec);
    return;
  }
  ck.choose([plain, [...totals, ...groups.flatMap((g) => subSums(ck, table, rule, g))]]);
}

/** The sums of a block, one per amount column. */
function blockSums(ck: SheetChecker, table: TableLayout, block: Block, rule: RuleId, coded: boolean, label: string): SumSpec[] {
  const { total, members } = block;
  const phrase = coded ? "各类级科目之和" : block.ofSubtotals ? "各小计之和" : "本块各明细行之和";
  return table.amountCols.map((col) => ({
    rule,
    total: { row: total.row, col },
    items: members.map((m) => ({ row: m.row, col })),
    names: () => {
      const header = columnName(ck.view, table, col);
      return {
        subject: table.amountCols.length > 1 ? withColumn(total.label, header) : total.label,
        itemsPhrase: phrase,
        anchor: `${label || total.label}|${header}`,
      };
    },
    group: `row|${col}`,
  }));
}

/** An item and the items right below it that add up to it in every column. */
interface HiddenGroup {
  parent: RowInfo;
  children: RowInfo[];
}

/** The most items that may follow a hidden subtotal. */
const MAX_HIDDEN = 6;

/**
 * Unnumbered items of a block that equal, in every amount column, the sum of the items right
 * below them (the longest such run, blank items included), with a figure somewhere.
 */
function hiddenSubItems(ck: SheetChecker, table: TableLayout, members: RowInfo[]): HiddenGroup[] {
  const out: HiddenGroup[] = [];
  const value = (row: number, col: number) => ck.amounts.value(row, col);
  // Rows each numbered in a 序号 column are siblings by the table's own word: none sums others.
  const serials = table.columns.filter((c) => c.role === "serial").map((c) => c.col);
  const numbered = (row: number) => serials.some((col) => typeof ck.view.value(row, col) === "number");
  for (let i = 0; i < members.length; i++) {
    const parent = members[i];
    if (parent.rank > 0 || parent.level > 0 || !rowHasValue(ck.amounts, parent.row, table.amountCols)) continue;
    const next = members[i + 1];
    if (next && numbered(parent.row) && numbered(next.row)) continue;
    let best = 0;
    for (let k = 1; k <= MAX_HIDDEN && i + k < members.length; k++) {
      const kids = members.slice(i + 1, i + 1 + k);
      if (kids.some((m) => m.rank > 0 || m.level > 0)) break;
      const adds = table.amountCols.every((col) => {
        const total = value(parent.row, col);
        let sum = ZERO;
        for (const m of kids) {
          const v = value(m.row, col);
          if (v === null || total === null) return false;
          sum = sum.plus(v);
        }
        return total!.eq(sum);
      });
      if (adds) best = k;
    }
    if (best === 0) continue;
    out.push({ parent, children: members.slice(i + 1, i + 1 + best) });
    i += best;
  }
  return out;
}

function subSums(ck: SheetChecker, table: TableLayout, rule: RuleId, g: HiddenGroup): SumSpec[] {
  return table.amountCols.map((col) => ({
    rule,
    total: { row: g.parent.row, col },
    items: g.children.map((m) => ({ row: m.row, col })),
    names: () => {
      const header = columnName(ck.view, table, col);
      const name = stripNumbering(g.parent.label);
      return {
        subject: table.amountCols.length > 1 ? withColumn(name, header) : name,
        itemsPhrase: "其下各项之和",
        anchor: `sub:${name}|${header}`,
      };
    },
    group: `sub|${col}`,
  }));
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
      ck.sum({
        rule: "SUM-ROW",
        total: { row: shared.row, col: shared.amountCol },
        items,
        names: () => ({ subject: shared.label, itemsPhrase: "各栏类级科目之和", anchor: `${shared.label}|各栏` }),
        group: `row|${shared.amountCol}`,
      });
    }
  }
}

/** The `其中` lists among these rows, in these columns, as a breakdown family of SUM-ROW (a 收支总表's side). */
export function checkBreakdowns(ck: SheetChecker, table: TableLayout, rows: RowInfo[], cols: number[]): void {
  ck.family("breakdown", breakdownSpecs(ck, table, rows, "SUM-ROW", cols));
}
