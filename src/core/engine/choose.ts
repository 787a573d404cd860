import { Identity, ValueOf, holds, residual, statusOf } from "./system";

/** How one reading of a part of a table fares on the figures. */
export interface Score {
  holding: number;
  failing: number;
}

/** Identities that hold and fail under one reading; identities over empty or zero cells say nothing. */
export function score(identities: readonly Identity[], value: ValueOf): Score {
  let holding = 0;
  let failing = 0;
  for (const id of identities) {
    const status = statusOf(residual(id, value), id.band);
    if (status === "unreadable" || allZero(id, value)) continue;
    if (holds(status)) holding++;
    else failing++;
  }
  return { holding, failing };
}

function allZero(id: Identity, value: ValueOf): boolean {
  if (!(value(id.total)?.isZero() ?? true)) return false;
  for (const c of id.items) if (!(value(c)?.isZero() ?? true)) return false;
  return true;
}

/**
 * Structure from arithmetic (issue 16, principle 1): where the labels allow several readings of a
 * part of a table, the first is the one the labels propose, and another replaces it only where its
 * identities make more of the figures hold while failing no more. A reading cannot win by saying
 * less (one that sums nothing fails nothing). Readings are compared part by part, never as a
 * product over the sheet, so the cost stays linear in the table.
 */
export function choose<T>(readings: readonly T[], identitiesOf: (reading: T) => readonly Identity[], value: ValueOf): number {
  let best = 0;
  let top = score(identitiesOf(readings[0]), value);
  for (let i = 1; i < readings.length; i++) {
    const s = score(identitiesOf(readings[i]), value);
    if (s.holding > top.holding && s.failing <= top.failing) {
      best = i;
      top = s;
    }
  }
  return best;
}
