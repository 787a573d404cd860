import Decimal from "decimal.js";

/**
 * One linear identity over cells: `total = factor × Σ items`. Row sums, column sums, the code tree,
 * complete 其中 breakdowns and the summary's balances all have this shape; a figure that two tables
 * repeat is `copy = factor × other copy` (factor converts units, 1 within one unit). Cells are dense
 * numbers handed out by the caller, so the engine knows nothing of sheets or addresses.
 */
export interface Identity {
  total: number;
  items: readonly number[];
  /** Items in another unit: 10000 when the total is in 元 and the items in 万元. Absent = 1. */
  factor?: Decimal;
  /** The rounding band of the total's table, in its own unit (docs/domain.md §2). */
  band: Decimal;
  /**
   * A copy of a figure rather than a sum: neither side is "the total". A culprit that breaks only
   * such identities is the copy that disagrees, not a total that fails to add up.
   */
  copy?: boolean;
}

/** exact: Δ = 0; rounding: 0 < |Δ| ≤ band; beyond: |Δ| > band; unreadable: a cell holds no amount. */
export type Status = "exact" | "rounding" | "beyond" | "unreadable";

/** What the engine reads of a cell: its amount (empty = 0), or null when it holds no amount. */
export type ValueOf = (cell: number) => Decimal | null;

const ZERO = new Decimal(0);

/** total − factor × Σ items, or null when a cell holds no amount (its own finding says why). */
export function residual(identity: Identity, value: ValueOf): Decimal | null {
  const total = value(identity.total);
  if (total === null) return null;
  // Adding to a shared zero, item by item, rounds each partial sum as the readers always have.
  let sum: Decimal = ZERO;
  let first = true;
  for (const item of identity.items) {
    const v = value(item);
    if (v === null) return null;
    sum = first ? startSum(v) : sum.plus(v);
    first = false;
  }
  return difference(identity, total, sum);
}

/**
 * 0 + v as decimal.js adds it, without the addition where it changes nothing: +0 for a zero of
 * either sign, v itself where it has no more significant digits than the precision (else the
 * addition rounds it). A row of two items costs one addition rather than two.
 */
function startSum(v: Decimal): Decimal {
  if (v.isZero()) return ZERO;
  return v.isFinite() && v.sd() <= Decimal.precision ? v : ZERO.plus(v);
}

/**
 * `residual` over amounts held by cell id, as the identity book keeps them. Not `residual` with a
 * closure over the array: each check's book brings a new closure, and V8 throws away code
 * optimized for the previous one ("wrong call target"), so the next check ran cold.
 */
export function residualIn(identity: Identity, values: readonly (Decimal | null)[]): Decimal | null {
  const total = values[identity.total];
  if (total === null) return null;
  let sum: Decimal = ZERO;
  const { items } = identity;
  for (let i = 0; i < items.length; i++) {
    const v = values[items[i]];
    if (v === null) return null;
    sum = i === 0 ? startSum(v) : sum.plus(v);
  }
  return difference(identity, total, sum);
}

function difference(identity: Identity, total: Decimal, sum: Decimal): Decimal {
  if (identity.factor) sum = sum.times(identity.factor);
  // Nearly every identity holds exactly: comparing allocates nothing, and x − x is +0 in
  // decimal.js whatever x is (but when rounding towards −∞, which this project never sets).
  if (Decimal.rounding !== Decimal.ROUND_FLOOR && total.eq(sum)) return ZERO;
  return total.minus(sum);
}

export function statusOf(r: Decimal | null, band: Decimal): Status {
  if (r === null) return "unreadable";
  if (r.isZero()) return "exact";
  return r.abs().lessThanOrEqualTo(band) ? "rounding" : "beyond";
}

/** An identity holds for the engine when it is exact or within the rounding band. */
export function holds(status: Status): boolean {
  return status === "exact" || status === "rounding";
}

/** The coefficient of a cell in an identity written as `total − factor × Σ items = 0`. */
export function coefficient(identity: Identity, cell: number): Decimal {
  let c = identity.total === cell ? new Decimal(1) : ZERO;
  let n = 0;
  for (const item of identity.items) if (item === cell) n++;
  if (n > 0) c = c.minus((identity.factor ?? new Decimal(1)).times(n));
  return c;
}

/** Every identity evaluated once: residual and status, in the order given. */
export interface Evaluated {
  identities: readonly Identity[];
  residuals: (Decimal | null)[];
  statuses: Status[];
}

export function evaluate(identities: readonly Identity[], value: ValueOf): Evaluated {
  const residuals: (Decimal | null)[] = new Array(identities.length);
  const statuses: Status[] = new Array(identities.length);
  for (let i = 0; i < identities.length; i++) {
    const r = residual(identities[i], value);
    residuals[i] = r;
    statuses[i] = statusOf(r, identities[i].band);
  }
  return { identities, residuals, statuses };
}
