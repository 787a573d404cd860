import Decimal from "decimal.js";
import path from "path";
import { readWorkbookFile } from "../../../src/cli/xlsx-read";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { plant } from "../../support/layout/plant";
import { check, serious } from "./helpers";

// A real 资金安排表 (test/wild/23: 安溪县 2022, seven villages' works under one 合计 of 100 万元): each
// item sits in that one sum only, so arithmetic alone cannot tell which of them, or the total, is
// wrong. A typing slip can (src/core/engine/tie-break.ts); anything else leaves it at the total.

const file = path.resolve(__dirname, "../../wild/23-fujian-anxi-2022-shuili.xlsx");
const SHEET = "资金安排表";
let sheets: SheetSnapshot[];
beforeAll(async () => {
  sheets = await readWorkbookFile(file);
});

/** Serious findings after typing `value` into each of `cells`, as `RULE@cell`, with their messages. */
function typed(...edits: [string, string][]) {
  const planted = sheets.map((s) => (s.name === SHEET ? edits.reduce((x, [cell, v]) => plant(x, cell, new Decimal(v)), s) : s));
  return serious(check(planted))
    .filter((f) => f.sheet === SHEET)
    .map((f) => ({ at: `${f.rule}@${f.cell}`, message: f.message }));
}

describe("a tie among the cells of one sum, broken by a typing slip", () => {
  it("the published table gives nothing", () => {
    expect(typed()).toEqual([]);
  });

  it("names the item typed with two digits swapped (51 for 15), and says why", () => {
    // Items 36 too high: the total 100 → 136 is two digits; 51 → 15 is one swap; any other item would go negative.
    const f = typed(["D5", "51"]);
    expect(f.map((x) => x.at)).toEqual(["SUM-ROW@D5"]);
    expect(f[0].message).toContain("只差一个数字");
    expect(f[0].message).toContain("应为 15");
    expect(f[0].message).toContain("若此数无误，请核对");
  });

  it("stays at the total for a digit pressed twice (155 for 15): a tenfold change is not taken for a slip", () => {
    expect(typed(["D5", "155"]).map((x) => x.at)).toEqual(["SUM-ROW@D11"]);
  });

  it("names the item typed one digit off (70 for 20), though the round total would mend only by turning ragged", () => {
    expect(typed(["D4", "70"]).map((x) => x.at)).toEqual(["SUM-ROW@D4"]);
  });

  it("stays at the total where two items are one keystroke away (13 for 10: 10 → 13 and 15 → 12 would both mend it)", () => {
    const f = typed(["D7", "13"]);
    expect(f.map((x) => x.at)).toEqual(["SUM-ROW@D11"]);
    expect(f[0].message).not.toContain("只差一个数字");
  });

  it("stays at the total where several items are one keystroke away (an item left out)", () => {
    // 芦田镇's 20 left blank: items 20 short; 10 → 30, 15 → 35, 100 → 80 … all one digit.
    expect(typed(["D6", "0"]).map((x) => x.at)).toEqual(["SUM-ROW@D11"]);
  });

  it("stays at the total where no cell is one keystroke away (an item 13 short)", () => {
    expect(typed(["D7", "23"]).map((x) => x.at)).toEqual(["SUM-ROW@D11"]);
  });
});
