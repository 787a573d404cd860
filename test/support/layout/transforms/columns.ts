import { remapTable } from "../table";
import { TOTAL, isFigure } from "../words";
import { headerCells, leafHeader, writeHeader } from "./header";
import { Layout, Transform, edit, insertCols } from "./layout";

/**
 * 合计 | 基本支出 | 项目支出 → 基本支出 | 项目支出 | 合计, or back. The total moves with the columns
 * its merged header spans (paired 预算数 | 决算数 under one 合计), and the 栏次 numbers follow the
 * new order.
 */
export const moveTotal: Transform = {
  name: "move-total",
  title: "合计列移到分项另一侧",
  apply(input, rng) {
    if (input.table.colSums.length === 0) return { skip: "没有合计列" };
    const l = edit(input);
    const { grid, table } = l;
    const sum = rng.pick(table.colSums);
    const own = headerCells(grid, table, sum.total).find((h) => TOTAL.test(h.text));
    const block: number[] = [];
    for (let c = own?.left ?? sum.total; c <= (own?.right ?? sum.total); c++) block.push(c);
    const parts = table.colSums.filter((s) => block.includes(s.total)).flatMap((s) => s.parts);
    const lo = Math.min(...parts);
    const hi = Math.max(...parts);
    if (block.some((c) => c > lo && c < hi)) return { skip: "合计列在分项之间" };
    const from = Math.min(block[0], lo);
    const to = Math.max(block[block.length - 1], hi);
    const others = [];
    for (let c = from; c <= to; c++) if (!block.includes(c)) others.push(c);
    const moved = block[0] < lo ? [...others, ...block] : [...block, ...others];
    const order = Array.from({ length: grid.colCount }, (_, c) => (c >= from && c <= to ? moved[c - from] : c));
    const numbers = table.colNoRow === undefined ? [] : moved.map((c) => grid.at(table.colNoRow!, c).v);
    grid.permuteCols(order);
    const where = new Map(order.map((old, now) => [old, now]));
    l.table = remapTable(table, "col", (c) => where.get(c)!);
    if (table.colNoRow !== undefined) renumber(l, from, to, numbers);
    return l;
  },
};

/** Column numbers (栏次) read left to right again after a move. */
function renumber(l: Layout, from: number, to: number, before: unknown[]): void {
  const row = l.table.colNoRow!;
  const numbers = before
    .filter(isFigureValue)
    .map(Number)
    .sort((a, b) => a - b);
  for (let c = from; c <= to; c++) if (isFigureValue(l.grid.at(row, c).v)) l.grid.set(row, c, numbers.shift()!);
}

const isFigureValue = (v: unknown): boolean => (typeof v === "number" || typeof v === "string") && isFigure(v);

/** A 行次 column after each panel's label, numbering its non-blank rows (seed 014's form). */
export const lineNoColumn: Transform = {
  name: "line-no-column",
  title: "增加行次列",
  apply(input) {
    const targets = input.table.panels.map((p, i) => i).filter((i) => input.table.panels[i].label !== undefined);
    if (targets.length === 0) return { skip: "没有项目列" };
    if (targets.some((i) => input.table.panels[i].counters.includes(input.table.panels[i].label! + 1)))
      return { skip: "项目列后已有行次列" };
    const l = edit(input);
    for (const i of [...targets].reverse()) {
      const label = l.table.panels[i].label!;
      const leaf = leafHeader(l.grid, l.table, label);
      insertCols(l, label + 1, 1);
      writeHeader(l.grid, leaf ?? { top: l.table.header.bottom, bottom: l.table.header.bottom }, label + 1, "行次");
      l.table.panels[i].counters.push(label + 1);
    }
    let n = 0;
    for (const p of l.table.panels) {
      const col = p.counters[p.counters.length - 1];
      for (const r of p.rows) {
        const blank = [p.label!, ...p.amounts].every((c) => l.grid.at(r, c).v === null);
        if (!blank) l.grid.set(r, col, ++n);
      }
    }
    return l;
  },
};
