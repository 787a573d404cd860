import Decimal from "decimal.js";
import { Equation, solveSmall } from "./solve";
import { Evaluated, coefficient } from "./system";

/** A cell the minimal change alters, and by how much: its value + delta makes every identity hold. */
export interface Culprit {
  cell: number;
  delta: Decimal;
}

/** A set of failing identities linked by shared cells, and what explains them. */
export interface Component {
  /** Indices of the identities that fail beyond the band. */
  failing: number[];
  /** How many cells the smallest repair changes; Infinity when none of at most maxCells exists. */
  size: number;
  /** The one lightest smallest repair; null when there is none, or several equally light. */
  culprits: Culprit[] | null;
  /** True when that repair is the only one of its size: the weights did not choose it. */
  alone?: boolean;
  /**
   * True when several repairs tied and this one was the only one that writes every figure to its
   * table's decimals (see LocalizeOptions.decimals): the figures chose it, not the weights.
   */
  written?: boolean;
}

export interface LocalizeOptions {
  /** The most cells one repair may change (Fellegi–Holt's minimum is searched up to here). */
  maxCells?: number;
  /** Trust in a cell's figure: a repair's weight is the sum over the cells it changes. */
  weight?: (cell: number) => number;
  /** Repairs checked per component before giving up on it (a guard for tables read wrongly). */
  maxCandidates?: number;
  /** The cell's figure now: a repair never turns a blank or positive figure negative. */
  value?: (cell: number) => Decimal | null;
  /**
   * The decimals the figures of the cell's table are written to. Where several repairs tie, one
   * that writes every changed figure within those decimals is preferred to those that do not (a
   * table of whole numbers is not repaired by making a second figure 1,234.05).
   */
  decimals?: (cell: number) => number | null;
}

/**
 * Fellegi–Holt error localization by exact enumeration: for each component of failing identities,
 * the smallest set of cells whose change makes every identity hold (the failing ones and every
 * holding identity the cells sit in), the lightest by weight where several sizes tie. A change
 * set must meet every failing identity, so candidates branch on the cells of the first identity it
 * does not meet yet; each candidate is checked by solving its small linear system exactly.
 */
export function localize(ev: Evaluated, options: LocalizeOptions = {}): Component[] {
  const maxCells = options.maxCells ?? 3;
  const weight = options.weight ?? (() => 1);
  const maxCandidates = options.maxCandidates ?? 20000;
  const { identities, statuses } = ev;
  const failing: number[] = [];
  for (let i = 0; i < statuses.length; i++) if (statuses[i] === "beyond") failing.push(i);
  if (failing.length === 0) return [];

  // Where each cell occurs: changing a cell moves every identity it sits in.
  const incidence = new Map<number, number[]>();
  for (let i = 0; i < identities.length; i++)
    for (const c of cellsOf(ev, i)) {
      const list = incidence.get(c);
      if (!list) incidence.set(c, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }

  const limits = { maxCells, weight, maxCandidates, value: options.value, decimals: options.decimals };
  const groups = components(ev, failing, incidence);
  const results = groups.map((group) => repair(ev, group, incidence, limits));
  // A group that no single repair explains may be one error seen from two sides, linked by a sum
  // that holds (a wrong 本年合计 carried into its 总计, which then fails the balance): such groups
  // are solved together, and the joint repair is kept where it is the one lightest.
  const groupOf = new Map<number, number>();
  groups.forEach((g, k) => g.forEach((f) => groupOf.set(f, k)));
  const merged = new Set<number>();
  for (let k = 0; k < groups.length; k++) {
    if (results[k].culprits || merged.has(k)) continue;
    const linked = linkedGroups(ev, groups[k], incidence, groupOf).filter((j) => j !== k && !merged.has(j));
    if (linked.length === 0) continue;
    const joint = repair(
      ev,
      [groups[k], ...linked.map((j) => groups[j])].flat().sort((a, b) => a - b),
      incidence,
      limits,
    );
    if (!joint.culprits) continue;
    results[k] = joint;
    for (const j of linked) merged.add(j);
  }
  // A repair that reaches into other groups (a change carried along a holding sum fixes their
  // failures too) explains them as well: they join its component.
  for (let k = 0; k < groups.length; k++) {
    const culprits = results[k].culprits;
    if (!culprits || merged.has(k)) continue;
    const reached = new Set<number>();
    for (const c of culprits) for (const i of incidence.get(c.cell)!) if (groupOf.has(i)) reached.add(groupOf.get(i)!);
    reached.delete(k);
    const others = [...reached].filter((j) => !merged.has(j));
    if (others.length === 0) continue;
    results[k] = {
      ...results[k],
      failing: [results[k].failing, ...others.map((j) => results[j].failing)].flat().sort((a, b) => a - b),
    };
    for (const j of others) merged.add(j);
  }
  return results.filter((_, k) => !merged.has(k));
}

/** Groups whose failing identities share a cell with a holding identity that touches `group`. */
function linkedGroups(ev: Evaluated, group: number[], incidence: Map<number, number[]>, groupOf: Map<number, number>): number[] {
  const out = new Set<number>();
  for (const f of group)
    for (const c of cellsOf(ev, f))
      for (const h of incidence.get(c)!) {
        if (groupOf.has(h)) continue;
        for (const x of cellsOf(ev, h)) for (const g of incidence.get(x)!) if (groupOf.has(g)) out.add(groupOf.get(g)!);
      }
  return [...out];
}

function cellsOf(ev: Evaluated, i: number): number[] {
  const id = ev.identities[i];
  const out = [id.total];
  for (const c of id.items) if (!out.includes(c)) out.push(c);
  return out;
}

/** Failing identities grouped by shared cells (union–find), each group in identity order. */
function components(ev: Evaluated, failing: number[], incidence: Map<number, number[]>): number[][] {
  const parent = new Map<number, number>(failing.map((f) => [f, f]));
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const list of incidence.values()) {
    let first = -1;
    for (const i of list) {
      if (!parent.has(i)) continue;
      if (first < 0) first = i;
      else parent.set(find(i), find(first));
    }
  }
  const groups = new Map<number, number[]>();
  for (const f of failing) {
    const root = find(f);
    const g = groups.get(root);
    if (g) g.push(f);
    else groups.set(root, [f]);
  }
  return [...groups.values()];
}

interface Limits {
  maxCells: number;
  weight: (cell: number) => number;
  maxCandidates: number;
  value?: (cell: number) => Decimal | null;
  decimals?: (cell: number) => number | null;
}

function repair(ev: Evaluated, failing: number[], incidence: Map<number, number[]>, limits: Limits): Component {
  const failingSet = new Set(failing);
  // A cell meets at most this many identities: fewer cells than that can never meet them all.
  // Only the failing identities' own cells meet any (a scan of every cell of the workbook per
  // component made many failures cost the table's size each).
  let maxDegree = 0;
  for (const f of failing)
    for (const c of cellsOf(ev, f)) {
      let n = 0;
      for (const i of incidence.get(c)!) if (failingSet.has(i)) n++;
      if (n > maxDegree) maxDegree = n;
    }
  let tried = 0;
  for (let k = 1; k <= limits.maxCells; k++) {
    if (k * maxDegree < failing.length) continue;
    const seen = new Set<string>();
    const found: { cells: number[]; deltas: Decimal[]; weight: number }[] = [];
    const branch = (chosen: number[], open: number[]): boolean => {
      if (open.length === 0) {
        const key = [...chosen].sort((a, b) => a - b).join(",");
        if (seen.has(key)) return true;
        seen.add(key);
        if (++tried > limits.maxCandidates) return false;
        const deltas = check(ev, chosen, incidence);
        // Budget figures are not negative: a repair that makes a blank or positive figure negative
        // (a blank 购置费 of −0.45) explains nothing.
        const negative =
          deltas !== null && limits.value !== undefined && chosen.some((c, i) => turnsNegative(limits.value!(c), deltas[i]));
        if (deltas && !negative) {
          found.push({ cells: [...chosen], deltas, weight: chosen.reduce((w, c) => w + limits.weight(c), 0) });
          return true;
        }
        // The change may break a sum that holds (a wrong 本年合计 carried into its 总计): a cell of
        // such a sum, changed along, may restore it.
        if (chosen.length === k) return true;
        for (const c of neighbours(ev, chosen, incidence, failingSet)) {
          chosen.push(c);
          const more = branch(chosen, []);
          chosen.pop();
          if (!more) return false;
        }
        return true;
      }
      if (chosen.length === k) return true;
      for (const c of cellsOf(ev, open[0])) {
        if (chosen.includes(c)) continue;
        const meets = incidence.get(c)!;
        const rest = open.filter((f) => !meets.includes(f));
        if (chosen.length === k - 1 && rest.length > 0) continue;
        chosen.push(c);
        const more = branch(chosen, rest);
        chosen.pop();
        if (!more) return false;
      }
      return true;
    };
    if (!branch([], failing)) return { failing, size: Infinity, culprits: null };
    if (found.length === 0) continue;
    found.sort((a, b) => a.weight - b.weight);
    const unique = found.length === 1 || found[1].weight - found[0].weight > 1e-9;
    const written = unique ? null : onlyWritten(found, limits);
    const best = written ?? found[0];
    return {
      failing,
      size: k,
      culprits: unique || written ? best.cells.map((cell, i) => ({ cell, delta: best.deltas[i] })) : null,
      alone: found.length === 1,
      ...(written ? { written: true } : {}),
    };
  }
  return { failing, size: Infinity, culprits: null };
}

/**
 * Of the lightest repairs that tie, the one repair whose changed figures all keep to their
 * table's decimals, or null when none or several do (then the tie stands: ambiguous).
 */
function onlyWritten(
  found: { cells: number[]; deltas: Decimal[]; weight: number }[],
  limits: Limits,
): { cells: number[]; deltas: Decimal[]; weight: number } | null {
  const { decimals, value } = limits;
  if (!decimals || !value) return null;
  const lightest = found.filter((f) => f.weight - found[0].weight <= 1e-9);
  const fits = lightest.filter((f) =>
    f.cells.every((c, i) => {
      const d = decimals(c);
      return d !== null && (value(c) ?? new Decimal(0)).plus(f.deltas[i]).decimalPlaces() <= d;
    }),
  );
  return fits.length === 1 ? fits[0] : null;
}

function turnsNegative(now: Decimal | null, delta: Decimal): boolean {
  const before = now ?? new Decimal(0);
  return !before.isNegative() && before.plus(delta).isNegative();
}

/** Cells of the holding identities that `chosen` sits in, which a repair may change along with it. */
function neighbours(ev: Evaluated, chosen: number[], incidence: Map<number, number[]>, failing: Set<number>): number[] {
  const out = new Set<number>();
  for (const c of chosen)
    for (const i of incidence.get(c)!) {
      if (failing.has(i)) continue;
      for (const x of cellsOf(ev, i)) if (!chosen.includes(x)) out.add(x);
    }
  return [...out];
}

/**
 * The changes to `cells` that make every identity they sit in hold, or null when there are none,
 * or when one of the cells need not change at all (then a smaller set is the repair).
 */
function check(ev: Evaluated, cells: number[], incidence: Map<number, number[]>): Decimal[] | null {
  const touched = new Set<number>();
  for (const c of cells) for (const i of incidence.get(c)!) touched.add(i);
  const equations: (Equation & { gap: Decimal })[] = [];
  for (const i of touched) {
    const r = ev.residuals[i];
    if (r === null) continue;
    const id = ev.identities[i];
    equations.push({ coefs: cells.map((c) => coefficient(id, c)), rhs: r.negated(), band: id.band, gap: r.abs() });
  }
  // The widest gaps decide the values; a rounding gap never does.
  equations.sort((a, b) => b.gap.comparedTo(a.gap));
  const d = solveSmall(equations, cells.length);
  if (!d) return null;
  for (let k = 0; k < cells.length; k++) {
    const band = ev.identities[incidence.get(cells[k])![0]].band;
    if (d[k].abs().lessThanOrEqualTo(band)) return null;
  }
  return d;
}
