import Decimal from "decimal.js";
import { localize } from "../../../src/core/engine/localize";
import { Identity, evaluate } from "../../../src/core/engine/system";

const BAND = new Decimal("0.01");

/**
 * A literal system: cells named by letters with values, identities written `T=a+b`. Returns the
 * components with culprits named back and deltas as strings.
 */
function run(values: Record<string, number | null>, written: string[], weights: Record<string, number> = {}, decimals?: number) {
  const names = Object.keys(values);
  const id = (n: string) => {
    const i = names.indexOf(n);
    if (i < 0) throw new Error(`no cell ${n}`);
    return i;
  };
  const identities: Identity[] = written.map((w) => {
    const copy = w.includes("==");
    const [lhs, rhs] = w.split(copy ? "==" : "=");
    return { total: id(lhs), items: rhs.split("+").filter(Boolean).map(id), band: BAND, ...(copy ? { copy } : {}) };
  });
  const value = (c: number) => {
    const v = values[names[c]];
    return v === null ? null : new Decimal(v);
  };
  const ev = evaluate(identities, value);
  const options = decimals === undefined ? {} : { value, decimals: () => decimals };
  return localize(ev, { weight: (c) => weights[names[c]] ?? 1, ...options }).map((comp) => ({
    failing: comp.failing.map((i) => written[i]),
    size: comp.size,
    culprits: comp.culprits?.map((c) => `${names[c.cell]}${c.delta.isNegative() ? "" : "+"}${c.delta.toFixed()}`) ?? null,
  }));
}

// A 2×2 table with row totals (R1, R2), column totals (C1, C2) and a grand total G.
//      a  b | R1
//      c  d | R2
//      C1 C2| G
const grid = (over: Record<string, number> = {}) => ({ a: 1, b: 2, R1: 3, c: 4, d: 5, R2: 9, C1: 5, C2: 7, G: 12, ...over });
const tableIds = ["R1=a+b", "R2=c+d", "C1=a+c", "C2=b+d", "G=R1+R2", "G=C1+C2"];

describe("localize", () => {
  it("finds nothing to explain when every identity holds", () => {
    expect(run(grid(), tableIds)).toEqual([]);
  });

  it("names the one item that breaks its row and its column, with the value that repairs both", () => {
    expect(run(grid({ d: 8 }), tableIds)).toEqual([{ failing: ["R2=c+d", "C2=b+d"], size: 1, culprits: ["d-3"] }]);
  });

  it("names a wrong total that breaks its own sum and the sum it is part of", () => {
    expect(run(grid({ R2: 10 }), tableIds)).toEqual([{ failing: ["R2=c+d", "G=R1+R2"], size: 1, culprits: ["R2-1"] }]);
  });

  it("leaves one broken sum unexplained when any of its cells could be the wrong one", () => {
    expect(run({ a: 1, b: 2, T: 4 }, ["T=a+b"])).toEqual([{ failing: ["T=a+b"], size: 1, culprits: null }]);
  });

  it("breaks a tie with the table's decimals: only one repair writes every figure as whole numbers", () => {
    const sum = { a: 100, b: 200.05, c: 300, T: 600 };
    expect(run(sum, ["T=a+b+c"], {}, 0)).toEqual([{ failing: ["T=a+b+c"], size: 1, culprits: ["b-0.05"] }]);
    // In a table written to cents every repair fits: the tie stands.
    expect(run(sum, ["T=a+b+c"], {}, 2)).toEqual([{ failing: ["T=a+b+c"], size: 1, culprits: null }]);
  });

  it("trusts a figure more where the weights say so: the lighter cell is the culprit", () => {
    // Two copies of one figure disagree; the other copy is repeated elsewhere, so it weighs more.
    expect(run({ x: 5, y: 6 }, ["x==y"], { y: 1.5 })).toEqual([{ failing: ["x==y"], size: 1, culprits: ["x+1"] }]);
  });

  it("finds two wrong figures in one row as a pair when no single cell explains the gaps", () => {
    expect(run(grid({ a: 2, b: 3 }), tableIds)).toEqual([
      { failing: ["R1=a+b", "C1=a+c", "C2=b+d"], size: 2, culprits: ["a-1", "b-1"] },
    ]);
  });

  it("names no pair where another pair explains the same gaps (two errors on a diagonal)", () => {
    const out = run(grid({ a: 2, d: 6 }), tableIds);
    expect(out).toEqual([{ failing: ["R1=a+b", "R2=c+d", "C1=a+c", "C2=b+d"], size: 2, culprits: null }]);
  });

  it("keeps apart failures that share no cell", () => {
    const out = run({ ...grid({ d: 8 }), x: 1, y: 2, T: 4 }, [...tableIds, "T=x+y"]);
    expect(out.map((c) => c.failing)).toEqual([["R2=c+d", "C2=b+d"], ["T=x+y"]]);
  });

  it("rejects a cell whose change would break an identity that holds", () => {
    // b sits in R1 (holds) and T2 (broken); a wrong b would break R1 too, so T2's total is not
    // explained by b alone, and with T2 the only broken identity nothing is unique.
    const out = run({ a: 1, b: 2, R1: 3, T2: 9, e: 6 }, ["R1=a+b", "T2=b+e"]);
    expect(out).toEqual([{ failing: ["T2=b+e"], size: 1, culprits: null }]);
  });

  it("changes a total along with the sum it feeds, when that sum held: one error seen from two sides", () => {
    // 本年合计 Y is 10 too high and its 总计 G = Y + c follows it, so G no longer equals the other
    // side's 总计 H. The items are repeated elsewhere (x1, x2) and agree there.
    const values = { i1: 100, i2: 50, Y: 160, c: 10, G: 170, H: 160, x1: 100, x2: 50 };
    const out = run(values, ["Y=i1+i2", "G=Y+c", "G==H", "x1==i1", "x2==i2"]);
    expect(out).toEqual([{ failing: ["Y=i1+i2", "G==H"], size: 2, culprits: ["Y-10", "G-10"] }]);
  });

  it("accepts a repair within the rounding band of every identity it touches", () => {
    // R2 off by 3.00, C2 off by 3.01: d-3 leaves C2 0.01 off, within the band.
    const out = run(grid({ d: 8, C2: 7.01, G: 12.01 }), [...tableIds.slice(0, 5)]);
    expect(out[0].culprits).toEqual(["d-3"]);
  });

  it("scales items in another unit: a 元 total against a 万元 copy", () => {
    const identities: Identity[] = [{ total: 0, items: [1], factor: new Decimal(10000), band: BAND, copy: true }];
    const values = [new Decimal(15000), new Decimal("1.5")];
    const ev = evaluate(identities, (c) => values[c]);
    expect(ev.statuses).toEqual(["exact"]);
  });

  it("skips identities over a cell that holds no amount", () => {
    expect(run({ a: null, b: 2, T: 4 }, ["T=a+b"])).toEqual([]);
  });
});
