import fc from "fast-check";
import { Decimal, formatAmount, parseAmountText, readAmount } from "../../src/core/amount";

/** Arbitrary exact amounts: an integer count of 1/10^scale units, as budget tables hold them. */
const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => new Decimal(units.toString()).dividedBy(new Decimal(10).pow(scale)));

function grouped(text: string): string {
  const [int, frac] = text.replace("-", "").split(".");
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? g : `${g}.${frac}`;
}

function fullWidth(text: string): string {
  return text.replace(/[0-9.,-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

const expectSame = (text: string, value: Decimal) => {
  const r = parseAmountText(text);
  expect(r.kind).toBe("number");
  if (r.kind === "number") expect(r.value.equals(value)).toBe(true);
};

describe("amount parsing, property-based", () => {
  it("never throws, whatever the string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const r = parseAmountText(s);
        expect(["empty", "number", "error", "invalid"]).toContain(r.kind);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.constant(null), fc.boolean()), (v) => {
        expect(() => readAmount(v)).not.toThrow();
      }),
    );
  });

  it("reads a formatted amount back to exactly the same decimal", () => {
    fc.assert(
      fc.property(amount, (value) => {
        const text = formatAmount(value);
        expectSame(text, value);
        expectSame(` ${text} `, value);
        const sign = value.isNegative() ? "-" : "";
        expectSame(`${sign}${grouped(text)}`, value);
        expectSame(fullWidth(text), value);
        if (value.isNegative()) expectSame(`(${grouped(formatAmount(value.abs()))})`, value);
      }),
      { numRuns: 1000 },
    );
  });
});
