import { Grid } from "./grid";
import { columnSums } from "./header-tree";
import { Panel, Table } from "./table";
import {
  AMOUNT_HEADER,
  CODE,
  CODE_HEADER,
  HEADER_WORD,
  ITEM_NUMBER,
  LABEL_HEADER,
  LINE_NO_HEADER,
  NOTE,
  NOT_AMOUNT_HEADER,
  SPLIT_HEADER,
  UNIT_LINE,
  compact,
  figure,
  isFigure,
} from "./words";

/**
 * The yardstick's own reading of a clean sheet's amount table, a documented rule independent of
 * src/core (see test/metamorphic/README.md):
 * - the body starts at the first row holding a figure (a 栏次 row of column numbers is not one);
 *   the header band is the run of non-empty rows above it, up to the title or unit line;
 * - a column's header path is the header texts above it, merged cells included; its last text
 *   names its role: 序号/行次 (counter), 类/款/项 (split code), …编码 (code), 项目/名称/科目 (label);
 *   any other column whose body holds only figures and blanks, under a header that is not a rate,
 *   a score or a count, is an amount column;
 * - a key column after an amount column starts a new panel (收入 | 支出 side by side);
 * - the body ends at a note (注：…) or the last non-empty row.
 * One table per sheet: the first.
 */
export function locateTable(grid: Grid): Table | { skip: string } {
  const first = firstFigureRow(grid);
  if (first < 0) return { skip: "没有数字" };
  let bottom = first - 1;
  while (bottom >= 0 && (isBlank(grid, bottom) || isBodyish(grid, bottom))) bottom--;
  let top = bottom;
  while (top >= 0 && !isBlank(grid, top) && !isTitleOrUnit(grid, top) && !hasFigure(grid, top)) top--;
  top++;
  if (top > bottom) return { skip: "找不到表头" };
  const colNoRow = range(top, bottom).find((r) => isColNoRow(grid, r));
  const rows = bodyRange(grid, bottom + 1);
  const headerRows = range(top, bottom).filter((r) => r !== colNoRow);
  const paths = range(0, grid.colCount - 1).map((c) => headerPath(grid, headerRows, c));
  const panels = splitPanels(
    paths.map((p, c) => roleOf(grid, p, c, rows)),
    rows,
  );
  if (panels.length === 0) return { skip: "没有金额列" };
  const unitRow = range(0, bottom).find((r) => grid.cells[r].some((_, c) => UNIT_LINE.test(grid.text(r, c))));
  const table: Table = {
    sheet: grid.name,
    header: { top, bottom },
    panels,
    colSums: panels.flatMap((p, i) => columnSums(p.amounts, paths).map((s) => ({ panel: i, ...s }))),
  };
  if (colNoRow !== undefined) table.colNoRow = colNoRow;
  if (unitRow !== undefined)
    table.unit = { row: unitRow, col: grid.cells[unitRow].findIndex((_, c) => UNIT_LINE.test(grid.text(unitRow, c))) };
  return table;
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
const texts = (g: Grid, r: number) => g.cells[r].map((_, c) => compact(g.text(r, c)));
const isBlank = (g: Grid, r: number) => texts(g, r).every((t) => t === "");

function isColNoRow(g: Grid, r: number): boolean {
  const ts = texts(g, r).filter((t) => t !== "");
  if (ts.includes("栏次")) return true;
  return ts.length >= 3 && ts.every((t, i) => t === String(i + 1) || /^[甲乙丙丁戊己]$/.test(t));
}

/** A figure that is not a code (codes are text in the seeds, and a row of codes is still a body row), nor a year heading a column. */
function hasFigure(g: Grid, r: number): boolean {
  const figures = g.cells[r].filter((c) => isFigure(c.v) && !(typeof c.v === "string" && CODE.test(compact(c.v))));
  return (
    figures.length > 0 &&
    !isColNoRow(g, r) &&
    !isYearHeader(
      g,
      r,
      figures.map((c) => Number(c.v)),
    )
  );
}

/** 项目 | 2020 | 2021: years as column headers (a statistical yearbook's form). */
function isYearHeader(g: Grid, r: number, figures: number[]): boolean {
  return (
    figures.every((n) => Number.isInteger(n) && n >= 1990 && n <= 2100) &&
    texts(g, r).some((t) => HEADER_WORD.test(t) || LABEL_HEADER.test(t))
  );
}

function firstFigureRow(g: Grid): number {
  for (let r = 0; r < g.rowCount; r++) if (hasFigure(g, r)) return r;
  return -1;
}

function isBodyish(g: Grid, r: number): boolean {
  return texts(g, r).some((t) => ITEM_NUMBER.test(t) || CODE.test(t));
}

function isTitleOrUnit(g: Grid, r: number): boolean {
  const ts = texts(g, r).filter((t) => t !== "");
  if (ts.some((t) => UNIT_LINE.test(t) || /部门[:：]|单位名称[:：]|编制单位|年度[:：]/.test(t))) return true;
  return ts.length === 1 && /表$/.test(ts[0]) && !HEADER_WORD.test(ts[0]);
}

function bodyRange(g: Grid, start: number): number[] {
  let end = start - 1;
  for (let r = start; r < g.rowCount; r++) {
    const ts = texts(g, r).filter((t) => t !== "");
    if (ts.length > 0 && NOTE.test(ts[0])) break;
    if (ts.length > 0) end = r;
  }
  return range(start, end);
}

/** The header texts above a column, top to bottom: a merged cell gives its text to every column it spans. */
function headerPath(g: Grid, rows: number[], col: number): string[] {
  const path: string[] = [];
  for (const r of rows) {
    const m = g.merges.find((m) => r >= m.top && r <= m.bottom && col >= m.left && col <= m.right);
    const t = compact(m ? g.text(m.top, m.left) : g.text(r, col));
    if (t !== "" && path[path.length - 1] !== t) path.push(t);
  }
  return path;
}

type Role = "lineNo" | "split" | "code" | "label" | "amount" | "other";

function roleOf(g: Grid, path: string[], col: number, rows: number[]): Role {
  const leaf = path[path.length - 1] ?? "";
  if (SPLIT_HEADER.test(leaf)) return "split";
  if (LINE_NO_HEADER.test(leaf)) return "lineNo";
  if (CODE_HEADER.test(leaf)) return "code";
  if (LABEL_HEADER.test(leaf) && !/(支出|收入|经费|资金|金额|合计|小计)$/.test(leaf)) return "label";
  const values = rows.map((r) => g.at(r, col).v).filter((v) => v !== null && compact(String(v)) !== "");
  const words = values.filter((v) => figure(v) === null);
  if (leaf === "") {
    if (values.length === 0) return "other";
    if (values.every((v) => CODE.test(compact(String(v))))) return "code";
    return words.length > 0 ? "label" : "other";
  }
  if (words.length > 0 || path.some((p) => NOT_AMOUNT_HEADER.test(p))) return "other";
  return values.some(isFigure) || path.some((p) => AMOUNT_HEADER.test(p)) ? "amount" : "other";
}

function splitPanels(roles: Role[], rows: number[]): Panel[] {
  const panels: Panel[] = [];
  let cur: Panel = { counters: [], amounts: [], rows };
  const close = () => {
    if (cur.amounts.length > 0) panels.push(cur);
    cur = { counters: [], amounts: [], rows };
  };
  roles.forEach((role, c) => {
    if (role === "other") return;
    if (role !== "amount" && cur.amounts.length > 0) close();
    if (role === "amount") cur.amounts.push(c);
    else if (role === "lineNo") cur.counters.push(c);
    else if (role === "split") cur.split = [...(cur.split ?? []), c];
    else cur[role] = c;
  });
  close();
  return panels.map((p) => ({ ...p, rows: [...rows] }));
}
