import fc from "fast-check";
import Decimal from "decimal.js";
import { Identity, residual, residualIn } from "../../../src/core/engine/system";

/**
 * The residual as it was computed before the first addition was skipped: every item added to a
 * zero, the first one too; an exact identity gives +0.
 */
function folded(total: Decimal, items: Decimal[]): Decimal {
  let sum = new Decimal(0);
  for (const v of items) sum = sum.plus(v);
  return total.eq(sum) ? new Decimal(0) : total.minus(sum);
}

// Amounts as tables hold them, and the edges of the first addition: zeros of both signs, and more
// significant digits than decimal.js's precision (the first addition rounds those).
const amount = fc.oneof(
  fc.integer({ min: -1e12, max: 1e12 }).map((n) => new Decimal(n).dividedBy(100)),
  fc.constantFrom(
    new Decimal(0),
    new Decimal("-0"),
    new Decimal("123456789012345678901.25"),
    new Decimal("-9.87654321098765432109876"),
  ),
);

describe("residual", () => {
  it("equals total − (0 + item + item …) exactly, sign of zero included", () => {
    fc.assert(
      fc.property(amount, fc.array(amount, { minLength: 1, maxLength: 5 }), (total, items) => {
        const values = [total, ...items];
        const identity: Identity = { total: 0, items: items.map((_, i) => i + 1), band: new Decimal("0.01") };
        const expected = folded(total, items);
        for (const r of [residual(identity, (c) => values[c]), residualIn(identity, values)]) {
          expect(r).not.toBeNull();
          expect(r!.eq(expected)).toBe(true);
          expect(r!.toString()).toBe(expected.toString());
          expect(r!.isNegative()).toBe(expected.isNegative());
        }
      }),
      { numRuns: 500 },
    );
  });
});
