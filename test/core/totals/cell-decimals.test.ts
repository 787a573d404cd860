import { LiteralCell, gridSheet } from "../../../src/core/snapshot";
import { Grid, check } from "./helpers";

// CELL-DECIMALS (docs/domain.md §8) is judged on what the user sees. A whole number among figures a
// format shows with decimals (`1` among `28.00`) stands out; among figures that show only their own
// decimals (`1116.7`), which General would show the same way, it does not. Invented figures.

/** A figure shown with `d` fixed decimals. */
const fixed = (v: number, d: number): LiteralCell => ({ v, fmt: `0.${"0".repeat(d)}` });

/** 合计 at the bottom; the items' figures pass through `show`, the totals stay General. */
function allocation(show: (v: number) => LiteralCell): Grid {
  return [
    ["资金分配表"],
    ["单位：万元"],
    ["县区", "资金合计", "中央资金", "省级资金"],
    ["甲县", show(1116.7), show(10), show(1106.7)],
    ["乙县", show(1150.9), show(10), show(1140.9)],
    ["丙县", show(865.8), show(15), show(850.8)],
    ["丁县", show(502.6), show(12), show(490.6)],
    ["合计", 3636, 47, 3589],
  ];
}

/** The same rows with 合计 on top and a 序号 column before the names. */
function moved(grid: Grid): Grid {
  const [title, unit, header, ...rest] = grid;
  const total = rest[rest.length - 1];
  const items = rest.slice(0, -1);
  return [title, unit, ["序号", ...header], [null, ...total], ...items.map((r, i) => [i + 1, ...r])];
}

const decimals = (grid: Grid) =>
  check([gridSheet("表", grid)])
    .filter((f) => f.rule === "CELL-DECIMALS")
    .map((f) => f.cell);

describe("CELL-DECIMALS: a whole number among figures a format shows with decimals", () => {
  it.each([
    ["合计 at the bottom", allocation((v) => fixed(v, 2)), ["B8", "C8", "D8"]],
    ["合计 on top, after a 序号 column", moved(allocation((v) => fixed(v, 2))), ["C4", "D4", "E4"]],
  ])("points out the whole totals where the items show .00 (%s)", (_name, grid, cells) => {
    expect(decimals(grid)).toEqual(cells);
  });

  it.each([
    ["合计 at the bottom", allocation((v) => (Number.isInteger(v) ? v : fixed(v, 1)))],
    ["合计 on top, after a 序号 column", moved(allocation((v) => (Number.isInteger(v) ? v : fixed(v, 1))))],
  ])("says nothing where every figure shows only its own decimals (%s)", (_name, grid) => {
    expect(decimals(grid)).toEqual([]);
    expect(check([gridSheet("表", grid)])).toEqual([]);
  });

  it("needs one figure of the column that shows a zero its value lacks (1116.0), in that column", () => {
    const one = (v: number) => fixed(v, 1);
    const grid: Grid = [
      ["资金分配表"],
      ["单位：万元"],
      ["县区", "资金合计", "中央资金", "省级资金"],
      ["甲县", one(1116), 10, one(1106)],
      ["乙县", one(1150.9), 10, one(1140.9)],
      ["丙县", one(865.8), 15, one(850.8)],
      ["丁县", one(502.3), 12, one(490.3)],
      ["合计", 3635, 47, 3588],
    ];
    expect(check([gridSheet("表", grid)]).map((f) => `${f.rule}@${f.cell}`)).toEqual(["CELL-DECIMALS@B8", "CELL-DECIMALS@D8"]);
  });
});
