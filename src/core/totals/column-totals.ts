import { RuleId } from "../catalogue";
import { SheetChecker } from "./sheet-checker";
import { labelsOf } from "./read/label-grid";
import { totalRank } from "./read/labels";
import { checkSum } from "./sum-identity";
import { columnName, rowHasValue, rowLabelNear } from "./read/table-helpers";
import { ColumnInfo, TableLayout } from "./read/table-layout";

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
    if (totalRank(t.leaf) === 0) continue;
    const depth = t.path.length - 1;
    const parentKeys = t.path.slice(0, depth).map((p) => p.key);
    const siblings = amount.filter((c) => c.path.length > depth && parentKeys.every((k, i) => c.path[i].key === k));
    const units = groupUnits(siblings, depth);
    const at = units.findIndex((u) => u.total === t.col);
    if (at < 0) continue;
    let components = collect(units, at + 1, 1);
    if (components.length === 0) components = collect(units, at - 1, -1);
    if (components.length) out.push({ col: t.col, components });
  }
  return out;
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
  const totals = columnTotals(table);
  for (const { col, components } of totals) {
    const header = columnName(ck.view, table, col);
    const names = components.map((c) => columnName(ck.view, table, c).split("/").pop());
    const phrase = names.length > 4 ? `${names.slice(0, 3).join("、")} 等 ${names.length} 列之和` : `${names.join("、")}之和`;
    const seen = new Map<string, number>();
    const cols = [col, ...components];
    const labels = labelsOf(ck.view);
    for (let row = table.firstRow; row <= table.lastRow; row++) {
      if (!rowHasValue(ck.amounts, row, cols)) continue;
      const label = rowLabelNear(ck.view, table, row, col);
      const code = table.codeCol !== undefined ? labels.label(row, table.codeCol) : "";
      const key = code && code !== label ? `${code} ${label}` : label;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      checkSum(ck, {
        rule,
        total: { row, col },
        items: components.map((c) => ({ row, col: c })),
        subject: `${key} 的${header}`,
        itemsPhrase: phrase,
        anchor: `${n > 1 ? `${key}#${n}` : key}|${header}`,
        group: `col|${col}`,
      });
    }
  }
}
