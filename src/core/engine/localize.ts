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
}

export interface LocalizeOptions {
  /** The most cells one repair may change (Fellegi–Holt's minimum is searched up to here). */
  maxCells?: number;
  /** Trust in a cell's figure: a repair's weight is the sum over the cells it changes. */
  weight?: (cell: number) => number;
  /** Repairs checked per component before giving up on it (a guard for tables read wrongly). */
  maxCandidates?: number;
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

  // Where each cell of a failing identity occurs, among all identities: a repair may only change
  // such a cell, and changing it moves every identity it sits in.
  const incidence = new Map<number, number[]>();
  for (const f of failing) for (const c of cellsOf(ev, f)) if (!incidence.has(c)) incidence.set(c, []);
  for (let i = 0; i < identities.length; i++)
    for (const c of cellsOf(ev, i)) {
      const list = incidence.get(c);
      if (list && list[list.length - 1] !== i) list.push(i);
    }

  return components(ev, failing, incidence).map((group) => repair(ev, group, incidence, { maxCells, weight, maxCandidates }));
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
}

function repair(ev: Evaluated, failing: number[], incidence: Map<number, number[]>, limits: Limits): Component {
  const failingSet = new Set(failing);
  // A cell meets at most this many identities: fewer cells than that can never meet them all.
  let maxDegree = 0;
  for (const list of incidence.values()) maxDegree = Math.max(maxDegree, list.filter((i) => failingSet.has(i)).length);
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
        if (deltas) found.push({ cells: [...chosen], deltas, weight: chosen.reduce((w, c) => w + limits.weight(c), 0) });
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
    const best = found[0];
    return {
      failing,
      size: k,
      culprits: unique ? best.cells.map((cell, i) => ({ cell, delta: best.deltas[i] })) : null,
    };
  }
  return { failing, size: Infinity, culprits: null };
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
