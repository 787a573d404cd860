import { SheetView } from "../../snapshot";
import { RowCode, readRowCodes } from "./code-columns";
import { labelsOf } from "./label-grid";
import { isBreakdownLabel, isIndented, numberingLevel, stripNumbering, totalRank } from "./labels";
import { mergedLabel, minOf } from "./table-helpers";
import { TableLayout } from "./table-layout";

/** What a data row is, read from one label column. */
export interface RowInfo {
  row: number;
  /** Compact label; "" when the row has none. */
  label: string;
  code: string | null;
  /** Where the row's code is read from, and why a code part could not be read. */
  codeAt?: RowCode;
  /** Outline level from the numbering, 0 when unnumbered. */
  level: number;
  /** 小计 1, 合计 2, 总计 3; 0 for other rows. */
  rank: number;
  /** A `其中` row or one of its continuation rows: never added into a parent. */
  breakdown: boolean;
}

/** Rows already read, per table and label column; see readRows. */
const cache = new WeakMap<TableLayout, { view: SheetView; byCol: Map<string, RowInfo[]> }>();

/**
 * Reads the rows of a table along one label column. Continuation rows below `其中：…` are
 * indented, or unnumbered among numbered siblings, or numbered deeper than their parent.
 * The result is kept per table: the sheet rules and the cross-table checks read the same rows,
 * and no caller modifies them.
 */
export function readRows(view: SheetView, table: TableLayout, labelCol: number | undefined, groupCol?: number): RowInfo[] {
  let entry = cache.get(table);
  if (!entry || entry.view !== view) {
    entry = { view, byCol: new Map() };
    cache.set(table, entry);
  }
  const key = `${labelCol}|${groupCol}`;
  let rows = entry.byCol.get(key);
  if (!rows) {
    rows = scanRows(view, table, labelCol, groupCol);
    entry.byCol.set(key, rows);
  }
  return rows;
}

const indexes = new WeakMap<RowInfo[], Map<number, RowInfo>>();

/** The row's entry in a list that readRows gave (the first, as find would), through an index built once per list. */
export function rowInfoAt(rows: RowInfo[], row: number): RowInfo | undefined {
  let index = indexes.get(rows);
  if (!index) {
    index = new Map();
    for (const r of rows) if (!index.has(r.row)) index.set(r.row, r);
    indexes.set(rows, index);
  }
  return index.get(row);
}

/**
 * The label columns the row rules read: the first label column, or, where the first is a group
 * heading over the names in the second (收入构成 | 财政拨款 … 合计), the second with the first as
 * the fallback for heading rows.
 */
export function rowLabelColumns(view: SheetView, table: TableLayout): { labelCol: number | undefined; groupCol?: number } {
  const [first, second] = table.labelCols;
  if (second === undefined) return { labelCol: first };
  const grid = labelsOf(view);
  let inFirst = 0;
  let inSecond = 0;
  let totalsInSecond = 0;
  for (let r = table.firstRow; r <= table.lastRow; r = view.nextRow(r)) {
    if (grid.label(r, first) !== "") inFirst++;
    const l = grid.label(r, second);
    if (l === "") continue;
    inSecond++;
    if (totalRank(l) > 0 && grid.label(r, first) === "") totalsInSecond++;
  }
  return inSecond > inFirst && totalsInSecond > 0 ? { labelCol: second, groupCol: first } : { labelCol: first };
}

function scanRows(view: SheetView, table: TableLayout, labelCol: number | undefined, groupCol?: number): RowInfo[] {
  const grid = labelsOf(view);
  const rows: RowInfo[] = [];
  const codes = readRowCodes(view, table.codeCols, table.firstRow, table.lastRow);
  let inBreakdown = false;
  let parentLevel = 0;
  /** The name the current 其中 list opened with: a row that starts with the same words continues it. */
  let stem = "";
  for (let r = table.firstRow, i = 0; r <= table.lastRow; r = view.nextRow(r), i++) {
    const codeAt = codes[i];
    const codeText = table.codeCol === undefined ? "" : grid.label(r, table.codeCol);
    const code = codeAt.code;
    let label = labelCol === undefined ? "" : grid.label(r, labelCol);
    if (label === "" && labelCol !== undefined) label = mergedLabel(view, r, labelCol);
    if (label === "" && groupCol !== undefined) label = grid.label(r, groupCol);
    if (label === "" && !code && !codeAt.problem) label = codeText;
    if (label === "") label = roleInOtherColumn(grid, table, r, labelCol);
    const rank = code ? 0 : totalRank(label);
    // `其中：（一）…` is numbered as what follows 其中: its level places it among the other parts.
    const level = numberingLevel(withoutQizhong(label));
    let breakdown = false;
    if (label !== "") {
      if (rank > 0) inBreakdown = false;
      else if (isBreakdownLabel(label)) {
        breakdown = true;
        inBreakdown = true;
        stem = stripNumbering(withoutQizhong(label));
      } else if (inBreakdown) {
        // Only continuation candidates need the raw text: indentation is what compacting removes.
        const raw = labelCol === undefined ? "" : view.text(r, labelCol);
        const continues = level === 0 && commonStart(stripNumbering(label), stem) >= STEM;
        if (isIndented(raw) || (level === 0 && parentLevel > 0) || level > parentLevel || continues) breakdown = true;
        else inBreakdown = false;
      }
      if (!breakdown && rank === 0) parentLevel = level;
    }
    // Two literals rather than a spread: a spread builds a second object per row.
    rows.push(
      table.codeCols.length
        ? { row: r, label, code, codeAt, level, rank, breakdown }
        : { row: r, label, code, level, rank, breakdown },
    );
  }
  return rows;
}

/** The label without a leading `其中：`; the test first, since nearly no label starts so. */
function withoutQizhong(label: string): string {
  return label.startsWith("其中") ? label.replace(/^其中[:：]?/, "") : label;
}

/**
 * A row blank in the column its labels are read from may say what it is in another label column
 * of the same run of label columns: `其中：…` or a 合计 under 项目名称 beside a blank 乡镇名称. Only
 * such words count: any other text there names an item, which a blank label already is, and taking
 * it would change its outline level. A label column past an amount column is another side's (收入
 * | 金额 | 支出 | 金额), never read.
 */
function roleInOtherColumn(
  grid: ReturnType<typeof labelsOf>,
  table: TableLayout,
  r: number,
  labelCol: number | undefined,
): string {
  if (labelCol === undefined) return "";
  for (const c of table.labelCols) {
    if (c === labelCol || table.amountCols.some((a) => (a - c) * (a - labelCol) < 0)) continue;
    const l = grid.label(r, c);
    if (l !== "") return totalRank(l) > 0 || isBreakdownLabel(l) ? l : "";
  }
  return "";
}

/** Leading characters a row must share with the first `其中` row to continue its list (公务用车运行费 → 公务用车购置费). */
const STEM = 3;

function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The label of a merge across the row that covers the label column (合计 written over 序号 … 项目名称). */
/**
 * The rows that add up to a parent: not breakdowns, not totals, at the shallowest outline level
 * among the rows that hold a figure. Rows without any figure add nothing, so leaving them out
 * keeps block headings (`财政拨款` above `一、…`) from hiding the real items.
 */
export function itemRows(rows: RowInfo[], hasValue: (row: number) => boolean): RowInfo[] {
  const valued = rows.filter((r) => !r.breakdown && r.rank === 0 && hasValue(r.row));
  const labelled = valued.filter((r) => r.label !== "");
  if (labelled.length === 0) return valued;
  const min = minOf(labelled, (r) => r.level);
  return valued.filter((r) => r.label === "" || r.level === min);
}
