import Decimal from "decimal.js";
import { GridCell } from "../grid";
import { RowInfo, readRows } from "../rows";
import { ColumnSum, Panel } from "../table";
import { figure, isFigure } from "../words";
import { Layout, Transform, edit, insertRows } from "./layout";
import { splitAmount, writeAmount } from "./money";

/**
 * A 小计 row under two to four consecutive items of an uncoded panel (their 其中 rows go with
 * them), holding their exact sums. The totals above keep adding items only. Where the panel's
 * totals in a column are formulas, the 小计 there is one too (=C11+C14), as a user adding it to
 * such a sheet would write it: a typed 小计 among formula totals is a real FORMULA-CONST warning.
 */
export const subtotals: Transform = {
  name: "subtotals",
  title: "增加小计行",
  apply(input, rng) {
    const hasFigure = (pi: number, r: RowInfo) => input.table.panels[pi].amounts.some((c) => input.grid.at(r.row, c).v !== null);
    const groups = input.table.panels.flatMap((panel, pi) =>
      panel.label === undefined ? [] : windows(itemRuns(readRows(input.grid, panel))).map((items) => ({ pi, items })),
    );
    const figured = groups.filter((g) => g.items.some((r) => hasFigure(g.pi, r)));
    if (figured.length === 0) return { skip: "没有可分组的连续项目（编码表由编码分组）" };
    const { pi, items } = rng.pick(figured);
    const l = edit(input);
    const lastItem = items[items.length - 1];
    const rows = readRows(l.grid, l.table.panels[pi]);
    // Read before the row goes in: the rows below it move down.
    const totals = rows.filter((r) => r.kind === "total");
    const others = totalledOthers(l, pi, items, totals);
    const byFormula = new Set(
      [...l.table.panels[pi].amounts, ...others].filter((c) => totals.some((r) => l.grid.at(r.row, c).f !== "")),
    );
    let after = rows.findIndex((r) => r.row === lastItem.row);
    while (rows[after + 1] && (rows[after + 1].kind === "breakdown" || rows[after + 1].kind === "sub")) after++;
    const at = rows[after].row + 1;
    insertRows(l, at, 1, true);
    const panel = l.table.panels[pi];
    l.grid.set(at, panel.label!, "小计");
    for (const c of panel.amounts) {
      const cells = items.map((r) => l.grid.at(r.row, c));
      if (cells.every((x) => x.v === null)) continue;
      const sum = cells.reduce((a, x) => a.plus(figure(x.v) ?? 0), new Decimal(0));
      writeAmount(l, at, c, sum, cells[0].fmt);
      subtotalFormula(l, at, c, cells, byFormula);
      l.added.push({ total: l.grid.at(at, c).id, parts: cells.map((x) => x.id), why: "SUBTOTAL" });
    }
    // Figure columns the yardstick does not count as money (保障人数) are added up by the table's
    // totals too, so a user fills them in the 小计 as well; they add no identity of the yardstick's.
    for (const c of others) {
      const cells = items.map((r) => l.grid.at(r.row, c));
      const sum = cells.reduce((a, x) => a.plus(figure(x.v) ?? 0), new Decimal(0));
      writeAmount(l, at, c, sum, cells[0].fmt);
      subtotalFormula(l, at, c, cells, byFormula);
    }
    addRowSums(l, pi, [at]);
    return l;
  },
};

/** The 小计 at (row, col) as a formula over its items where the column's totals are formulas. */
function subtotalFormula(l: Layout, row: number, col: number, cells: GridCell[], byFormula: Set<number>): void {
  // A formula names its cells by id, which is an address only for a cell of the original sheet.
  if (byFormula.has(col) && cells.every((x) => !x.id.startsWith("+")))
    l.grid.at(row, col).f = `=${cells.map((x) => x.id).join("+")}`;
}

/**
 * Columns of a panel, between its label and its last amount column, that are not amounts, codes
 * or counters but hold figures in every one of `items` and in a total row of the panel.
 */
function totalledOthers(l: Layout, pi: number, items: RowInfo[], totals: RowInfo[]): number[] {
  const p = l.table.panels[pi];
  const taken = new Set([...p.amounts, ...p.counters, ...(p.split ?? []), p.code, p.label]);
  const out: number[] = [];
  for (let c = Math.min(p.label!, ...p.amounts); c <= Math.max(...p.amounts); c++) {
    if (taken.has(c)) continue;
    const figures = (rows: RowInfo[]) => rows.filter((r) => isFigure(l.grid.at(r.row, c).v)).length;
    if (figures(items) === items.length && figures(totals) > 0) out.push(c);
  }
  return out;
}

/** Every two to four consecutive items of a run. */
function windows(runs: RowInfo[][]): RowInfo[][] {
  return runs.flatMap((run) =>
    run.flatMap((_, s) => [2, 3, 4].filter((n) => s + n <= run.length).map((n) => run.slice(s, s + n))),
  );
}

/** Runs of consecutive items (with their 其中 rows) in an uncoded panel with a label column, two items or more. */
function itemRuns(rows: RowInfo[]): RowInfo[][] {
  if (rows.some((r) => r.code)) return [];
  const runs: RowInfo[][] = [];
  let cur: RowInfo[] = [];
  for (const r of rows) {
    if (r.kind === "item") cur.push(r);
    else if (r.kind !== "breakdown" && r.kind !== "sub") {
      if (cur.length >= 2) runs.push(cur);
      cur = [];
    }
  }
  if (cur.length >= 2) runs.push(cur);
  return runs;
}

const NAMES = ["其中：人员类项目", "其中：运转类项目", "其中：特定目标类项目"];

/**
 * Two or three `其中：…` rows under an item with figures, whose amounts add up to the item's exactly
 * in every column; a row's total column is the sum of its part columns, as on the item's row.
 */
export const breakdown: Transform = {
  name: "breakdown",
  title: "增加“其中”分解行",
  apply(input, rng) {
    const candidates = input.table.panels.flatMap((panel, pi) => leafItems(input, panel).map((row) => ({ pi, row })));
    if (candidates.length === 0) return { skip: "没有可分解的项目（需有正数金额）" };
    const { pi, row } = rng.pick(candidates);
    const k = 2 + rng.int(2);
    const l = edit(input);
    insertRows(l, row + 1, k, true);
    const panel = l.table.panels[pi];
    const rows = Array.from({ length: k }, (_, i) => row + 1 + i);
    rows.forEach((r, i) => l.grid.set(r, panel.label!, NAMES[i]));
    const sums = l.table.colSums.filter((s) => s.panel === pi);
    const totals = new Set(sums.map((s) => s.total));
    for (const c of panel.amounts.filter((c) => !totals.has(c))) {
      const item = l.grid.at(row, c);
      if (item.v === null) continue;
      splitAmount(figure(item.v)!, k, rng).forEach((part, i) => writeAmount(l, rows[i], c, part, item.fmt));
    }
    fillTotals(l, sums, rows, row);
    for (const c of panel.amounts) {
      if (l.grid.at(row, c).v === null) continue;
      l.added.push({ total: l.grid.at(row, c).id, parts: rows.map((r) => l.grid.at(r, c).id), why: "BREAKDOWN" });
    }
    addRowSums(l, pi, rows);
    return l;
  },
};

/** Items with a positive figure and no breakdown yet: leaf codes in a coded panel, any item otherwise. */
function leafItems(l: Layout, panel: Panel): number[] {
  if (panel.label === undefined) return [];
  const rows = readRows(l.grid, panel);
  const codes = rows.map((r) => r.code).filter((c): c is string => !!c);
  return rows
    .filter((r, i) => r.kind === "item" && rows[i + 1]?.kind !== "breakdown" && rows[i + 1]?.kind !== "sub")
    .filter((r) => !r.code || !codes.some((c) => c !== r.code && c.startsWith(r.code!)))
    .filter((r) => panel.amounts.some((c) => (figure(l.grid.at(r.row, c).v) ?? new Decimal(0)).gt(0)))
    .filter((r) => panel.amounts.every((c) => (figure(l.grid.at(r.row, c).v) ?? new Decimal(-1)).gte(0)))
    .map((r) => r.row);
}

/** Total columns of new rows, innermost first, as the sums of their parts (blank where the item's is). */
function fillTotals(l: Layout, sums: ColumnSum[], rows: number[], item: number): void {
  const done = new Set<number>();
  const ready = (s: ColumnSum) => s.parts.every((p) => done.has(p) || !sums.some((o) => o.total === p));
  for (let pending = [...sums]; pending.length > 0;) {
    const next = pending.find(ready) ?? pending[0];
    pending = pending.filter((s) => s !== next);
    done.add(next.total);
    const cell = l.grid.at(item, next.total);
    if (cell.v === null) continue;
    for (const r of rows) {
      const sum = next.parts.reduce((a, p) => a.plus(figure(l.grid.at(r, p).v) ?? 0), new Decimal(0));
      writeAmount(l, r, next.total, sum, cell.fmt);
    }
  }
}

/** The column identities of new rows, so the unit tests check them as well. */
function addRowSums(l: Layout, pi: number, rows: number[]): void {
  for (const s of l.table.colSums.filter((s) => s.panel === pi))
    for (const r of rows) {
      const cells = [s.total, ...s.parts].map((c) => l.grid.at(r, c));
      if (cells.every((c) => c.v === null)) continue;
      l.added.push({ total: cells[0].id, parts: cells.slice(1).map((c) => c.id), why: "SUM-COL" });
    }
}
