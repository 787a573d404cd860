import Decimal from "decimal.js";
import { choose, score } from "../../../src/core/engine/choose";
import { componentIndex, judgeTable } from "../../../src/core/engine/confidence";
import { localize } from "../../../src/core/engine/localize";
import { Identity, evaluate } from "../../../src/core/engine/system";

const BAND = new Decimal("0.01");

/** Cells 0… with the given values; identities `[total, ...items]`. */
function system(values: number[], sums: number[][]) {
  const identities: Identity[] = sums.map(([total, ...items]) => ({ total, items, band: BAND }));
  const value = (c: number) => new Decimal(values[c]);
  const ev = evaluate(identities, value);
  const comps = localize(ev);
  return judgeTable(
    identities.map((_, i) => i),
    ev,
    value,
    componentIndex(comps),
  );
}

describe("judgeTable", () => {
  it("confirms a table whose identities all hold", () => {
    expect(
      system(
        [3, 1, 2, 7, 3, 4],
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
      ),
    ).toMatchObject({ confirmed: true, informative: 2, holding: 2 });
  });

  it("confirms a small table with one wrong total: one figure to change", () => {
    expect(system([4, 1, 2], [[0, 1, 2]])).toMatchObject({ confirmed: true, holding: 0, repairs: 1 });
  });

  it("doubts a table where many rows fail on their own: a structure it does not have", () => {
    // Ten rows `t = a + b`, seven of them off: seven independent repairs for ten identities.
    const values: number[] = [];
    const sums: number[][] = [];
    for (let r = 0; r < 10; r++) {
      values.push(r < 7 ? 5 : 3, 1, 2);
      sums.push([3 * r, 3 * r + 1, 3 * r + 2]);
    }
    expect(system(values, sums)).toMatchObject({ confirmed: false, informative: 10, holding: 3, repairs: 7 });
  });

  it("ignores identities over empty or zero figures: they hold under any reading", () => {
    expect(
      system(
        [0, 0, 0, 4, 1, 2],
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
      ),
    ).toMatchObject({ informative: 1, holding: 0, confirmed: true });
  });
});

describe("choose", () => {
  const values = [10, 4, 6, 3];
  const value = (c: number) => new Decimal(values[c]);
  const sum = (total: number, ...items: number[]): Identity => ({ total, items, band: BAND });

  it("scores holding and failing identities", () => {
    expect(score([sum(0, 1, 2), sum(0, 1, 3)], value)).toEqual({ holding: 1, failing: 1 });
  });

  it("takes the reading whose identities hold", () => {
    // Is cell 3 a breakdown of cell 2 (not added) or an item? The figures say: a breakdown.
    const readings = [[sum(0, 1, 2, 3)], [sum(0, 1, 2)]];
    expect(choose(readings, (r) => r, value)).toBe(1);
  });

  it("keeps the labels' reading on a tie", () => {
    expect(choose([[sum(0, 1, 3)], [sum(0, 2, 3)]], (r) => r, value)).toBe(0);
  });
});
