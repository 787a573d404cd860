import { CellRef } from "../address";
import { SheetView } from "../snapshot";

/** A row label that names a total: its figure is never an item of another total of the same block. */
const TOTAL_LABEL = /合计|小计|总计|共计/;
/** `其中：…` (and `含…`) rows break an item down; adding them would count it twice. */
const BREAKDOWN_LABEL = /^(?:其中|含)/;

/** How far left of the amount a label or code may sit. */
const LABEL_REACH = 8;

/**
 * The cells a total's `=SUM(…)` must cover, read from the sheet around the cells the rule added up
 * (the finding's related cells). A formula over only the figures that happen to be filled in today
 * leaves out every item filled in later, so the block's empty item rows are covered too:
 *
 * - Items in the total's column (a 合计 row): the rows from the block's first item to the last,
 *   the block running up (or down, for a total above its items) from the related rows through
 *   empty rows labelled like them. Covered: the related rows, empty item rows labelled like them
 *   (same numbering, same code level) and blank rows between them. Left out: total and `其中`
 *   rows, and any row whose figure the rule did not add (a sub-item, a subtotal).
 * - Items in the total's row (a 合计 column): the related cells and the empty cells between them.
 * - Otherwise: the related cells as they are.
 *
 * Pure reading: the caller decides whether the cells make a safe formula.
 */
export function sumCells(view: SheetView, total: CellRef, related: CellRef[]): CellRef[] {
  if (related.every((c) => c.col === total.col)) return columnBlock(view, total, related);
  if (related.every((c) => c.row === total.row)) return rowBlock(view, total, related);
  return related;
}

/** Blank for a formula's purposes: no value and no formula. */
function blank(view: SheetView, row: number, col: number): boolean {
  const v = view.value(row, col);
  return (v === null || v === "") && view.formula(row, col) === "";
}

function rowBlock(view: SheetView, total: CellRef, related: CellRef[]): CellRef[] {
  const cols = related.map((c) => c.col);
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  // A total column amid its parts: only what the rule added.
  if (total.col >= first && total.col <= last) return related;
  const taken = new Set(cols);
  const out: CellRef[] = [];
  for (const col of view.cols())
    if (col >= first && col <= last && (taken.has(col) || blank(view, total.row, col))) out.push({ row: total.row, col });
  return out;
}

function columnBlock(view: SheetView, total: CellRef, related: CellRef[]): CellRef[] {
  const { col } = total;
  const above = related.every((c) => c.row < total.row);
  const below = related.every((c) => c.row > total.row);
  if (!above && !below) return related;
  const taken = new Set(related.map((c) => c.row));
  const labels = rowLabels(view, col, related);
  // Items that are themselves totals (a 合计 over 小计 rows, 总计 = 本年合计 + adjustments): only the
  // rows after the last of them may be empty slots (上年结转结余 under 本年收入合计); nothing
  // reaches beyond the related rows.
  const totalRows = related.filter((c) => TOTAL_LABEL.test(labels.label(c.row))).map((c) => c.row);
  const itemKeys = new Set(related.filter((c) => !totalRows.includes(c.row)).map((c) => labels.key(c.row)));
  const slot = (row: number) => {
    if (!blank(view, row, col)) return false;
    const label = labels.label(row);
    if (label === "" || TOTAL_LABEL.test(label) || BREAKDOWN_LABEL.test(label)) return false;
    if (totalRows.length > 0) return above && row > Math.max(...totalRows);
    return itemKeys.has(labels.key(row));
  };
  let first = Math.min(...taken);
  let last = Math.max(...taken);
  if (above) {
    if (totalRows.length === 0) for (let r = view.prevRow(first); r >= view.firstRow && slot(r); r = view.prevRow(r)) first = r;
    last = view.prevRow(total.row);
  } else {
    first = view.nextRow(total.row);
    if (totalRows.length === 0) for (let r = view.nextRow(last); r <= view.lastRow && slot(r); r = view.nextRow(r)) last = r;
  }
  const out: CellRef[] = [];
  for (const row of view.rows()) {
    if (row < first || row > last) continue;
    const keep = taken.has(row) || slot(row) || (totalRows.length === 0 && blank(view, row, col) && labels.label(row) === "");
    if (keep) out.push({ row, col });
  }
  return out;
}

/**
 * The label of each row (the nearest text left of the amount, in the column the related rows use)
 * and its key: numbering style and code level, so 「八、…」 matches 「九、…」 but not 「（一）…」, and a
 * 款 code (5 digits) not a 类 (3).
 */
function rowLabels(view: SheetView, col: number, related: CellRef[]): { label(row: number): string; key(row: number): string } {
  const isText = (row: number, c: number) => typeof view.value(row, c) === "string" && !isCode(view.text(row, c));
  const votes = new Map<number, number>();
  for (const { row } of related)
    for (let c = view.prevCol(col); c >= Math.max(view.firstCol, col - LABEL_REACH); c = view.prevCol(c))
      if (isText(row, c)) {
        votes.set(c, (votes.get(c) ?? 0) + 1);
        break;
      }
  const labelCol = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
  // Code columns: left of the label (or of the amount, with no label), holding a code in a related row.
  const right = labelCol ?? col;
  const codeCols: number[] = [];
  for (let c = view.prevCol(right); c >= Math.max(view.firstCol, right - 4); c = view.prevCol(c))
    if (related.some(({ row }) => isCode(view.text(row, c)))) codeCols.push(c);
  const label = (row: number) => (labelCol === undefined ? "" : view.label(row, labelCol));
  return {
    label,
    key: (row) => [numbering(label(row)), ...codeCols.map((c) => codeKey(view.text(row, c)))].join("|"),
  };
}

function isCode(text: string): boolean {
  return /^\s*\d{2,}\s*$/.test(text);
}

function codeKey(text: string): string {
  const t = text.trim();
  return isCode(t) ? `d${t.length}` : t === "" ? "_" : "x";
}

const NUMBERING: [string, RegExp][] = [
  ["cn", /^[一二三四五六七八九十百零〇]+[、.．]/],
  ["cn()", /^[（(][一二三四五六七八九十百]+[)）]/],
  ["n", /^\d+[、．]|^\d+\.(?!\d)/],
  ["n()", /^[（(]\d+[)）]/],
  ["circled", /^[①-⑳]/],
  ["code", /^\d{3,}/],
];

/** The numbering style of a label; a code's length counts, as it gives the level. */
function numbering(label: string): string {
  for (const [name, re] of NUMBERING) {
    const m = re.exec(label);
    if (m) return name === "code" ? `code${m[0].length}` : name;
  }
  return "plain";
}
