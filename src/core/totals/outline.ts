import { RuleId } from "../catalogue";
import { SumSpec } from "../engine/book";
import { SheetChecker } from "./sheet-checker";
import { isRateLabel, stripNumbering } from "./read/labels";
import { RowInfo } from "./read/rows";
import { columnName } from "./read/table-helpers";
import { TableLayout } from "./read/table-layout";

/**
 * Sums the outline suggests (docs/domain.md §4): an item numbered 一、 adds up its （一） items,
 * （一） its 1. items, and an unnumbered item followed by numbered ones (一般公共预算总收入 over
 * 一、地方收入, 二、上划中央收入 …) adds those up; a `其中` list of two rows or more may be the
 * item's complete breakdown. Real tables number partial lists too, so these are families that the
 * figures must bear out (src/core/engine/resolve.ts): a table whose numbered items do not add up
 * is not judged on them. One pass over the rows with a stack: linear in the table.
 */
export function checkOutline(ck: SheetChecker, table: TableLayout, rows: RowInfo[], rule: RuleId): void {
  if (table.amountCols.length === 0 || rows.some((r) => r.code)) return;
  const numbered: SumSpec[] = [];
  const unnumbered: SumSpec[] = [];
  const body = rows.filter((r) => r.label !== "" && !isRateLabel(r.label));
  for (let i = 0; i < body.length; i++) {
    const parent = body[i];
    if (parent.rank > 0) continue;
    const children = childrenOf(body, i);
    if (children.length > 0)
      (parent.level > 0 ? numbered : unnumbered).push(...specs(ck, table, rule, parent, children, "outline"));
  }
  ck.family("numbered", numbered, true);
  ck.family("unnumbered", unnumbered);
  ck.family("breakdown", breakdownSpecs(ck, table, body, rule, table.amountCols));
}

/**
 * The `其中` lists of two rows or more under an item, in the given columns they fill: perhaps the
 * item's complete breakdown, so a family the figures must bear out. Used by every table, the 收支总表's
 * sides too.
 */
export function breakdownSpecs(ck: SheetChecker, table: TableLayout, body: RowInfo[], rule: RuleId, cols: number[]): SumSpec[] {
  const out: SumSpec[] = [];
  for (let i = 0; i < body.length; i++) {
    const parent = body[i];
    if (parent.rank > 0 || parent.breakdown) continue;
    const block: RowInfo[] = [];
    for (let j = i + 1; j < body.length && body[j].breakdown; j++) block.push(body[j]);
    const parts = shallowest(block);
    // A column the `其中` rows leave blank throughout is not broken down by them (a 总人数 beside
    // the counts they do break down): it says nothing, as a blank breakdown of funds does.
    const broken = cols.filter((col) => parts.some((p) => !ck.isEmpty(p.row, col)));
    if (parts.length >= 2) out.push(...specs(ck, table, rule, parent, parts, "breakdown", broken));
  }
  return out;
}

/**
 * The direct children of body[i]: the rows after it, up to a total, a row numbered at its level or
 * above, or (below a numbered item) an unnumbered row. Below an item, `其中` rows are the
 * children's own breakdowns and are passed over; below a `其中` row, only the `其中` rows that
 * follow it count. Direct are those at the shallowest level among them.
 */
function childrenOf(body: RowInfo[], i: number): RowInfo[] {
  const parent = body[i];
  const under: RowInfo[] = [];
  for (let j = i + 1; j < body.length; j++) {
    const r = body[j];
    if (r.rank > 0 || (parent.breakdown && !r.breakdown)) break;
    if (r.breakdown && !parent.breakdown) continue;
    if (r.level === 0) break;
    if (parent.level > 0 && r.level <= parent.level) break;
    under.push(r);
  }
  return shallowest(under);
}

function shallowest(rows: RowInfo[]): RowInfo[] {
  let min = Infinity;
  for (const r of rows) if (r.level < min) min = r.level;
  return rows.filter((r) => r.level === min);
}

function specs(
  ck: SheetChecker,
  table: TableLayout,
  rule: RuleId,
  parent: RowInfo,
  children: RowInfo[],
  group: string,
  cols = table.amountCols,
): SumSpec[] {
  const name = stripNumbering(parent.label);
  return cols.map((col) => ({
    rule,
    total: { row: parent.row, col },
    items: children.map((c) => ({ row: c.row, col })),
    names: () => {
      const header = columnName(ck.view, table, col);
      return {
        subject: table.amountCols.length > 1 ? `${name}（${header}）` : name,
        itemsPhrase: group === "breakdown" ? "其中各项之和" : "其下各项之和",
        anchor: `${group}:${name}|${header}`,
      };
    },
    group: `${group}|${col}`,
  }));
}
