import Decimal from "decimal.js";
import { breakTie, oneKeystroke } from "../../../src/core/engine/tie-break";

const d = (x: string | number) => new Decimal(x);

describe("oneKeystroke", () => {
  it.each([
    ["70", "20", "one digit replaced"],
    ["1746", "1764", "two neighbours swapped"],
    ["20.3", "20", "a digit typed into the tenths (203 for 200)"],
  ])("%s typed for %s is one keystroke (%s)", (typed, meant) => {
    expect(oneKeystroke(d(typed), d(meant))).toBe(true);
  });

  it.each([
    ["12", "8", "a carry changes two digits"],
    ["1756", "1764", "a borrow changes two digits"],
    ["1647", "1764", "three digits moved"],
    ["-20", "20", "a change of sign"],
    ["20", "20", "no change at all"],
    ["2000", "20", "two digits added"],
    ["17644", "1764", "a digit pressed twice: tenfold"],
    ["0.06", "0", "a figure for a blank: left out or in the wrong row, not a slip"],
    ["1500000", "1500001", "a round figure made ragged: no likelier than the tie"],
    ["176", "1764", "a digit dropped: a tenth"],
  ])("%s typed for %s is not (%s)", (typed, meant) => {
    expect(oneKeystroke(d(typed), d(meant))).toBe(false);
  });
});

describe("breakTie", () => {
  // 合计 100 over items 20, 15, 70 (typed for 20), 10: each cell alone could repair the sum.
  const values: Record<number, string> = { 0: "100", 1: "20", 2: "15", 3: "70", 4: "10" };
  const value = (c: number) => (values[c] === undefined ? null : d(values[c]));
  const repair = (cell: number, delta: string) => ({ cells: [cell], deltas: [d(delta)], weight: 1 });
  // Items too high by 15: the total 100 → 115, or an item lower by 15 (15 → 0, 70 → 55, …).
  const ties = [repair(0, "15"), repair(1, "-15"), repair(2, "-15"), repair(3, "-15")];

  it("names the one repair that undoes a single keystroke", () => {
    // 70 for 20 with the items 50 too high: 70 → 20 is one digit; 100 → 145 is two.
    const only = [repair(0, "45"), repair(3, "-50")];
    expect(breakTie(only, { value })).toEqual({ repair: only[1], typo: true });
    // 100 → 150 is one digit as well, but makes the round total ragged: still only 70 → 20.
    const ragged = [repair(0, "50"), repair(3, "-50")];
    expect(breakTie(ragged, { value })).toEqual({ repair: ragged[1], typo: true });
    // 15 → 25 is one digit too: two slips, the tie stands.
    expect(breakTie([repair(2, "10"), repair(3, "-50"), repair(0, "50")], { value })).toBeNull();
  });

  it("keeps the tie where a repair fills or clears a cell (a figure left out, or put in the wrong row)", () => {
    const withBlank: Record<number, string> = { ...values, 5: "0" };
    const v = (c: number) => (withBlank[c] === undefined ? null : d(withBlank[c]));
    expect(breakTie([repair(3, "-50"), repair(5, "50")], { value: v })).toBeNull();
  });

  it("keeps the tie where no repair, or more than one, is a slip", () => {
    // 20 → 5, 15 → 0, 70 → 55, 100 → 115: none is one keystroke.
    expect(breakTie(ties, { value })).toBeNull();
    // 20 → 10 and 70 → 60: both are.
    expect(breakTie([repair(1, "-10"), repair(3, "-10")], { value })).toBeNull();
  });

  it("prefers the table's decimals to a slip, and looks for a slip only among the repairs that fit them", () => {
    const cents = [repair(3, "-0.3"), repair(1, "-0.3")];
    // Whole-number table: 70 → 69.7 and 20 → 19.7 both break the decimals; no slip either.
    expect(breakTie(cents, { value, decimals: () => 0 })).toBeNull();
    const fits = [repair(0, "0.3"), repair(3, "-50")];
    expect(breakTie(fits, { value, decimals: () => 0 })).toEqual({ repair: fits[1], written: true });
  });

  it("says nothing without the figures", () => {
    expect(breakTie(ties, {})).toBeNull();
  });
});
