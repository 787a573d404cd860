import Decimal from "decimal.js";
import { MoneyUnit, readAmount } from "../../amount";
import { SheetView, isErrorValue } from "../../snapshot";

/**
 * The funds block of a self-evaluation form (绩效自评表, docs/domain.md §8): a header of 年初预算数 /
 * 全年预算数 (调整后预算数) / 全年执行数 (预算执行数) / 执行率 / 分值 (权重) / 得分, then a 总额 row
 * and its parts (其中：财政拨款, 上年结转资金, 其他资金 …). Seeds 011, 012 and 013.
 */

export type FundsField = "initial" | "budget" | "spent" | "rate" | "points" | "score";

export interface FundsCell {
  row: number;
  col: number;
  /** The figure; null for a blank or not-applicable (`/`, `-`) cell, and for an error value. */
  value: Decimal | null;
  /** `#REF!` and the like: reported as CELL-ERROR, never read. */
  error?: string;
  /** Text that is no figure (rare): left alone, the row is not judged. */
  invalid?: boolean;
  /** The displayed text, for rates: `98.00%`. */
  text: string;
}

export interface FundsRow {
  row: number;
  label: string;
  labelCol: number;
  cells: Partial<Record<FundsField, FundsCell>>;
}

export interface FundsBlock {
  headerRow: number;
  lastRow: number;
  unit: MoneyUnit | null;
  columns: Partial<Record<FundsField, { col: number; label: string }>>;
  /** The 总额 row: the block's first row. */
  total: FundsRow | null;
  parts: FundsRow[];
}

const FIELD: [FundsField, RegExp][] = [
  ["initial", /^年初预算(?:数)?$/],
  // Not 年度预算数: 012 and 013 head the label column 年度预算数(万元).
  ["budget", /^(?:全年预算(?:数)?|调整后预算(?:数)?)$/],
  ["spent", /^(?:全年执行(?:数)?|预算执行(?:数)?|实际执行(?:数)?|执行数)$/],
  ["rate", /^(?:预算)?执行率$/],
  ["points", /^(?:分值|权重)$/],
  ["score", /^(?:得分|自评得分)$/],
];
const UNIT_SUFFIX = /[（(](亿元|万元|千元|元)[）)]$/;
const TOTAL_LABEL = /^(?:年度)?(?:资金)?(?:总额|合计|总计)[:：]?$/;
const NOT_APPLICABLE = /^(?:\/|／|-|—|－|无)$/;
/** A header cell of the block holds one of these characters: most cells skip the regexes. */
const HEADER_CHARS = /[预执分权得率]/;

function rowMentions(view: SheetView, row: number, word: string): boolean {
  for (const c of view.cols()) if (view.text(row, c).includes(word)) return true;
  return false;
}

function fieldOf(label: string): FundsField | null {
  const l = label.replace(UNIT_SUFFIX, "");
  for (const [field, re] of FIELD) if (re.test(l)) return field;
  return null;
}

/** Reads a funds block whose header lies in rows `from`–`to`, or returns null when there is none. */
export function readFunds(view: SheetView, from: number, to: number): FundsBlock | null {
  for (let r = from; r <= to; r = view.nextRow(r)) {
    // Every funds header names an 执行数: most rows (names, plans, figures) are passed over by one test.
    if (!rowMentions(view, r, "执行")) continue;
    const columns: FundsBlock["columns"] = {};
    let firstFigure = -1;
    for (const c of view.cols()) {
      if (!HEADER_CHARS.test(view.text(r, c))) continue;
      const label = view.label(r, c);
      const field = fieldOf(label);
      if (!field || columns[field]) continue;
      columns[field] = { col: c, label: label.replace(UNIT_SUFFIX, "") };
      if (firstFigure < 0) firstFigure = c;
    }
    if (!columns.spent || !(columns.budget || columns.initial)) continue;
    const block = readRows(view, r, to, columns, firstFigure);
    if (block) return block;
  }
  return null;
}

function readRows(
  view: SheetView,
  headerRow: number,
  to: number,
  columns: FundsBlock["columns"],
  firstFigure: number,
): FundsBlock | null {
  // The label column: the nearest labelled cell left of the figures (项目资金（万元）, 年度预算数(万元)).
  let labelCol = view.firstCol;
  for (let c = view.prevCol(firstFigure); c >= view.firstCol; c = view.prevCol(c)) {
    if (view.label(headerRow, c) !== "") {
      labelCol = c;
      break;
    }
  }
  const headLabel = view.label(headerRow, labelCol);
  const unit = (UNIT_SUFFIX.exec(headLabel)?.[1] as MoneyUnit | undefined) ?? null;
  const rows: FundsRow[] = [];
  let lastRow = headerRow;
  for (let r = view.nextRow(headerRow); r <= to; r = view.nextRow(r)) {
    const label = view.label(r, labelCol).replace(/[:：]$/, "");
    const cells: FundsRow["cells"] = {};
    let filled = false;
    for (const [field, info] of Object.entries(columns) as [FundsField, { col: number }][]) {
      const cell = readFigureCell(view, r, info.col);
      if (cell.value !== null || cell.error || cell.invalid) filled = true;
      cells[field] = cell;
    }
    // The block ends at the first row that names no fund and holds no figure (年度总体目标 …).
    if (label === "" && !filled) break;
    if (label !== "" && !filled && rows.length > 0 && !isPartLabel(label)) break;
    rows.push({ row: r, label, labelCol, cells });
    lastRow = r;
  }
  // The self-evaluation layout puts its 总额 first, its parts below. A block that ends in a 合计 row
  // (资金来源 … 合计) is an ordinary table: the totals rules check it (SUM-ROW).
  if (rows.length === 0 || !TOTAL_LABEL.test(rows[0].label)) return null;
  return { headerRow, lastRow, unit, columns, total: rows[0], parts: rows.slice(1) };
}

/** Labels of the breakdown rows: 其中：财政拨款, 上年结转资金, 单位资金, 其他资金 … */
function isPartLabel(label: string): boolean {
  return /^其中|资金$|拨款$|结转|收入$/.test(label);
}

/** A figure cell of a self-evaluation form (funds, 分值, 得分): `/` and `-` mean not applicable. */
export function readFigureCell(view: SheetView, row: number, col: number): FundsCell {
  const raw = view.value(row, col);
  const text = view.text(row, col).trim();
  if (isErrorValue(raw)) return { row, col, value: null, error: String(raw), text };
  if (text === "" || NOT_APPLICABLE.test(text)) return { row, col, value: null, text };
  const shown = /[%％]$/.test(text) ? readAmount(text.replace(/[%％]$/, "")) : readAmount(raw);
  if (shown.kind === "number") return { row, col, value: shown.value, text };
  if (shown.kind === "error") return { row, col, value: null, error: shown.code, text };
  if (shown.kind === "empty") return { row, col, value: null, text };
  return { row, col, value: null, invalid: true, text };
}
