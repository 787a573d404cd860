import { REPAIR_SHARE } from "./confidence";
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
    if (outscores(s, top)) {
      best = i;
      top = s;
    }
  }
  return best;
}

/** Whether a reading scored `s` replaces one scored `top`: more identities hold, and no more fail. */
function outscores(s: Score, top: Score): boolean {
  return s.holding > top.holding && s.failing <= top.failing;
}

/**
 * Whether a reading that sums more of the table replaces one that sums less (a column of figures
 * the reader took for codes: read as figures it adds its own sums and its rows across). One wrong
 * figure breaks more identities where more are read, so failing no more is too strict: it replaces
 * the other where more identities hold and its failures are no more than the other's or few, at
 * most the share of a table's identities that a confirmed reading may need repaired (confidence.ts).
 */
export function explainsMore(s: Score, top: Score): boolean {
  const few = Math.floor((s.holding + s.failing) * REPAIR_SHARE);
  return s.holding > top.holding && s.failing <= Math.max(top.failing, few);
}
