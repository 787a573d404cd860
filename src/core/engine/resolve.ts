import Decimal from "decimal.js";
import { IdentityBook, SheetPort, SumEntry, TableArea } from "./book";
import { Verdict, componentIndex, judgeTable } from "./confidence";
import { Component, localize } from "./localize";
import { Evaluated } from "./system";

/** A located wrong figure: the cell, the value that makes every identity hold, the identities it breaks. */
export interface LocatedCulprit {
  cell: number;
  delta: Decimal;
  breaks: number[];
  /** Several repairs tied and only this one keeps the figures to the sheet's decimals (localize.ts). */
  written?: boolean;
}

/** What the identities of a workbook say, before anything is reported. */
export interface Resolution {
  /** Tables whose reading is in doubt: nothing is judged on them but the one note. */
  unsure: Map<TableArea, Verdict>;
  /** Identities not judged: those of doubtful tables, and copies that reach into one. */
  dropped: Set<number>;
  /** Failing identities that a located culprit explains: reported through the culprit only. */
  explained: Set<number>;
  culprits: LocatedCulprit[];
}

/** Trust in a figure (a repair's weight is the sum over its cells): a formula total follows its items. */
const FORMULA_WEIGHT = 1.5;
/** Each other table that repeats a figure and agrees with it makes it more trusted, up to a cap below 2. */
const COPY_WEIGHT = 0.2;
const MAX_WEIGHT = 1.9;

/**
 * Two passes (issue 16, principles 2 and 3). First each table alone: its sums and the smallest
 * repair of their failures decide whether the reading explains the table (confidence.ts). Then the
 * whole workbook without the doubtful tables: sums and the figures the tables repeat, as one
 * system, localized once; a component with one lightest smallest repair names its culprits.
 */
export function resolveBook(book: IdentityBook): Resolution {
  const weight = weights(book);
  const decimals = sheetDecimals(book);
  const dropped = rejectedFamilies(book, weight);
  const sums = book.entries.filter((e): e is SumEntry => e.kind === "sum" && !dropped.has(e.identity));
  const unsure = new Map<TableArea, Verdict>();
  if (sums.some((e) => book.statuses[e.identity] === "beyond")) {
    const own = subsystem(
      book,
      sums.map((e) => e.identity),
    );
    const byTable = new Map<TableArea, number[]>();
    for (const e of sums) {
      if (!e.table) continue;
      const list = byTable.get(e.table);
      if (list) list.push(e.identity);
      else byTable.set(e.table, [e.identity]);
    }
    const components = own.map(localize(own.ev, { weight, value: book.value, decimals }));
    const componentOf = componentIndex(components);
    for (const [table, ids] of byTable) {
      const verdict = judgeTable(ids, book.asEvaluated(), book.value, componentOf);
      if (!verdict.confirmed) unsure.set(table, verdict);
    }
  }
  for (const e of book.entries) {
    if (
      e.kind === "sum"
        ? e.table && unsure.has(e.table)
        : [e.spec.preferred, e.spec.other].some((p) => p.table && unsure.has(p.table))
    )
      dropped.add(e.identity);
  }
  const explained = new Set<number>();
  const culprits: LocatedCulprit[] = [];
  if (book.statuses.some((s, i) => s === "beyond" && !dropped.has(i))) {
    const kept: number[] = [];
    for (let i = 0; i < book.identities.length; i++) if (!dropped.has(i)) kept.push(i);
    const all = subsystem(book, kept);
    for (const comp of all.map(localize(all.ev, { weight, value: book.value, decimals }))) {
      if (!comp.culprits) continue;
      const located = comp.culprits.map((c) => ({
        cell: c.cell,
        delta: c.delta,
        breaks: comp.failing.filter((f) => touches(book, f, c.cell)),
        ...(comp.written ? { written: true } : {}),
      }));
      // Every culprit must break something (a cell changed only to keep a holding sum whole is no
      // finding), and where the weights chose the repair, the identities must point at it too.
      if (located.some((c) => c.breaks.length === 0)) continue;
      // A blank is often a figure the form does not fill in (收入总计 with no 增减额): it is named
      // only where two identities or more point at it (a blank 小计 under filled items).
      if (located.some((c) => c.breaks.length < 2 && blank(book, c.cell))) continue;
      if (!comp.alone && !comp.written && !located.every((c) => credible(book, c))) continue;
      for (const f of comp.failing) explained.add(f);
      culprits.push(...located);
    }
  }
  return { unsure, dropped, explained, culprits };
}

/**
 * The identities of the families their tables' figures do not bear out (structure from
 * arithmetic, issue 16 principle 1). A family is kept when all its sums hold; or when its failing
 * sums are explained by culprits each seen from two sides or more (one wrong figure seen from two
 * sides is evidence for the reading; a side is a failing sum over it, or a holding sum over it and
 * another culprit of the same repair); or, in a family of three or more (or one likely before any
 * figure is read), when at most a fifth of them (at least one) fail unexplained, as one wrong
 * figure would. Otherwise the labels suggested a structure the table does not have, and the family
 * says nothing.
 */
function rejectedFamilies(book: IdentityBook, weight: (cell: number) => number): Set<number> {
  const out = new Set<number>();
  for (const family of book.families) {
    let informative = 0;
    const failing: number[] = [];
    for (const i of family.identities) {
      if (book.statuses[i] === "unreadable" || !says(book, i)) continue;
      informative++;
      if (book.statuses[i] === "beyond") failing.push(i);
    }
    if (failing.length === 0) continue;
    const tolerated = Math.max(1, Math.floor(informative * 0.2));
    const kept = (unexplained: number) => unexplained === 0 || ((family.likely || informative >= 3) && unexplained <= tolerated);
    // Judged with every sum of its table: first with the other families' failing sums left out (a
    // wrong suggestion elsewhere must not drag this one down), then with them (a blank 小计 that
    // breaks its 其中 list and its own sub-items is one culprit seen from two families).
    const table = book.entries.filter((e): e is SumEntry => e.kind === "sum" && e.table === family.table);
    const alone = table.filter((e) => !e.family || e.family === family || book.statuses[e.identity] !== "beyond");
    if (kept(unexplainedIn(book, alone, failing, weight))) continue;
    if (kept(unexplainedIn(book, table, failing, weight))) continue;
    for (const i of family.identities) out.add(i);
  }
  return out;
}

/** How many of `failing` no culprit explains (one that breaks two identities or more) among `entries`. */
function unexplainedIn(
  book: IdentityBook,
  entries: { identity: number }[],
  failing: number[],
  weight: (cell: number) => number,
): number {
  const local = subsystem(
    book,
    entries.map((e) => e.identity),
  );
  const explained = new Set<number>();
  for (const comp of local.map(localize(local.ev, { weight, value: book.value }))) {
    if (!comp.culprits) continue;
    const cells = comp.culprits.map((c) => c.cell);
    // A culprit is seen from a side where a sum fails, and where a sum that holds now would fail
    // once another culprit is repaired (a wrong 小计 carried into its 合计: the 合计 is pinned by
    // its own failing sum and by 合计 = 小计 + …, which the 小计's repair breaks).
    const sides = cells.map(
      (cell) =>
        comp.failing.filter((f) => touches(book, f, cell)).length +
        (cells.length > 1 ? entries.filter((e) => linked(book, e.identity, cell, cells)).length : 0),
    );
    if (sides.every((n) => n >= 2)) for (const f of comp.failing) explained.add(f);
  }
  return failing.filter((f) => !explained.has(f)).length;
}

/** A holding identity over `cell` and another of the repair's cells: the repair changes it on two sides. */
function linked(book: IdentityBook, identity: number, cell: number, cells: number[]): boolean {
  if (book.statuses[identity] === "beyond" || !touches(book, identity, cell)) return false;
  return cells.some((other) => other !== cell && touches(book, identity, other));
}

function touches(book: IdentityBook, identity: number, cell: number): boolean {
  const id = book.identities[identity];
  return id.total === cell || id.items.includes(cell);
}

function blank(book: IdentityBook, cell: number): boolean {
  return book.cellSheet[cell].isEmpty(book.cellRow[cell], book.cellCol[cell]);
}

/** An identity over empty or zero cells only holds under any reading. */
function says(book: IdentityBook, i: number): boolean {
  const id = book.identities[i];
  for (const c of [id.total, ...id.items]) if (!(book.value(c)?.isZero() ?? true)) return true;
  return false;
}

/**
 * A culprit the weights chose among equally small repairs is kept only where the identities point
 * at it too: it breaks two identities or more, or it is the total of the one it breaks (as the rule
 * would report anyway), or that one is a copy of a figure other tables repeat. An item of one broken
 * sum is never singled out by weights alone; it is where it is the only repair of its size.
 */
function credible(book: IdentityBook, c: LocatedCulprit): boolean {
  if (c.breaks.length >= 2) return true;
  // A cell changed only to keep a holding sum whole is part of a repair, not a figure to blame.
  if (c.breaks.length === 0) return false;
  const id = book.identities[c.breaks[0]];
  return id.copy === true || id.total === c.cell;
}

/** The identities `ids` as a system of their own, and how its components map back. */
function subsystem(book: IdentityBook, ids: number[]) {
  const ev: Evaluated = {
    identities: ids.map((i) => book.identities[i]),
    residuals: ids.map((i) => book.residuals[i]),
    statuses: ids.map((i) => book.statuses[i]),
  };
  const map = (components: Component[]): Component[] => components.map((c) => ({ ...c, failing: c.failing.map((f) => ids[f]) }));
  return { ev, map };
}

/** Non-zero figures a sheet must show before the decimals they are written to are a pattern. */
const MIN_WRITTEN = 5;

/**
 * The decimals a sheet's figures are written to: the fewest that all its non-zero figures in the
 * book but one fit (that one may be the wrong figure), or null for a sheet of fewer than five
 * (too few to show a pattern). Zeros show no decimals, so they say nothing.
 */
function sheetDecimals(book: IdentityBook): (cell: number) => number | null {
  // Built on the first tie it must break: most workbooks have none.
  let decimals: Map<SheetPort, number | null> | undefined;
  const build = () => {
    // Per sheet: how many non-zero figures, and the two largest numbers of decimals among them.
    const seen = new Map<SheetPort, { n: number; top: number; second: number }>();
    for (let cell = 0; cell < book.cellSheet.length; cell++) {
      const v = book.value(cell);
      if (v === null || v.isZero()) continue;
      const d = v.decimalPlaces();
      const s = seen.get(book.cellSheet[cell]) ?? { n: 0, top: -1, second: -1 };
      s.n++;
      if (d > s.top) [s.top, s.second] = [d, s.top];
      else if (d > s.second) s.second = d;
      seen.set(book.cellSheet[cell], s);
    }
    return new Map([...seen].map(([sheet, s]) => [sheet, s.n < MIN_WRITTEN + 1 ? null : s.second]));
  };
  return (cell) => (decimals ??= build()).get(book.cellSheet[cell]) ?? null;
}

function weights(book: IdentityBook): (cell: number) => number {
  const agreeing = new Map<number, number>();
  book.entries.forEach((e) => {
    if (e.kind !== "copy" || book.statuses[e.identity] !== "exact") return;
    const id = book.identities[e.identity];
    for (const c of [id.total, ...id.items]) agreeing.set(c, (agreeing.get(c) ?? 0) + 1);
  });
  return (cell) => {
    const formula = book.cellSheet[cell].view.formula(book.cellRow[cell], book.cellCol[cell]) !== "";
    return Math.min(MAX_WEIGHT, (formula ? FORMULA_WEIGHT : 1) + COPY_WEIGHT * (agreeing.get(cell) ?? 0));
  };
}
