import { readAmount } from "../../amount";
import { SheetView } from "../../snapshot";
import { amountsOf } from "./amounts";
import { LabelGrid, labelsOf } from "./label-grid";
import { isCodePartHeader, readRowCodes } from "./code-columns";
import {
  isCountHeader,
  isHeaderWord,
  isNonAmountHeader,
  isTableEnd,
  numberingLevel,
  readCodePrefix,
  readCompactCode,
  totalRank,
} from "./labels";
import { panelRanges } from "./panels";
import { perView } from "./per-view";

/** `count`: people, households or things counted (户数, 人数): no amount, no code, no row name. */
export type ColumnRole = "serial" | "code" | "label" | "amount" | "count" | "none";

/** One level of a column's header: merged or spanning cells share a key. */
export interface HeaderNode {
  key: string;
  label: string;
}

export interface ColumnInfo {
  col: number;
  role: ColumnRole;
  /** Header levels from the top header row down, vertical repeats collapsed. */
  path: HeaderNode[];
  /** The header as a user reads it, such as `本年收入/小计`. */
  header: string;
  /** The lowest header level, such as `小计`. */
  leaf: string;
}

/** A table found on a sheet: its header band and its data rows, in sheet coordinates. */
export interface TableLayout {
  headerTop: number;
  /** Last header row, including a `栏次` row. */
  headerBottom: number;
  firstRow: number;
  lastRow: number;
  columns: ColumnInfo[];
  amountCols: number[];
  labelCols: number[];
  /** The code column, or the first of the 类 / 款 / 项 columns. */
  codeCol?: number;
  /** Every code column: one, or the 类 / 款 / 项 parts of a split code. */
  codeCols: number[];
  /** Set for the panels of a table printed side by side: each panel is a table of its own. */
  panel?: { index: number; count: number };
}

const MAX_HEADER_SCAN = 40;
const MAX_HEADER_DEPTH = 5;

/**
 * Finds the tables on a sheet, top to bottom. A sheet usually holds one. The result is kept per
 * view: the cross-table checks locate the same sheets again, and the layouts are never modified.
 */
export const locateTables = perView(findTables);

function findTables(view: SheetView): TableLayout[] {
  const tables: TableLayout[] = [];
  let r = view.firstRow;
  while (r <= view.lastRow) {
    const top = findHeaderTop(view, r);
    if (top === null) break;
    const table = buildTable(view, top);
    tables.push(...splitPanels(table));
    r = view.nextRow(Math.max(table.lastRow, table.headerBottom));
  }
  if (tables.length === 0) {
    const top = headingsOverFigures(view) ?? headingsOverTotalRow(view);
    if (top !== null) tables.push(...splitPanels(buildTable(view, top)));
  }
  return tables;
}

/**
 * A list under headers in words of its own (县区名称 | 市级资金(万元) | 备注) with a 合计 or 总计
 * row among its figures: the labels propose a table, and its sums decide whether the reading
 * stands (issue 16, principle 1). Its header is the run of label rows above the first row of
 * figures (blank rows between them passed over), below the title; the total row may come first
 * or last. One pass down to that total row: linear in the table.
 */
function headingsOverTotalRow(view: SheetView): number | null {
  const limit = view.stepRow(view.firstRow, MAX_HEADER_SCAN - 1);
  for (let r = view.firstRow; r <= Math.min(limit, view.lastRow); r = view.nextRow(r)) {
    if (!holdsNumber(view, r)) continue;
    // Blank padding rows between the header and the figures, or among the figures, end nothing:
    // notes, a unit line or the next table's title do (isTableEnd).
    let above = view.prevRow(r);
    while (above >= view.firstRow && isBlankRow(view, above)) above = view.prevRow(above);
    if (above < view.firstRow || hasDataSignal(view, above)) return null;
    const labels = rowLabels(view, above);
    if (labels.filter((l) => l !== "").length < 2 || isTableEnd(labels)) return null;
    for (let d = r; d <= view.lastRow; d = view.nextRow(d)) {
      const row = rowLabels(view, d);
      if (isTableEnd(row)) break;
      if (row.some((l) => totalRank(l) >= 2) && holdsNumber(view, d)) return headerTop(view, above);
    }
    return null;
  }
  return null;
}

/**
 * A table whose header names no word of the usual header (a 三公 table laid out across: “三公”经费合计
 * | 因公出国(境)费 | 公务用车购置及运行费 over 小计 | 购置费 | 运行费, then one row of figures):
 * its header is the run of label rows above the first row of figures (blank rows between them
 * passed over), below the title and unit lines, and it must name a 合计 or 小计 column, or there is
 * nothing to check.
 */
function headingsOverFigures(view: SheetView): number | null {
  const limit = view.stepRow(view.firstRow, MAX_HEADER_SCAN - 1);
  for (let r = view.firstRow; r <= Math.min(limit, view.lastRow); r = view.nextRow(r)) {
    let figures = 0;
    for (const c of view.cols()) if (typeof view.value(r, c) === "number") figures++;
    if (figures < 2) continue;
    let top: number | null = null;
    let totals = false;
    // Blank padding rows between the header and the figures are passed over.
    let last = view.prevRow(r);
    while (last >= view.firstRow && isBlankRow(view, last)) last = view.prevRow(last);
    for (let h = last, depth = 0; h >= view.firstRow && depth < MAX_HEADER_DEPTH; h = view.prevRow(h), depth++) {
      const labels = rowLabels(view, h);
      if (labels.every((l) => l === "") || isTableEnd(labels) || hasDataSignal(view, h)) break;
      if (labels.filter((l) => l !== "").length < 2 && top === null) break;
      if (labels.some((l) => totalRank(l) > 0)) totals = true;
      top = h;
    }
    return totals ? top : null;
  }
  return null;
}

/** The first of the label rows that end at `last` (a header of several rows), the title excluded. */
function headerTop(view: SheetView, last: number): number {
  let top = last;
  for (let h = view.prevRow(last), depth = 1; h >= view.firstRow && depth < MAX_HEADER_DEPTH; h = view.prevRow(h), depth++) {
    const labels = rowLabels(view, h);
    if (labels.filter((l) => l !== "").length < 2 || isTableEnd(labels) || hasDataSignal(view, h)) break;
    top = h;
  }
  return top;
}

function holdsNumber(view: SheetView, row: number): boolean {
  for (const c of view.cols()) if (typeof view.value(row, c) === "number") return true;
  return false;
}

function rowLabels(view: SheetView, row: number): string[] {
  const grid = labelsOf(view);
  const out: string[] = [];
  for (const c of view.cols()) out.push(grid.label(row, c));
  return out;
}

/** A header row names at least two columns and holds no figures. */
function findHeaderTop(view: SheetView, from: number): number | null {
  const last = Math.min(view.lastRow, view.stepRow(from, MAX_HEADER_SCAN - 1));
  for (let r = from; r <= last; r = view.nextRow(r)) {
    const labels = rowLabels(view, r);
    if (labels.filter(isHeaderWord).length >= 2 && !hasDataSignal(view, r)) return groupRowsAbove(view, r, from);
  }
  return null;
}

/**
 * Group headings above the row that holds the header words (三公 tables: 合计 / 因公出国（境）费 /
 * 公务用车购置及运行费 over 小计 … over 预算数 | 决算数) belong to the header. They name several
 * columns, hold no figures and are neither the title nor the unit line.
 */
function groupRowsAbove(view: SheetView, row: number, from: number): number {
  // Only a header row of repeated leaves (预算数 | 决算数 | 预算数 …) needs headings above it to
  // mean anything; a row of distinct names is a header of its own.
  const leaves = rowLabels(view, row).filter((l) => l !== "");
  if (new Set(leaves).size === leaves.length) return row;
  let top = row;
  const highest = view.stepRow(row, -MAX_HEADER_DEPTH);
  for (let r = view.prevRow(row); r >= from && r >= highest; r = view.prevRow(r)) {
    const labels = rowLabels(view, r);
    const filled = labels.filter((l) => l !== "");
    if (filled.length < 2 || isTableEnd(labels) || hasDataSignal(view, r)) break;
    top = r;
  }
  return top;
}

/** Figures, codes and numbered item labels show that a row carries data rather than headings. */
function hasDataSignal(view: SheetView, row: number): boolean {
  const grid = labelsOf(view);
  for (const c of view.cols()) {
    const v = view.value(row, c);
    if (typeof v === "number") return true;
    const l = grid.label(row, c);
    if (l === "") continue;
    if (readCompactCode(l) || numberingLevel(l) === 1 || numberingLevel(l) === 2) return true;
    if (/[\d][.,][\d]/.test(l) && readAmount(l).kind === "number") return true;
  }
  return false;
}

/** The `栏次` row numbers the columns 1, 2, 3 …; it closes the header. */
function isColumnNumberRow(view: SheetView, row: number): boolean {
  const labels = rowLabels(view, row).filter((l) => l !== "");
  if (labels.length === 0) return false;
  if (labels[0] === "栏次" || labels[0] === "行次") return true;
  if (labels.length < 3) return false;
  return labels.every((l, i) => l === String(i + 1));
}

function isBlankRow(view: SheetView, row: number): boolean {
  const grid = labelsOf(view);
  for (const c of view.cols()) if (grid.label(row, c) !== "") return false;
  return true;
}

function buildTable(view: SheetView, top: number): TableLayout {
  let bottom = top;
  const headerRows = [top];
  const deepest = Math.min(view.lastRow, view.stepRow(top, MAX_HEADER_DEPTH));
  for (let r = view.nextRow(top); r <= deepest; r = view.nextRow(r)) {
    if (isColumnNumberRow(view, r)) {
      bottom = r;
      break;
    }
    if (hasDataSignal(view, r) || isBlankRow(view, r)) break;
    const labels = rowLabels(view, r).filter((l) => l !== "");
    // A lone 合计 row with empty figures is data, not a header line.
    if (labels.length === 1 && /^(合计|总计)$/.test(labels[0])) break;
    bottom = r;
    headerRows.push(r);
  }
  const firstRow = view.nextRow(bottom);
  let lastRow = bottom;
  for (let r = firstRow; r <= view.lastRow; r = view.nextRow(r)) {
    // A row of figures is neither a note, a title nor a header: most rows stop here.
    if (holdsNumber(view, r)) {
      lastRow = r;
      continue;
    }
    const labels = rowLabels(view, r);
    if (isTableEnd(labels)) break;
    if (r > firstRow && findsNewHeader(view, r, labels)) break;
    lastRow = r;
  }
  const columns = rejectFailedSplitCodes(view, buildColumns(view, headerRows, firstRow, lastRow), firstRow, lastRow);
  const amountCols = columns.filter((c) => c.role === "amount").map((c) => c.col);
  const labelCols = columns.filter((c) => c.role === "label").map((c) => c.col);
  const codeCols = columns.filter((c) => c.role === "code").map((c) => c.col);
  return {
    headerTop: top,
    headerBottom: bottom,
    firstRow,
    lastRow,
    columns,
    amountCols,
    labelCols,
    codeCols,
    ...(codeCols.length ? { codeCol: codeCols[0] } : {}),
  };
}

const countsAdded = new WeakMap<TableLayout, TableLayout>();
const amountColsOf = (columns: ColumnInfo[]) => columns.filter((c) => c.role === "amount").map((c) => c.col);

/**
 * The table as its sums read it: a count column adds up like an amount column (保障户数 = 集中 +
 * 分散, and 合计 = the towns' sum), so a count total that does not hold is found. Only the sums see
 * counts this way; the rules about money (text numbers, decimals, units, copies between tables,
 * year-on-year changes) read `amountCols` of the located table, which holds no count.
 */
export function withCountsAdded(table: TableLayout): TableLayout {
  if (!table.columns.some((c) => c.role === "count")) return table;
  // One object per table: rows are read and cached per layout object (rows.ts), so every caller
  // (the summary's, the parts', the column totals') shares one reading.
  let counted = countsAdded.get(table);
  if (!counted) {
    counted = readAsAmounts(table, (c) => c.role === "count");
    countsAdded.set(table, counted);
  }
  return counted;
}

/** The same table with the chosen columns read as amount columns (and no longer as codes). */
export function readAsAmounts(table: TableLayout, chosen: (column: ColumnInfo) => boolean): TableLayout {
  const columns = table.columns.map((c) => (chosen(c) ? { ...c, role: "amount" as const } : c));
  const codeCols = table.codeCols.filter((col) => columns.find((c) => c.col === col)?.role === "code");
  if (codeCols.length === table.codeCols.length) return { ...table, columns, amountCols: amountColsOf(columns) };
  return { ...table, columns, amountCols: amountColsOf(columns), codeCols, codeCol: codeCols[0] };
}

/** A table printed in panels side by side becomes one table per panel, over the same rows. */
function splitPanels(table: TableLayout): TableLayout[] {
  const ranges = panelRanges(table.columns);
  if (!ranges) return [table];
  return ranges.map((range, index) => {
    const inside = (c: number) => c >= range.from && c <= range.to;
    const codeCols = table.codeCols.filter(inside);
    return {
      ...table,
      columns: table.columns.filter((c) => inside(c.col)),
      amountCols: table.amountCols.filter(inside),
      labelCols: table.labelCols.filter(inside),
      codeCols,
      codeCol: codeCols[0],
      panel: { index, count: ranges.length },
    };
  });
}

/** A second header inside the data (stacked tables on one sheet) ends the current table. */
function findsNewHeader(view: SheetView, row: number, labels: string[]): boolean {
  // 序号 first: it is the cheap test that nearly every data row fails.
  return labels.includes("序号") && labels.filter(isHeaderWord).length >= 3 && !hasDataSignal(view, row);
}

function headerNode(view: SheetView, rows: number[], level: number, col: number): HeaderNode | null {
  const grid = labelsOf(view);
  const r = rows[level];
  const merge = view.mergeAt(r, col);
  if (merge) {
    const label = grid.label(merge.top, merge.left);
    return label === "" ? null : { key: `m${merge.top},${merge.left}`, label };
  }
  const own = grid.label(r, col);
  if (own !== "") return { key: `c${r},${col}`, label: own };
  // Without merges a group heading sits in its first column only: carry it right over the
  // columns that have headings below it, as long as the heading itself has some below.
  const below = (c: number) => rows.slice(level + 1).some((rr) => grid.label(rr, c) !== "");
  if (level === rows.length - 1 || !below(col)) return null;
  for (let c = view.prevCol(col); c >= view.firstCol; c = view.prevCol(c)) {
    if (view.mergeAt(r, c)) return null;
    const l = grid.label(r, c);
    if (l === "") {
      if (!below(c)) return null;
      continue;
    }
    return below(c) ? { key: `c${r},${c}`, label: l } : null;
  }
  return null;
}

function buildColumns(view: SheetView, headerRows: number[], firstRow: number, lastRow: number): ColumnInfo[] {
  const grid = labelsOf(view);
  const columns: ColumnInfo[] = [];
  for (const c of view.cols()) {
    const path: HeaderNode[] = [];
    for (let level = 0; level < headerRows.length; level++) {
      const node = headerNode(view, headerRows, level, c);
      if (node && !path.some((p) => p.key === node.key)) path.push(node);
    }
    const leaf = path.length ? path[path.length - 1].label : "";
    const role = columnRole(view, grid, c, path, firstRow, lastRow);
    columns.push({ col: c, role, path, header: path.map((p) => p.label).join("/"), leaf });
  }
  return columns;
}

/** A header that names codes: 科目编码, 功能分类科目, or one part of a split code (类, 款, 项). */
export function isCodeHeaded(column: ColumnInfo): boolean {
  return isCodePartHeader(column.leaf) || column.path.some((p) => /编码|代码|科目/.test(p.label));
}

/**
 * Split 类 / 款 / 项 columns that only the cells proposed (numbers under a header that names no
 * code) stand only if they read as codes on more rows than they fail on. Two columns of rates
 * (35 | 40) or counts (65 | 81) fail on nearly every row: they were never codes, and reporting each
 * row as an invalid code would be an error about a reading nobody wrote. They are read as the
 * labelled columns they are. Under a header that names codes, bad codes stay the user's to fix.
 */
function rejectFailedSplitCodes(view: SheetView, columns: ColumnInfo[], firstRow: number, lastRow: number): ColumnInfo[] {
  const code = columns.filter((c) => c.role === "code");
  if (code.length < 2 || code.every(isCodeHeaded)) return columns;
  let read = 0;
  let failed = 0;
  for (const r of readRowCodes(
    view,
    code.map((c) => c.col),
    firstRow,
    lastRow,
  )) {
    if (r.code !== null) read++;
    else if (r.problem) failed++;
  }
  if (read > failed) return columns;
  return columns.map((c) => (c.role === "code" && !isCodeHeaded(c) ? { ...c, role: "label" } : c));
}

/**
 * True when a column's figures count rows: whole numbers each one more than the last (1, 2, 3 …,
 * or 31, 32 … on the spending half), at least three of them.
 */
function countsRows(view: SheetView, col: number, firstRow: number, lastRow: number): boolean {
  let last: number | null = null;
  let count = 0;
  for (let r = firstRow; r <= lastRow; r = view.nextRow(r)) {
    const v = view.value(r, col);
    if (v === null || v === "") continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || (last !== null && v !== last + 1)) return false;
    last = v;
    count++;
  }
  return count >= 3;
}

/** True when most names of a column start with a classification code. */
function codePrefixed(grid: LabelGrid, col: number, firstRow: number, lastRow: number): boolean {
  let filled = 0;
  let prefixed = 0;
  for (let r = firstRow; r <= lastRow; r = grid.view.nextRow(r)) {
    const l = grid.label(r, col);
    if (l === "") continue;
    filled++;
    if (readCodePrefix(l)) prefixed++;
  }
  return prefixed >= 2 && prefixed * 2 >= filled;
}

function columnRole(
  view: SheetView,
  grid: LabelGrid,
  col: number,
  path: HeaderNode[],
  firstRow: number,
  lastRow: number,
): ColumnRole {
  const leaf = path.length ? path[path.length - 1].label : "";
  // A header that names the column settles it without reading every cell below.
  if (/序号|栏次|行次/.test(leaf)) return "serial";
  if (/编码|代码/.test(leaf) || isCodePartHeader(leaf)) return "code";
  // Counts are read by their header before their cells: 65 households is no 类 code, 542 persons no 款.
  if (path.some((p) => isCountHeader(p.label))) return "count";
  const labelled = path.some((p) => isNonAmountHeader(p.label));
  let codes = 0;
  for (let r = firstRow; r <= lastRow; r = view.nextRow(r)) {
    const l = grid.label(r, col);
    if (l !== "" && readCompactCode(l)) codes++;
  }
  // A labelled column without codes is a label column: no need to parse its cells as amounts,
  // unless its names start with their codes (`2010601行政运行`): then it keys the code tree.
  if (labelled && codes === 0) return codePrefixed(grid, col, firstRow, lastRow) ? "code" : "label";
  // The shared reader: the rules read these same amount cells next, so each is parsed once.
  const amounts = amountsOf(view);
  let numbers = 0;
  let texts = 0;
  for (let r = firstRow; r <= lastRow; r = view.nextRow(r)) {
    if (grid.label(r, col) === "") continue;
    const reading = amounts.reading(r, col);
    if (reading.kind === "number" || reading.kind === "empty") numbers++;
    else if (reading.kind === "invalid") texts++;
  }
  if (labelled && codes * 2 >= codes + texts) return "code";
  if (labelled) return "label";
  if (texts > numbers) return "label";
  if (path.length === 0 && numbers === 0) return "none";
  // An unheaded column counting 1, 2, 3 … down the rows is a 行次 or 序号, not money.
  if (path.length === 0 && countsRows(view, col, firstRow, lastRow)) return "serial";
  return "amount";
}
