import { gridSheet } from "../../../src/core/snapshot";
import { columnTotals } from "../../../src/core/totals/column-totals";
import { locateTables } from "../../../src/core/totals/read/table-layout";
import { SheetView } from "../../../src/core/snapshot";
import { at, check, checkSeed } from "./helpers";
import { seed001Sheet } from "./seed001-grids";

describe("SUM-COL: column totals from the header tree", () => {
  it("reads 收入总表: 合计 = 本年收入小计 + 上年结转, 小计 = Σ sources", () => {
    const [t] = locateTables(new SheetView(seed001Sheet("收入总表")));
    expect(columnTotals(t)).toEqual([
      { col: 3, components: [4, 12] },
      { col: 4, components: [5, 6, 7, 8, 9, 10, 11] },
    ]);
  });

  it("reads the same header without merges (group heading in its first column only)", () => {
    const s = seed001Sheet("收入总表");
    const [t] = locateTables(new SheetView({ ...s, merges: [] }));
    expect(columnTotals(t)).toEqual([
      { col: 3, components: [4, 12] },
      { col: 4, components: [5, 6, 7, 8, 9, 10, 11] },
    ]);
  });

  it("reads 合计 under a group heading (三公: 资金性质/合计)", () => {
    const [t] = locateTables(new SheetView(seed001Sheet("三公经费支出表")));
    expect(columnTotals(t)).toEqual([{ col: 2, components: [3, 4, 5] }]);
  });

  it("reports 合计 ≠ 本年收入 + 上年结转 at the exact cell", () => {
    const f = checkSeed("收入总表", { edits: { M7: 10, M8: 10, M9: 10, M6: 10 } });
    const hit = at(f, "D7", "SUM-COL");
    expect(hit).toHaveLength(1);
    expect(hit[0].related).toEqual(["E7", "M7"]);
    expect(hit[0].message).toBe(
      "208 社会保障和就业支出的合计 1,060.41 与小计、上年结转之和 1,070.41 不一致，相差 −10.00（万元）；它与「其下级科目之和」和「合计」的核对相符，差错应在小计、上年结转中",
    );
  });

  it("reports 小计 ≠ Σ sources", () => {
    const f = checkSeed("收入总表", { edits: { E9: 391.0 } });
    // 合计 = 小计 + 上年结转 and 20805 = Σ项 are off only because of E9: one finding.
    expect(f.filter((x) => x.severity === "error").map((x) => `${x.rule}@${x.cell}`)).toEqual(["SUM-COL@E9"]);
    const hit = at(f, "E9", "SUM-COL");
    expect(hit).toHaveLength(1);
    // Its items, then the totals of the identities it also breaks (its 款 20805 above, its row's 合计).
    expect(hit[0].related).toEqual(["F9", "G9", "H9", "I9", "J9", "K9", "L9", "E8", "D9"]);
    expect(hit[0].message).toContain("它也使「科目 20805");
  });

  it("reports 合计 ≠ 基本支出 + 项目支出 + … in 支出总表", () => {
    const f = checkSeed("支出总表", { edits: { D14: 990.0 } });
    expect(at(f, "D14", "SUM-COL")).toHaveLength(1);
    expect(at(f, "D14", "SUM-COL")[0].message).toContain("基本支出、项目支出、经营支出等 5 列之和 997.51");
    expect(at(f, "D13")).toEqual([]);
  });

  it("reports a 基本支出 cell that breaks its row and its 款 as one SUM-CROSS, not the two totals", () => {
    const f = checkSeed("支出总表", { edits: { E14: 990.0 } });
    expect(f.filter((x) => x.severity === "error").map((x) => `${x.rule}@${x.cell}`)).toEqual(["SUM-CROSS@E14"]);
    expect(at(f, "E14")[0]).toMatchObject({ expected: "997.51", actual: "990.00" });
  });

  it("takes components before a 合计 placed last", () => {
    const rows = [
      ["项目", "基本支出", "项目支出", "合计"],
      ["一、甲", 1, 2, 3],
      ["二、乙", 4, 5, 10],
    ];
    const f = check([gridSheet("表", rows)]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["SUM-COL@D3"]);
  });
});

describe("a figure column followed by 其中 column groups", () => {
  // 全年中央补助资金 = 免学费补助 小计 + 国家助学金 小计, each group with its own 小计 (a county's 资金安排表,
  // one row). Invented figures.
  const grid = (total: number) => [
    ["2018年中职学校国家助学金和免学费补助资金安排表"],
    ["单位：元"],
    ["单位", "全年中央补助资金", "其中：免学费补助", null, null, "其中：国家助学金", null, null],
    [null, null, "小计", "提前下达", "本次下达", "小计", "提前下达", "本次下达"],
    ["某市中等职业技术学校", total, 7000, 6000, 1000, 500, 400, 100],
  ];
  const serious = (total: number) =>
    check([gridSheet("资金安排表", grid(total))])
      .filter((f) => f.severity !== "info")
      .map((f) => `${f.rule}@${f.cell}`);

  it("a clean row gives no finding", () => {
    expect(serious(7500)).toEqual([]);
  });

  it("finds a wrong figure in a one-row table: groups with their own 小计 split the whole figure", () => {
    expect(serious(7600)).toEqual(["SUM-COL@B5"]);
  });
});
