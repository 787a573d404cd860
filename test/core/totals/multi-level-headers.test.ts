import { RectRef } from "../../../src/core/address";
import { gridSheet } from "../../../src/core/snapshot";
import { Grid, check, edit } from "./helpers";

// docs/domain.md §8: SUM-COL knows which columns are parts of which under a multi-level header.
// Invented figures.

const brief = (rows: Grid, merges: RectRef[]) => check([gridSheet("表", rows, { merges })]).map((f) => `${f.rule}@${f.cell}`);

describe("基本支出 over 小计 / 人员经费 / 公用经费", () => {
  const rows: Grid = [
    ["支出预算总表"],
    ["单位：万元"],
    ["科目编码", "科目名称", "合计", "基本支出", null, null, "项目支出"],
    [null, null, null, "小计", "人员经费", "公用经费", null],
    [null, "合计", 95, 60, 45, 15, 35],
    ["207", "文化旅游体育与传媒支出", 95, 60, 45, 15, 35],
    ["20701", "文化和旅游", 95, 60, 45, 15, 35],
    ["2070101", "行政运行", 60, 60, 45, 15, null],
    ["2070109", "群众文化", 35, null, null, null, 35],
  ];
  const merges = [
    { top: 2, left: 0, bottom: 3, right: 0 },
    { top: 2, left: 1, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 3, right: 2 },
    { top: 2, left: 3, bottom: 2, right: 5 },
    { top: 2, left: 6, bottom: 3, right: 6 },
  ];

  it("adds 合计 = 基本支出小计 + 项目支出 and 小计 = 人员经费 + 公用经费: clean", () => {
    expect(brief(rows, merges)).toEqual([]);
  });

  it("finds a 小计 that is not 人员经费 + 公用经费, and not the 合计 and 款 it throws off", () => {
    expect(brief(edit(rows, 7, 3, 62), merges)).toEqual(["SUM-COL@D8"]);
  });
});

describe("“三公”经费 with 预算数 | 决算数 under each item", () => {
  const fmt = "#,##0.00";
  const n = (v: number | null) => (v === null ? null : { v, fmt });
  const line = (values: (number | null)[]) => values.map(n);
  const rows: Grid = [
    ["财政拨款“三公”经费支出决算表"],
    ["单位：万元"],
    ["合计", null, "因公出国（境）费", null, "公务用车购置及运行费", null, null, null, null, null, "公务接待费", null],
    [null, null, null, null, "小计", null, "公务用车购置费", null, "公务用车运行费", null, null, null],
    ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
    line([9.5, 8.1, 2, 1.5, 6, 5.6, 4, 4, 2, 1.6, 1.5, 1]),
  ];
  const merges = [
    { top: 2, left: 0, bottom: 3, right: 1 },
    { top: 2, left: 2, bottom: 3, right: 3 },
    { top: 2, left: 4, bottom: 2, right: 9 },
    { top: 3, left: 4, bottom: 3, right: 5 },
    { top: 3, left: 6, bottom: 3, right: 7 },
    { top: 3, left: 8, bottom: 3, right: 9 },
    { top: 2, left: 10, bottom: 3, right: 11 },
  ];

  it("adds each 合计 and 小计 from the same kind of column under its parts: clean", () => {
    expect(brief(rows, merges)).toEqual([]);
  });

  it("finds a 决算数 合计 that is not the sum of the items' 决算数", () => {
    const f = check([gridSheet("表", edit(rows, 5, 1, n(8.2)), { merges })]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["XT-SANGONG@B6"]);
    expect(f[0].message).toContain("8.20");
  });

  it("finds a 公务用车 小计 that is not 购置费 + 运行费", () => {
    expect(brief(edit(rows, 5, 9, n(1.7)), merges)).toEqual(["XT-SANGONG@F6"]);
  });
});

describe("a flat header listing 基本支出 beside 人员经费 and 公用经费", () => {
  const rows: Grid = [
    ["支出预算总表"],
    ["单位：万元"],
    ["科目编码", "科目名称", "合计", "基本支出", "人员经费", "公用经费", "项目支出"],
    [null, "合计", 95, 60, 45, 15, 35],
    ["207", "文化旅游体育与传媒支出", 95, 60, 45, 15, 35],
  ];

  it("adds 合计 = 基本支出 + 项目支出 and 基本支出 = 人员经费 + 公用经费, never all four", () => {
    expect(brief(rows, [])).toEqual([]);
    expect(brief(edit(edit(rows, 4, 4, 46), 3, 4, 46), [])).toEqual(["SUM-COL@D4", "SUM-COL@D5"]);
  });
});
