import { readAmount, parseAmountText, compareWithBand, Decimal, decimalFromCellNumber } from "../../src/core/amount";

describe("amount parsing", () => {
  it("reads text numbers with thousands separators", () => {
    const r = parseAmountText("55,552.66");
    expect(r.kind).toBe("number");
    if (r.kind === "number") expect(r.value.toFixed(2)).toBe("55552.66");
  });
  it("reads full-width digits, stray spaces and parentheses as negatives", () => {
    const r = parseAmountText(" （１２.５０） ");
    expect(r).toMatchObject({ kind: "number" });
    if (r.kind === "number") expect(r.value.toString()).toBe("-12.5");
  });
  it("treats dashes and blanks as empty", () => {
    expect(readAmount("-").kind).toBe("empty");
    expect(readAmount("—").kind).toBe("empty");
    expect(readAmount(null).kind).toBe("empty");
  });
  it("reports text that is not a number", () => {
    expect(readAmount("约五万").kind).toBe("invalid");
    expect(readAmount("#REF!").kind).toBe("error");
  });
  it("keeps the figure that leads a bracketed note, and only then", () => {
    const leading = (v: string) => {
      const r = readAmount(v);
      return r.kind === "invalid" ? (r.leading?.toString() ?? null) : `kind ${r.kind}`;
    };
    expect(leading("10(其中,灾情因素6万元)")).toBe("10");
    expect(leading("1,250.5（含上年结转）")).toBe("1250.5");
    expect(leading("约10(待定)")).toBeNull();
    expect(leading("10(其中6)万元")).toBeNull();
    expect(leading("10万元")).toBeNull();
  });
  it("removes binary residue from Excel doubles", () => {
    expect(decimalFromCellNumber(0.1 + 0.2).toString()).toBe("0.3");
  });
  it("classifies differences against the band", () => {
    const band = new Decimal("0.01");
    expect(compareWithBand(new Decimal("6519.91"), new Decimal("6519.90"), band).tolerance).toBe("rounding");
    expect(compareWithBand(new Decimal("1852.70"), new Decimal("1850.20"), band).tolerance).toBe("beyond");
    expect(compareWithBand(new Decimal("1"), new Decimal("1.00"), band).tolerance).toBe("exact");
  });
});
