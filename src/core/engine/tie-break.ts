import Decimal from "decimal.js";

/** A repair the localizer found: the cells it changes, by how much, and its weight. */
export interface Repair {
  cells: number[];
  deltas: Decimal[];
  weight: number;
}

/** How a tie among equally light repairs was broken, if it was. */
export interface TieBreak {
  repair: Repair;
  /** Only this repair writes every figure to its table's decimals. */
  written?: boolean;
  /** Only this repair undoes one keystroke in every figure it changes (a typing slip). */
  typo?: boolean;
}

export interface FigureFacts {
  value?: (cell: number) => Decimal | null;
  decimals?: (cell: number) => number | null;
}

/**
 * Breaks a tie among the lightest repairs by what the figures themselves say, or returns null
 * where they say nothing (the tie stands, and no single cell is blamed).
 *
 * First the table's decimals: a table of whole numbers is not repaired by making a second figure
 * 1,234.05. Then, among the repairs that still fit, a typing slip: where exactly one repair turns
 * each figure it changes into one that differs from it by a single keystroke (one digit replaced,
 * or two neighbours swapped: 1,764 typed for 1,746), that repair is the one.
 * This is Scholtus's correction of simple typing errors under balance edits (Statistics
 * Netherlands, 2009). A figure left out, or typed into the wrong row, is mended by filling or
 * clearing a cell: where a tied repair does that, the tie stands too, as it does where several
 * repairs are slips (an item left out often leaves the total and most items one digit away).
 */
export function breakTie(lightest: Repair[], facts: FigureFacts): TieBreak | null {
  const { decimals, value } = facts;
  if (!value) return null;
  const now = (c: number) => value(c) ?? new Decimal(0);
  let pool = lightest;
  if (decimals) {
    const fits = lightest.filter((r) =>
      r.cells.every((c, i) => {
        const d = decimals(c);
        return d !== null && now(c).plus(r.deltas[i]).decimalPlaces() <= d;
      }),
    );
    if (fits.length === 1) return { repair: fits[0], written: true };
    if (fits.length > 1) pool = fits;
  }
  const slips = pool.filter((r) => r.cells.every((c, i) => oneKeystroke(now(c), now(c).plus(r.deltas[i]))));
  // A figure typed into the wrong row, or left out, is mended by clearing or filling a cell: as
  // simple an error as a slip, so such a repair keeps the tie too.
  const clears = pool.filter((r) => r.cells.some((c, i) => now(c).isZero() || now(c).plus(r.deltas[i]).isZero()));
  return slips.length === 1 && clears.length === 0 ? { repair: slips[0], typo: true } : null;
}

/**
 * True when `typed` differs from `meant` by one keystroke among its digits, both written to the
 * decimals of the longer (20.3 for 20 is 203 for 200): one digit replaced, or two neighbours
 * swapped. A digit added or dropped also changes the figure tenfold, and a change of sign is no
 * slip of one digit: neither counts (added or dropped digits named the wrong cell more often than
 * the right one's share would justify on the accuracy bench, where a total's carry mimics them).
 */
export function oneKeystroke(typed: Decimal, meant: Decimal): boolean {
  // A figure for a blank (or a blank for a figure) is a figure left out or put in the wrong row.
  if (typed.eq(meant) || typed.isZero() || meant.isZero()) return false;
  if ((typed.isNegative() && meant.gt(0)) || (meant.isNegative() && typed.gt(0))) return false;
  const places = Math.max(typed.decimalPlaces(), meant.decimalPlaces());
  const digits = (d: Decimal) => d.abs().times(new Decimal(10).pow(places)).toFixed(0);
  const [a, b] = [digits(typed), digits(meant)];
  // Budget figures are mostly round: a repair that makes a round figure ragged (1,500,000 mended
  // to 1,500,001) is no likelier than the tie, whatever the keystrokes.
  if (a.length !== b.length || trailingZeros(b) < trailingZeros(a)) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

function trailingZeros(digits: string): number {
  let n = 0;
  while (n < digits.length - 1 && digits[digits.length - 1 - n] === "0") n++;
  return n;
}
