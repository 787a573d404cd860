import { SheetView, gridSheet } from "../../../src/core/snapshot";
import { isCountHeader } from "../../../src/core/totals/read/labels";
import { locateTables } from "../../../src/core/totals/read/table-layout";
import { Grid, at, check, edit, serious } from "./helpers";

// Counts are not codes, and not amounts either (issue 16, principles 1 and 3). A relief or subsidy
// table puts households and persons beside the money (wild file 47): 65 persons is no 类 code, 149
// no 款, and the 合计 row is not named by its count. Invented figures; each table also in a
// layout-changing variant.

/** 户数 and three 人数 columns before the money, 合计 written across 序号 and 乡镇 at the bottom. */
const relief: Grid = [
  ["特困人员供养资金发放表"],
  ["单位：元"],
  ["序号", "乡镇", "保障户数", "集中供养人数", "分散供养人数", "保障人数", "供养资金", "护理补贴", "发放合计"],
  [1, "东风镇", 61, 12, 58, 70, 30100, 4200, 34300],
  [2, "红星镇", 95, 9, 117, 126, 51500, 6900, 58400],
  [3, "新华镇", 140, 23, 131, 154, 60200, 8100, 68300],
  [4, "永安镇", 37, 15, 26, 41, 17800, 2500, 20300],
  ["合计", null, 333, 59, 332, 391, 159600, 21700, 181300],
];
const reliefMerges = [{ top: 7, left: 0, bottom: 7, right: 1 }];

/** The same table with the money first, the counts after it (headed by their unit), 合计 on top. */
const reliefMoved: Grid = [
  ["特困人员供养资金发放表"],
  ["单位：元"],
  ["序号", "乡镇", "供养资金", "护理补贴", "发放合计", "保障户数（户）", "集中供养（人）", "分散供养（人）", "保障人数"],
  ["合计", null, 159600, 21700, 181300, 333, 59, 332, 391],
  [1, "东风镇", 30100, 4200, 34300, 61, 12, 58, 70],
  [2, "红星镇", 51500, 6900, 58400, 95, 9, 117, 126],
  [3, "新华镇", 60200, 8100, 68300, 140, 23, 131, 154],
  [4, "永安镇", 17800, 2500, 20300, 37, 15, 26, 41],
];
const movedMerges = [{ top: 3, left: 0, bottom: 3, right: 1 }];

describe("count columns beside the money (户数, 人数, 人次)", () => {
  it("recognises a count by the word that ends its header or by its bracketed unit", () => {
    for (const h of [
      "保障户数",
      "分散供养保障人数",
      "培训人次",
      "因公出国(境)团组数",
      "2020年度数量或人次",
      "床位（张）",
      "集中供养（人）",
    ])
      expect([h, isCountHeader(h)]).toEqual([h, true]);
    for (const h of ["按人数测算金额", "人员经费", "金额（元）", "发放合计", "项目", "人均标准（元/人）"])
      expect([h, isCountHeader(h)]).toEqual([h, false]);
  });

  it("reads the count columns as counts: neither amounts, nor codes, nor row names", () => {
    const [table] = locateTables(new SheetView(gridSheet("表", relief, { merges: reliefMerges })));
    expect(table.columns.filter((c) => c.role === "count").map((c) => c.col)).toEqual([2, 3, 4, 5]);
    expect(table.codeCols).toEqual([]);
    expect(table.labelCols).toEqual([1]);
    expect(table.amountCols).toEqual([6, 7, 8]);
  });

  it.each([
    ["counts first, 合计 at the bottom", relief, reliefMerges],
    ["money first, counts headed by their unit, 合计 on top", reliefMoved, movedMerges],
  ])("keeps a clean table quiet: %s", (_name, grid, merges) => {
    expect(check([gridSheet("表", grid, { merges })])).toEqual([]);
  });

  it.each([
    ["counts first", relief, reliefMerges, 4, 6, "G5"],
    ["money first", reliefMoved, movedMerges, 5, 2, "C6"],
  ])("finds one changed amount at its cell, named by its row: %s", (_name, grid, merges, row, col, cell) => {
    const f = serious(check([gridSheet("表", edit(grid, row, col, 52500), { merges })]));
    expect(f.map((x) => x.cell)).toEqual([cell]);
    expect(f[0].message).toContain("红星镇");
    expect(f.some((x) => x.rule.startsWith("CODE-"))).toBe(false);
  });

  it.each([
    ["counts first", relief, reliefMerges, 5, 2, "C8"],
    ["money first", reliefMoved, movedMerges, 6, 5, "F4"],
  ])(
    "adds the counts up on their own: a 户数 that breaks its column's 合计 is found there (%s)",
    (_name, grid, merges, row, col, cell) => {
      // 新华镇 140 → 96 households: the 合计 333 no longer holds; with one column's sum, the total and
      // the item cannot be told apart, so the total is named. No money total is touched.
      const f = serious(check([gridSheet("表", edit(grid, row, col, 96), { merges })]));
      expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual([`SUM-ROW@${cell}`]);
      // Counts are no money: whole numbers, and no money unit in the sentence or the finding.
      expect(f[0].message).toMatch(/^合计（保障户数(（户）)?） 333 与本块各明细行之和 289 不一致，相差 \+44$/);
      expect(f[0].unit).toBe("");
    },
  );

  it("names a 合计 written across 序号 and 乡镇 by that merge, not by the count beside it", () => {
    // Figures that show decimals everywhere but in the 合计 row: CELL-DECIMALS names the row.
    const shown = relief.map((r, i) =>
      i >= 3 && i <= 6 ? r.map((v, c) => (c >= 6 && typeof v === "number" ? { v, fmt: "0.00" } : v)) : r,
    );
    const f = check([gridSheet("表", shown, { merges: reliefMerges })]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CELL-DECIMALS@G8", "CELL-DECIMALS@H8", "CELL-DECIMALS@I8"]);
    expect(f[0].message).toMatch(/^合计（供养资金）/);
  });
});

// A split 类 | 款 reading that the cells alone propose (numbers under a header naming no code) is
// a hypothesis: where it reads no more rows as codes than it fails on, it is rejected, not reported.

/** Two share columns in whole percent beside the money: 100 | 100 reads like a 类 and 35 | 40 like nothing. */
const shares: Grid = [
  ["专项资金分配表"],
  ["单位：万元"],
  ["序号", "项目", "金额", "上年占比", "本年占比"],
  [1, "甲单位", 350, 35, 40],
  [2, "乙单位", 450, 45, 40],
  [3, "丙单位", 200, 20, 20],
  [null, "合计", 1000, 100, 100],
];
/** The same with 合计 on top and a 行次 column added. */
const sharesMoved: Grid = [
  ["专项资金分配表"],
  ["单位：万元"],
  ["项目", "行次", "金额", "上年占比", "本年占比"],
  ["合计", 1, 1000, 100, 100],
  ["甲单位", 2, 350, 35, 40],
  ["乙单位", 3, 450, 45, 40],
  ["丙单位", 4, 200, 20, 20],
];

describe("a split-code reading that no row confirms", () => {
  it.each([
    ["合计 at the bottom", shares],
    ["合计 on top, with a 行次 column", sharesMoved],
  ])("is rejected: share columns are not 类 | 款 codes (%s)", (_name, grid) => {
    const [table] = locateTables(new SheetView(gridSheet("表", grid)));
    expect(table.codeCols).toEqual([]);
    expect(check([gridSheet("表", grid)])).toEqual([]);
  });

  it("still finds a changed amount in such a table", () => {
    const f = serious(check([gridSheet("表", edit(shares, 6, 2, 1100))]));
    expect(f.map((x) => x.cell)).toEqual(["C7"]);
  });

  it("keeps a reading its header names: a bad 款 under 类 | 款 is still the user's to fix", () => {
    const coded: Grid = [
      ["支出表"],
      ["单位：万元"],
      ["类", "款", "科目名称", "金额"],
      [null, null, "合计", 100],
      ["201", null, "一般公共服务支出", 100],
      ["201", "123", "财政事务", 100],
    ];
    expect(at(check([gridSheet("表", coded)]), "B6", "CODE-ORPHAN")).toHaveLength(1);
  });
});
