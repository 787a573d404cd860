import { Component } from "./localize";
import { Evaluated, ValueOf } from "./system";

/** How well a reading of one table explains its figures. */
export interface Verdict {
  /** True when the table's findings may be reported: its reading explains it but for a few figures. */
  confirmed: boolean;
  /** Identities that say something: a cell holds a figure other than 0. */
  informative: number;
  /** Of those, how many hold (exactly or within the band). */
  holding: number;
  /** Figures the smallest repair changes (for a failure with no small repair: its failing identities). */
  repairs: number;
}

/** The share of a table's identities that may need a repair before its reading is in doubt. */
export const REPAIR_SHARE = 0.2;
/** A small table may still hold two wrong figures without its reading being in doubt. */
export const MIN_REPAIRS = 2;

/**
 * Quiet when unsure (issue 16, principle 3): a table's warnings and errors need a reading under
 * which most of its identities hold. Wrong figures break identities too, so "most" counts what a
 * minimal repair leaves: the reading is confirmed when the figures to change are at most a fifth
 * of its identities (at least two, so a small table with a wrong figure or two is still reported). A
 * reading that needs many independent repairs is a reading of a structure the table does not have.
 */
export function judgeTable(identities: number[], ev: Evaluated, value: ValueOf, componentOf: Map<number, Component>): Verdict {
  let informative = 0;
  let holding = 0;
  const seen = new Set<Component>();
  let repairs = 0;
  for (const i of identities) {
    const status = ev.statuses[i];
    if (status === "unreadable" || !says(ev, i, value)) continue;
    informative++;
    if (status !== "beyond") {
      holding++;
      continue;
    }
    const comp = componentOf.get(i);
    if (!comp) {
      repairs++;
      continue;
    }
    if (seen.has(comp)) continue;
    seen.add(comp);
    // A failure with no small repair costs at most one changed total per failing identity.
    repairs += Math.min(comp.size, comp.failing.length);
  }
  const allowed = Math.max(MIN_REPAIRS, Math.floor(informative * REPAIR_SHARE));
  return { confirmed: repairs <= allowed, informative, holding, repairs };
}

/** An identity whose cells are all empty or 0 holds whatever the table's structure is. */
function says(ev: Evaluated, i: number, value: ValueOf): boolean {
  const id = ev.identities[i];
  if (!(value(id.total)?.isZero() ?? true)) return true;
  for (const c of id.items) if (!(value(c)?.isZero() ?? true)) return true;
  return false;
}

/** Which component each failing identity belongs to. */
export function componentIndex(components: Component[]): Map<number, Component> {
  const out = new Map<number, Component>();
  for (const c of components) for (const i of c.failing) out.set(i, c);
  return out;
}
