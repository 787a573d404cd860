import { MoneyUnit, detectUnit } from "../amount";
import { StandardTable, classifySheet } from "../classify";
import { SheetView } from "../snapshot";
import { AmountReader, amountsOf } from "../totals/read/amounts";
import { stripNumbering } from "../totals/read/labels";
import { RowInfo, readRows, rowLabelColumns } from "../totals/read/rows";
import { locateSummary } from "../totals/read/summary-layout";
import { TableLayout, locateTables } from "../totals/read/table-layout";
import { TimedColumn, timedColumns } from "./columns";

/** One row of a table as the comparison keys it: by its code, or by its label where there is no code. */
export interface KeyedRow {
  key: string;
  row: number;
  /** The label as the user reads it (numbering kept), for messages. */
  label: string;
  code: string | null;
  /** Total rows (合计, 总计) are compared like items, but never counted as new or gone. */
  total: boolean;
}

/** One part of a standard table that keys its rows one way: a whole table, or one half of a 收支总表. */
export interface ComparedPart {
  /** "" for a plain table; 收入 or 支出 for a half of a 收支总表. */
  side: string;
  columns: TimedColumn[];
  rows: Map<string, KeyedRow>;
}

/** A standard table of a workbook, read for comparison with the same table of another year. */
export interface ComparedTable {
  kind: StandardTable;
  view: SheetView;
  amounts: AmountReader;
  unit: MoneyUnit;
  /** The title cell, where a finding about the table as a whole lands. */
  titleCell: string;
  parts: ComparedPart[];
  /** True when the table keys its rows by classification code. */
  coded: boolean;
}

/**
 * Reads every standard table of a workbook (docs/domain.md §5) for comparison, the first sheet of
 * each kind only: two sheets of one kind could not be told apart from last year's. `year` is the
 * package's year, which decides which headed year is 上年.
 */
export function comparedTables(views: readonly SheetView[], year: number | null): Map<StandardTable, ComparedTable> {
  const out = new Map<StandardTable, ComparedTable>();
  for (const view of views) {
    if (view.rowCount === 0) continue;
    const { table: kind } = classifySheet(view);
    if (!kind || out.has(kind)) continue;
    const table = readTable(view, kind, year);
    if (table) out.set(kind, table);
  }
  return out;
}

function readTable(view: SheetView, kind: StandardTable, year: number | null): ComparedTable | null {
  const layout = locateTables(view)[0];
  if (!layout) return null;
  const parts: ComparedPart[] = [];
  const summary = kind === "收支总表" || kind === "财政拨款收支总表" ? locateSummary(view, layout) : null;
  if (summary) {
    for (const [side, half] of [
      ["收入", summary.income],
      ["支出", summary.spend],
    ] as const) {
      parts.push({ side, columns: timedColumns(layout.columns, half.amountCols, year), rows: keyRows(half.rows) });
    }
  } else {
    const { labelCol, groupCol } = rowLabelColumns(view, layout);
    parts.push({
      side: "",
      columns: timedColumns(layout.columns, layout.amountCols, year),
      rows: keyRows(readRows(view, layout, labelCol, groupCol)),
    });
  }
  const unit = detectUnit(view);
  return {
    kind,
    view,
    amounts: amountsOf(view),
    unit: unit?.unit ?? "万元",
    titleCell: titleCell(view, layout),
    parts,
    coded: layout.codeCols.length > 0,
  };
}

/**
 * Rows keyed by code, else by label with numbering and 其中 taken off and the usual spelling
 * variants folded. A key two rows share is dropped: which of them last year's row is would be a guess.
 */
function keyRows(rows: readonly RowInfo[]): Map<string, KeyedRow> {
  const out = new Map<string, KeyedRow>();
  const twice = new Set<string>();
  for (const r of rows) {
    const key = r.code ?? labelKey(r.label);
    if (key === "") continue;
    if (out.has(key)) {
      twice.add(key);
      continue;
    }
    out.set(key, { key, row: r.row, label: r.label, code: r.code, total: r.rank > 0 });
  }
  for (const key of twice) out.delete(key);
  return out;
}

/** A label as the comparison keys it: `1、因公出国(境)费用` and `（一）因公出国（境）费` are one item. */
export function labelKey(label: string): string {
  return stripNumbering(label)
    .replace(/^其中[:：]?/, "")
    .replace(/^[（(]?\d{1,2}[)）]/, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[“”"'‘’:：、，,.。]/g, "")
    .replace(/运行维护费/g, "运行费")
    .replace(/购置和运行/g, "购置及运行")
    .replace(/费用$/, "费");
}

/** The first filled cell above the header: the table's title, else the header's first cell. */
function titleCell(view: SheetView, layout: TableLayout): string {
  for (const r of view.rows()) {
    if (r >= layout.headerTop) break;
    for (const c of view.cols()) if (view.label(r, c) !== "") return view.address(r, c);
  }
  return view.address(layout.headerTop, layout.columns[0]?.col ?? view.firstCol);
}
