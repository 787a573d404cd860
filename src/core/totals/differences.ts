import { RuleId } from "../catalogue";
import { SumSpec } from "../engine/book";
import { SheetChecker } from "./sheet-checker";
import { isRateLabel } from "./read/labels";
import { columnName, rowLabelNear } from "./read/table-helpers";
import { ColumnInfo, TableLayout } from "./read/table-layout";

/** A column of changes against another period: 增减, 增、减金额, 比上年增减额, 增（减）. */
const CHANGE = /增减|增、减|增[(（]减[)）]|较上年|比上年|变动额|差额/;
/** A column of the earlier period. */
const PRIOR = /上年|上期|去年|年初/;

/**
 * A 增减 column beside two period columns (上年 | 本年 | 增减): in every row where it is filled,
 * 本年 = 上年 + 增减 (docs/domain.md §4). Which period is which comes from the headers (上年, the
 * earlier year), else the nearer column is this year's. A family: tables that compute the change
 * otherwise are not judged on it (src/core/engine/resolve.ts). Each row's identity crosses the
 * column sums, so a wrong figure in any of the three columns is found at its cell.
 */
export function checkDifferences(ck: SheetChecker, table: TableLayout, rule: RuleId): void {
  const amount = table.columns.filter((c) => c.role === "amount");
  const specs: SumSpec[] = [];
  for (let i = 2; i < amount.length; i++) {
    const change = amount[i];
    if (!CHANGE.test(change.header) || change.path.some((p) => isRateLabel(p.label))) continue;
    const [now, before] = periods(amount[i - 2], amount[i - 1]);
    for (let row = table.firstRow; row <= table.lastRow; row = ck.view.nextRow(row)) {
      if (ck.amounts.isEmpty(row, change.col)) continue;
      specs.push({
        rule,
        total: { row, col: now.col },
        items: [
          { row, col: before.col },
          { row, col: change.col },
        ],
        names: () => {
          const label = rowLabelNear(ck.view, table, row, now.col);
          const header = columnName(ck.view, table, now.col);
          return {
            subject: `${label} 的${header}`,
            itemsPhrase: `${columnName(ck.view, table, before.col)}加${columnName(ck.view, table, change.col)}`,
            anchor: `${label}|${header}|增减`,
          };
        },
        group: `change|${change.col}`,
        skipFormula: true,
      });
    }
  }
  ck.family("difference", specs);
}

/** [this period, the earlier one] of two neighbouring columns. */
function periods(left: ColumnInfo, right: ColumnInfo): [ColumnInfo, ColumnInfo] {
  if (PRIOR.test(left.header) && !PRIOR.test(right.header)) return [right, left];
  if (PRIOR.test(right.header) && !PRIOR.test(left.header)) return [left, right];
  const year = (c: ColumnInfo) => Number(/(\d{4})年/.exec(c.header)?.[1] ?? NaN);
  if (year(left) > year(right)) return [left, right];
  return [right, left];
}
