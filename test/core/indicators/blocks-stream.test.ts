import { forEachBlock, IndicatorBlock } from "../../../src/core/indicators/read/blocks";
import { readBlocks } from "../../../src/core/indicators";
import { SheetView, gridSheet } from "../../../src/core/snapshot";
import { money } from "./helpers";
import { BLOCK_001_1, BLOCK_001_6 } from "./seed-blocks";

describe("forEachBlock hands over each block once it is complete", () => {
  test("visits the same blocks as readBlocks, in order, each with all its rows", () => {
    const view = new SheetView(gridSheet("s", [...BLOCK_001_1, [], ...BLOCK_001_6]));
    const seen: { block: IndicatorBlock; rowsAtVisit: number }[] = [];
    const count = forEachBlock(view, "万元", (block) => seen.push({ block, rowsAtVisit: block.rows.length }));
    const all = readBlocks(view, "万元");
    expect(count).toBe(2);
    expect(seen.map((s) => s.block.ordinal)).toEqual([1, 2]);
    // A block is visited only after its last row: nothing is added to it afterwards.
    expect(seen.map((s) => s.rowsAtVisit)).toEqual(seen.map((s) => s.block.rows.length));
    expect(seen.map((s) => s.block.rows.map((r) => r.name))).toEqual(all.map((b) => b.rows.map((r) => r.name)));
    expect(seen[0].rowsAtVisit).toBe(9);
  });

  test("a sheet without an indicator header yields no block", () => {
    const view = new SheetView(gridSheet("s", [["说明"], ["本表无指标"]]));
    const visit = jest.fn();
    expect(forEachBlock(view, "万元", visit)).toBe(0);
    expect(visit).not.toHaveBeenCalled();
  });
});

describe("project header labels with white space inside", () => {
  test("项 目 名 称, 预 算 数 and a spaced plan are still read", () => {
    const view = new SheetView(
      gridSheet("s", [
        ["培训项目绩效目标表", null, null, "单位：万元"],
        ["项 目 名 称", "培训项目"],
        ["预　算　数", money(10)],
        ["资金支出 计划（%）", "3 月底", "6月 底", "12月底"],
        [null, money(2), money(5), money(10)],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人数", "≥100人"],
      ]),
    );
    const [block] = readBlocks(view, "万元");
    expect(block.project.name).toBe("培训项目");
    expect(block.project.budget?.toFixed(2)).toBe("10.00");
    expect(block.project.plan?.points.map((p) => `${p.label}=${p.value?.toFixed(2)}`)).toEqual([
      "3月底=2.00",
      "6月底=5.00",
      "12月底=10.00",
    ]);
  });
});
