import Decimal from "decimal.js";
import { Grid } from "./grid";
import { RowInfo, isItem, readRows } from "./rows";
import { Panel, Table } from "./table";
import { figure } from "./words";

/** total = Σ parts, over cell ids (see Grid): it survives any transform that keeps the cells. */
export interface Identity {
  total: string;
  parts: string[];
  /** SUM-COL, CODE-TREE, TOTAL-ROW, BREAKDOWN or BALANCE: which reading produced it. */
  why: string;
}

/**
 * The identities a clean table's layout promises, read by the yardstick's own rules:
 * - SUM-COL: a total column = its header-tree parts (header-tree.ts), on every non-blank row;
 * - CODE-TREE: a code = Σ its child codes; a 合计/总计 row of a coded panel = Σ its top codes;
 * - TOTAL-ROW: in an uncoded panel, a 合计 or 小计 row = Σ the items since the previous total (or,
 *   at the top of a block, the items below it); a 总计 row = the 合计 above it + the items between
 *   them (结转, 结余; rows numbered under one of them break it down);
 * - BREAKDOWN: an item = Σ its 其中 rows, or its numbered sub-items, where they add up exactly
 *   (a partial breakdown is no identity);
 * - BALANCE: 收入总计 = 支出总计 across two side-by-side panels.
 * Identities whose cells are all blank are left out.
 */
export function deriveIdentities(grid: Grid, table: Table): Identity[] {
  const out: Identity[] = [];
  const add = (total: [number, number], parts: [number, number][], why: string) => {
    const cells = [total, ...parts].map(([r, c]) => grid.at(r, c));
    if (parts.length === 0 || cells.every((c) => c.v === null)) return;
    out.push({ total: cells[0].id, parts: cells.slice(1).map((c) => c.id), why });
  };
  const grandTotals: [number, number][] = [];
  table.panels.forEach((panel, pi) => {
    const rows = readRows(grid, panel).filter((r) => r.kind !== "blank");
    for (const s of table.colSums.filter((s) => s.panel === pi))
      for (const r of rows)
        add(
          [r.row, s.total],
          s.parts.map((c): [number, number] => [r.row, c]),
          "SUM-COL",
        );
    const coded = rows.some((r) => r.code);
    const sums = coded ? codeTree(rows) : rowTotals(rows);
    const parted = breakdowns(rows);
    for (const col of panel.amounts) {
      const at = (r: RowInfo): [number, number] => [r.row, col];
      for (const [total, parts] of sums) add(at(total), parts.map(at), sums.why!);
      // A breakdown may be partial (其中 only the largest part): it is an identity only where it adds up.
      for (const [item, parts] of parted) if (addsUp(grid, at(item), parts.map(at))) add(at(item), parts.map(at), "BREAKDOWN");
    }
    const grand = rows.find((r) => r.kind === "total" && r.rank === 3);
    const main = mainColumn(panel, table, pi);
    if (!coded && grand && main !== undefined) grandTotals.push([grand.row, main]);
  });
  if (grandTotals.length === 2) add(grandTotals[0], [grandTotals[1]], "BALANCE");
  return out;
}

type Sums = [RowInfo, RowInfo[]][] & { why?: string };

function codeTree(rows: RowInfo[]): Sums {
  const byCode = new Map<string, RowInfo | null>();
  for (const r of rows) if (r.code) byCode.set(r.code, byCode.has(r.code) ? null : r);
  const parentOf = (code: string) => [code.slice(0, -2), code.slice(0, -4)].find((p) => p.length >= 3 && byCode.get(p));
  const children = new Map<string, RowInfo[]>();
  const roots: RowInfo[] = [];
  for (const [code, r] of byCode) {
    if (!r) continue;
    const p = parentOf(code);
    if (p) children.set(p, [...(children.get(p) ?? []), r]);
    else roots.push(r);
  }
  const sums: Sums = [...children].map(([p, kids]) => [byCode.get(p)!, kids]);
  for (const t of rows) if (t.kind === "total" && t.rank >= 2) sums.push([t, roots]);
  sums.why = "CODE-TREE";
  return sums;
}

function rowTotals(rows: RowInfo[]): Sums {
  const sums: Sums = [];
  rows.forEach((t, k) => {
    if (t.kind !== "total") return;
    const from = lastIndex(rows, k, (r) => r.kind === "total" && r.rank >= t.rank) + 1;
    if (t.rank === 3) {
      const sub = lastIndex(rows, k, (r) => r.kind === "total" && r.rank === 2);
      if (sub >= from) {
        const between = rows.slice(sub + 1, k).filter(isItem);
        sums.push([t, [rows[sub], ...between]]);
        return;
      }
    }
    const above = rows.slice(from, k).filter(isItem);
    if (above.length > 0) return sums.push([t, above]);
    const end = rows.findIndex((r, i) => i > k && r.kind === "total" && r.rank >= t.rank);
    sums.push([t, rows.slice(k + 1, end < 0 ? rows.length : end).filter(isItem)]);
  });
  sums.why = "TOTAL-ROW";
  return sums;
}

function lastIndex(rows: RowInfo[], before: number, test: (r: RowInfo) => boolean): number {
  for (let i = before - 1; i >= 0; i--) if (test(rows[i])) return i;
  return -1;
}

/** An item and the rows that break it down (its 其中 rows, its numbered sub-items), each group apart. */
function breakdowns(rows: RowInfo[]): [RowInfo, RowInfo[]][] {
  const groups = new Map<string, RowInfo[]>();
  for (const r of rows)
    if (r.parent !== undefined) {
      const key = `${r.parent}|${r.kind}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
  return [...groups].map(([key, parts]) => [rows.find((r) => r.row === Number(key.split("|")[0]))!, parts]);
}

/** The column a panel's 总计 stands in: its only amount column, or its top total column. */
function mainColumn(panel: Panel, table: Table, pi: number): number | undefined {
  if (panel.amounts.length === 1) return panel.amounts[0];
  const sums = table.colSums.filter((s) => s.panel === pi);
  const top = sums.filter((s) => !sums.some((o) => o.parts.includes(s.total)));
  return top.length === 1 ? top[0].total : undefined;
}

function addsUp(grid: Grid, total: [number, number], parts: [number, number][]): boolean {
  const v = ([r, c]: [number, number]) => figure(grid.at(r, c).v);
  const sum = parts.reduce<Decimal | null>((a, p) => (a && v(p) ? a.plus(v(p)!) : null), new Decimal(0));
  return sum !== null && v(total) !== null && sum.equals(v(total)!);
}

export interface Broken {
  identity: Identity;
  detail: string;
}

/** The identities that do not hold exactly on the grid (cells found by id), each with what was found. */
export function brokenIdentities(grid: Grid, identities: Identity[]): Broken[] {
  const at = grid.positions();
  const value = (id: string): Decimal | string => {
    const p = at.get(id);
    if (!p) return `单元格 ${id} 不在表中`;
    return figure(grid.at(p.row, p.col).v) ?? `单元格 ${id} 不是数字`;
  };
  const out: Broken[] = [];
  for (const identity of identities) {
    const values = [identity.total, ...identity.parts].map(value);
    const problem = values.find((v): v is string => typeof v === "string");
    if (problem) {
      out.push({ identity, detail: problem });
      continue;
    }
    const [total, ...parts] = values as Decimal[];
    const sum = parts.reduce((a, b) => a.plus(b), new Decimal(0));
    if (!sum.equals(total)) out.push({ identity, detail: `${total.toString()} ≠ Σ ${sum.toString()}` });
  }
  return out;
}

/**
 * The cells a single change at `id` cannot be told from: those whose change alone, by the same
 * amount or its opposite, breaks and mends exactly the identities a change at `id` does (the same
 * incidence, up to sign). Minimum change (Fellegi–Holt) has no reason to prefer one of them: a
 * changed item of a sum that nothing else ties is as well explained by its total, or by any other
 * item. Always holds `id` itself.
 */
export function indistinguishable(identities: Identity[], id: string): Set<string> {
  const incidence = new Map<string, Map<number, number>>();
  identities.forEach((x, i) => {
    for (const [cell, sign] of [[x.total, -1] as const, ...x.parts.map((p) => [p, 1] as const)]) {
      const row = incidence.get(cell) ?? new Map<number, number>();
      row.set(i, (row.get(i) ?? 0) + sign);
      incidence.set(cell, row);
    }
  });
  const clean = (m: Map<number, number> | undefined) => [...(m ?? [])].filter(([, v]) => v !== 0);
  const mine = clean(incidence.get(id));
  const out = new Set([id]);
  if (mine.length === 0) return out;
  for (const [cell, m] of incidence) {
    const theirs = clean(m);
    if (theirs.length !== mine.length) continue;
    const scale = m.get(mine[0][0]) ?? 0;
    if (scale === 0) continue;
    const ratio = scale / mine[0][1];
    if (Math.abs(ratio) === 1 && mine.every(([i, v]) => m.get(i) === v * ratio)) out.add(cell);
  }
  return out;
}
