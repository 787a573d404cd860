import { RuleId } from "../catalogue";
import { SheetChecker } from "./sheet-checker";
import { labelsOf } from "./read/label-grid";
import { readRows } from "./read/rows";
import { isBreakdownLabel, totalRank } from "./read/labels";
import { compactLabel } from "../snapshot";
import { SumNames, SumSpec } from "../engine/book";
import { checkDifferences } from "./differences";
import { columnName, rowHasValue, rowLabelNear } from "./read/table-helpers";
import { ColumnInfo, TableLayout, withCountsAdded } from "./read/table-layout";

/** A column total and the columns that add up to it. */
export interface ColumnTotal {
  col: number;
  components: number[];
}

/**
 * Finds the 合计/小计 columns and their components from the header tree. Components are the
 * total's sibling columns under the same heading, up to the next sibling total; a sibling group
 * that has its own 小计 counts through that 小计 (收入总表: 合计 = 本年收入小计 + 上年结转).
 */
export function columnTotals(table: TableLayout): ColumnTotal[] {
  const amount = table.columns.filter((c) => c.role === "amount" && c.path.length > 0);
  const out: ColumnTotal[] = [];
  for (const t of amount) {
    if (totalRank(t.leaf) === 0) {
      const under = underTotalHeading(amount, t);
      if (under) out.push(under);
      continue;
    }
    const depth = t.path.length - 1;
    const parentKeys = t.path.slice(0, depth).map((p) => p.key);
    const siblings = amount.filter((c) => c.path.length > depth && parentKeys.every((k, i) => c.path[i].key === k));
    const units = groupUnits(siblings, depth);
    const at = units.findIndex((u) => u.total === t.col);
    if (at < 0) continue;
    let components = collect(units, at + 1, 1);
    if (components.length === 0) components = collect(units, at - 1, -1);
    if (components.length) out.push(...splitBasic(table, { col: t.col, components }));
  }
  return out;
}

/**
 * A flat header (合计 | 基本支出 | 人员经费 | 公用经费 | 项目支出) lists 基本支出 beside its own parts:
 * 合计 adds 基本支出 and 项目支出, and 基本支出 = 人员经费 + 公用经费 (docs/domain.md §8), never all four.
 */
function splitBasic(table: TableLayout, total: ColumnTotal): ColumnTotal[] {
  const leafOf = (c: number) => table.columns.find((x) => x.col === c)?.leaf ?? "";
  const basic = total.components.find((c) => /^基本支出$/.test(leafOf(c)));
  const parts = total.components.filter((c) => /^(人员经费|公用经费)$/.test(leafOf(c)));
  if (basic === undefined || parts.length !== 2) return [total];
  return [
    { col: total.col, components: total.components.filter((c) => !parts.includes(c)) },
    { col: basic, components: parts },
  ];
}

/**
 * A column under a 合计 or 小计 heading rather than named so itself (三公 tables: 合计 over 预算数 |
 * 决算数, 公务用车购置及运行费 / 小计 over the same pair): it totals the column of the same name under
 * each sibling heading, through a sibling's own 小计 where it has one. Null when a sibling has no
 * such column, or more than one: then what adds up to what is not clear from the header.
 */
function underTotalHeading(amount: ColumnInfo[], t: ColumnInfo): ColumnTotal | null {
  let d = -1;
  for (let i = 0; i < t.path.length - 1; i++) if (totalRank(t.path[i].label) > 0) d = i;
  if (d < 0) return null;
  const tailLength = t.path.length - d - 1;
  const tailOf = (c: ColumnInfo) =>
    c.path
      .slice(c.path.length - tailLength)
      .map((p) => p.label)
      .join("/");
  const tail = tailOf(t);
  const prefix = t.path.slice(0, d).map((p) => p.key);
  const groups = new Map<string, ColumnInfo[]>();
  for (const c of amount) {
    if (c.path.length <= d + tailLength || !prefix.every((k, i) => c.path[i].key === k)) continue;
    const node = c.path[d];
    if (node.key === t.path[d].key || totalRank(node.label) > 0) continue;
    groups.set(node.key, [...(groups.get(node.key) ?? []), c]);
  }
  const components: number[] = [];
  for (const members of groups.values()) {
    const own = members.find((m) => m.path.length === d + 2 + tailLength && totalRank(m.path[d + 1].label) > 0);
    const pool = own ? members.filter((m) => m.path[d + 1].key === own.path[d + 1].key) : members;
    const pick = pool.filter((m) => tailOf(m) === tail);
    if (pick.length !== 1) return null;
    components.push(pick[0].col);
  }
  return components.length ? { col: t.col, components: components.sort((a, b) => a - b) } : null;
}

interface Unit {
  /** Set when the unit is a single total column. */
  total?: number;
  cols: number[];
}

function groupUnits(siblings: ColumnInfo[], depth: number): Unit[] {
  const byKey = new Map<string, ColumnInfo[]>();
  for (const c of siblings) {
    const key = c.path[depth].key;
    const list = byKey.get(key) ?? [];
    list.push(c);
    byKey.set(key, list);
  }
  const units: Unit[] = [];
  for (const members of byKey.values()) {
    if (members.length === 1 && members[0].path.length === depth + 1) {
      const c = members[0];
      units.push(totalRank(c.leaf) > 0 ? { total: c.col, cols: [c.col] } : { cols: [c.col] });
      continue;
    }
    const own = members.find((m) => m.path.length === depth + 2 && totalRank(m.leaf) > 0);
    units.push({ cols: own ? [own.col] : members.map((m) => m.col) });
  }
  return units.sort((a, b) => a.cols[0] - b.cols[0]);
}

function collect(units: Unit[], from: number, step: 1 | -1): number[] {
  const cols: number[] = [];
  for (let i = from; i >= 0 && i < units.length; i += step) {
    if (units[i].total !== undefined) break;
    cols.push(...units[i].cols);
  }
  return cols.sort((a, b) => a - b);
}

/** SUM-COL: in every data row, each total column equals the sum of its component columns. */
export function checkColumnTotals(ck: SheetChecker, table: TableLayout, rule: RuleId = "SUM-COL"): void {
  // 本年 = 上年 + 增减 is a sum across the row too, whatever the table's own column rule.
  checkDifferences(ck, table, "SUM-COL");
  checkColumnBreakdowns(ck, table, "SUM-COL");
  const totals = columnTotals(table);
  // A suggested total (总人数) may add counts: the figures must bear it out, so counts may join it.
  checkTotalHeadings(ck, withCountsAdded(table), totals);
  for (const { col, components } of totals) {
    const cols = [col, ...components];
    const rows: number[] = [];
    for (let row = table.firstRow; row <= table.lastRow; row = ck.view.nextRow(row))
      if (rowHasValue(ck.amounts, row, cols)) rows.push(row);
    const group = `col|${col}`;
    for (const row of rows)
      ck.sum({
        rule,
        total: { row, col },
        items: components.map((c) => ({ row, col: c })),
        names: () => rowNames(ck, table, col, components, rows, row),
        group,
      });
  }
}

/**
 * How a row's column total is named: the row's code and label, the column's header; a key that
 * repeats among the rows checked (行政运行 under several 款) is numbered, so that ids stay apart.
 * Built only for the totals reported.
 */
function rowNames(
  ck: SheetChecker,
  table: TableLayout,
  col: number,
  components: number[],
  rows: number[],
  row: number,
): SumNames {
  const header = columnName(ck.view, table, col);
  const names = components.map((c) => columnName(ck.view, table, c).split("/").pop());
  const phrase = names.length > 4 ? `${names.slice(0, 3).join("、")} 等 ${names.length} 列之和` : `${names.join("、")}之和`;
  const { key, n } = rowKeys(ck, table, col, rows).get(row)!;
  return { subject: `${key} 的${header}`, itemsPhrase: phrase, anchor: `${n > 1 ? `${key}#${n}` : key}|${header}` };
}

/** Per list of rows checked (one per column), each row's key and its count so far: built once, not per finding. */
const keysOfRows = new WeakMap<number[], Map<number, Map<number, { key: string; n: number }>>>();

/** Each row's key (code and label) and how many rows down to it (ascending) share that key. */
function rowKeys(ck: SheetChecker, table: TableLayout, col: number, rows: number[]): Map<number, { key: string; n: number }> {
  let byCol = keysOfRows.get(rows);
  if (!byCol) keysOfRows.set(rows, (byCol = new Map()));
  let keys = byCol.get(col);
  if (keys) return keys;
  const labels = labelsOf(ck.view);
  // Split 类 / 款 / 项 columns: the row's whole code, as the code tree reads it.
  const split =
    table.codeCols.length > 1 ? new Map(readRows(ck.view, table, table.labelCols[0]).map((r) => [r.row, r.code ?? ""])) : null;
  const keyOf = (r: number) => {
    const label = rowLabelNear(ck.view, table, r, col);
    const code = split ? (split.get(r) ?? "") : table.codeCol !== undefined ? labels.label(r, table.codeCol) : "";
    return code && code !== label ? `${code} ${label}` : label;
  };
  keys = new Map();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = keyOf(r);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    keys.set(r, { key, n });
  }
  byCol.set(col, keys);
  return keys;
}

/**
 * A figure column followed by column groups headed `其中：…` (全年中央补助资金 | 其中：免学费补助 (小计 |
 * 提前下达 | 本次下达) | 其中：国家助学金 (…)): in every row, the figure may be the sum of the groups'
 * 小计 (or single columns). 其中 lists may be partial, so this is a family the figures must bear out.
 * Where every 其中 is a group of its own with a 小计 (免学费补助 小计 | 提前下达 | 本次下达), the form
 * splits the whole figure into full parts, as numbered sub-items do, and the family is likely: a
 * table of one row that fails it is still judged (a partial 其中 names single columns).
 */
function checkColumnBreakdowns(ck: SheetChecker, table: TableLayout, rule: RuleId): void {
  const amount = table.columns.filter((c) => c.role === "amount" && c.path.length > 0);
  const units: ColumnInfo[][] = [];
  for (const c of amount) {
    const last = units[units.length - 1];
    if (last && last[0].path[0].key === c.path[0].key) last.push(c);
    else units.push([c]);
  }
  const specs: SumSpec[] = [];
  const grouped: SumSpec[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    if (units[i].length !== 1 || isBreakdownLabel(units[i][0].path[0].label)) continue;
    const parts: number[] = [];
    let groups = true;
    for (let j = i + 1; j < units.length && isBreakdownLabel(units[j][0].path[0].label); j++) {
      const own = units[j].length === 1 ? units[j][0] : units[j].find((c) => totalRank(c.leaf) > 0);
      if (!own) break;
      if (units[j].length === 1) groups = false;
      parts.push(own.col);
    }
    if (parts.length < 2) continue;
    const col = units[i][0].col;
    const rows: number[] = [];
    for (let row = table.firstRow; row <= table.lastRow; row = ck.view.nextRow(row))
      if (rowHasValue(ck.amounts, row, [col, ...parts])) rows.push(row);
    const group = `col|${col}`;
    for (const row of rows)
      (groups ? grouped : specs).push({
        rule,
        total: { row, col },
        items: parts.map((c) => ({ row, col: c })),
        names: () => rowNames(ck, table, col, parts, rows, row),
        group,
      });
  }
  ck.family("column-breakdown", specs);
  ck.family("column-breakdown-groups", grouped, true);
}

/** A header that names a total without 合计, 小计 or 总计: 总人数, 总金额, 资金总额, 总数. */
const TOTAL_HEADING = /^总(?!计)|总(额|数)$/;

/** A column that closes a run of parts: a total by its header, whether or not the header says of what. */
function isTotalHeading(leaf: string): boolean {
  return totalRank(leaf) > 0 || TOTAL_HEADING.test(compactLabel(leaf));
}

/**
 * A column headed as a total whose parts the header tree does not show (总人数 | 小学 走读生 | 寄宿生 |
 * 初中 …): the labels suggest it adds the run of figure columns beside it, up to the next total
 * column; right or left, the figures choose (choose.ts). Only suggested, so its sums are a family:
 * kept where the figures bear them out, dropped where they do not (resolve.ts).
 */
function checkTotalHeadings(ck: SheetChecker, table: TableLayout, known: ColumnTotal[]): void {
  // The figure columns the table sums, whatever their role (amounts, or counts beside them).
  const figures = new Set(table.amountCols);
  const amount = table.columns.filter((c) => figures.has(c.col));
  amount.forEach((t, at) => {
    if (totalRank(t.leaf) > 0 || !TOTAL_HEADING.test(compactLabel(t.leaf)) || known.some((k) => k.col === t.col)) return;
    const run = (step: 1 | -1) => {
      const cols: number[] = [];
      for (let i = at + step; i >= 0 && i < amount.length && !isTotalHeading(amount[i].leaf); i += step) cols.push(amount[i].col);
      return cols.sort((a, b) => a - b);
    };
    const sides = [run(1), run(-1)].filter((cols) => cols.length >= 2);
    if (sides.length === 0) return;
    const specsOf = (components: number[]) => {
      const rows: number[] = [];
      // A row that leaves the total blank (a 其中 row giving only the parts) does not test the suggestion.
      for (let row = table.firstRow; row <= table.lastRow; row = ck.view.nextRow(row))
        if (!ck.amounts.isEmpty(row, t.col)) rows.push(row);
      return rows.map((row): SumSpec => ({
        rule: "SUM-COL",
        total: { row, col: t.col },
        items: components.map((c) => ({ row, col: c })),
        names: () => rowNames(ck, table, t.col, components, rows, row),
        group: `col|${t.col}`,
      }));
    };
    const readings = sides.map(specsOf);
    ck.family("total-heading", readings[readings.length > 1 ? ck.best(readings) : 0]);
  });
}
