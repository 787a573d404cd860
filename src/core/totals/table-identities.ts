import { withColumn } from "../excerpt";
import { RuleId } from "../catalogue";
import { StandardTable } from "../classify";
import { compactLabel } from "../snapshot";
import { SheetChecker } from "./sheet-checker";
import { stripNumbering } from "./read/labels";
import { RowInfo } from "./read/rows";
import { columnName } from "./read/table-helpers";
import { TableLayout } from "./read/table-layout";

/** How a standard table's own identities are named, where it differs from SUM-ROW and SUM-COL. */
export interface TableIdentities {
  /** The rule for its 合计/小计 rows. */
  rowTotals?: RuleId;
  /** The rule for its 合计/小计 columns. */
  columnTotals?: RuleId;
  /** Identities of the table beyond its totals. */
  extra?: (ck: SheetChecker, table: TableLayout, rows: RowInfo[]) => void;
}

/**
 * In these tables the general identity is the named cross-table rule (docs/domain.md §5): one wrong
 * figure, one finding, one id. The 三公 table's total row is XT-SANGONG, and so are its complete
 * 其中 breakdowns and, in tables with a column per item (合计 | 因公出国 | 公务用车 …), its 合计 columns; the 基本支出表's 合计 column (人员经费 + 公用经费) is XT-BASIC-SPLIT.
 */
export const TABLE_IDENTITIES: Partial<Record<StandardTable, TableIdentities>> = {
  三公经费支出表: { rowTotals: "XT-SANGONG", columnTotals: "XT-SANGONG", extra: checkSangongBreakdown },
  一般公共预算财政拨款基本支出表: { columnTotals: "XT-BASIC-SPLIT" },
};

/** The 三公 items whose `其中` rows are a complete breakdown: 购置费 + 运行维护费, 教学科研 + 其他. */
const COMPLETE_BREAKDOWN = /公务用车|因公出国/;

/**
 * XT-SANGONG inside the 三公 table: 公务用车购置及运维费 = 公务用车购置费 + 公务用车运行维护费
 * (and 因公出国（境）费 = its two 其中 rows). Other `其中` rows are partial and never summed.
 */
function checkSangongBreakdown(ck: SheetChecker, table: TableLayout, rows: RowInfo[]): void {
  for (let i = 0; i < rows.length; i++) {
    const parent = rows[i];
    if (parent.breakdown || parent.rank > 0 || !COMPLETE_BREAKDOWN.test(parent.label)) continue;
    const parts: RowInfo[] = [];
    // Blank padding rows between the item and its 其中 rows, or among them, end nothing.
    const blank = (r: RowInfo) => r.label === "" && table.amountCols.every((c) => ck.isEmpty(r.row, c));
    for (let j = i + 1; j < rows.length && (rows[j].breakdown || blank(rows[j])); j++) if (rows[j].breakdown) parts.push(rows[j]);
    if (parts.length < 2) continue;
    const name = stripNumbering(parent.label);
    const names = parts.map((p) => stripNumbering(compactLabel(p.label).replace(/^其中[:：]?/, "")));
    for (const col of table.amountCols) {
      ck.sum({
        rule: "XT-SANGONG",
        total: { row: parent.row, col },
        items: parts.map((p) => ({ row: p.row, col })),
        names: () => {
          const header = columnName(ck.view, table, col);
          return {
            subject: table.amountCols.length > 1 ? withColumn(name, header) : name,
            itemsPhrase: `${names.join("、")}之和`,
            anchor: `${name}|${header}`,
          };
        },
        group: `breakdown|${col}`,
      });
    }
  }
}
