import { gridSheet } from "../../../src/core/snapshot";
import { Grid, check, edit } from "./helpers";

// docs/domain.md §8: a 基本支出 table in two panels side by side (left 301/303, right 302/310), each
// with its own code, name and amount columns, sharing the bottom total row. Invented figures.

const panels: Grid = [
  ["一般公共预算财政拨款基本支出决算表"],
  ["单位：万元"],
  ["类", "款", "科目名称", "决算数", "类", "款", "科目名称", "决算数"],
  ["301", null, "工资福利支出", 90, "302", null, "商品和服务支出", 30],
  ["301", "01", "基本工资", 50, "302", "01", "办公费", 10],
  ["301", "02", "津贴补贴", 40, "302", "07", "邮电费", 5],
  ["303", null, "对个人和家庭的补助", 12, "302", "11", "差旅费", 15],
  ["303", "02", "退休费", 12, "310", null, "资本性支出", 8],
  [null, null, null, null, "310", "02", "办公设备购置", 8],
  [null, null, "人员经费合计", 102, null, null, "公用经费合计", 38],
];

const serious = (rows: Grid) => check([gridSheet("表6", rows)]).map((x) => `${x.rule}@${x.cell}:${x.severity}`);

describe("two panels side by side", () => {
  it("reads each panel as its own table: a clean table gives no finding", () => {
    expect(check([gridSheet("表6", panels)])).toEqual([]);
  });

  it("checks the right panel's code tree without touching the left", () => {
    expect(serious(edit(panels, 5, 7, 6))).toEqual(["CODE-TREE@H4:error"]);
  });

  it("checks each panel's part of the shared total row against that panel's 类 rows", () => {
    expect(serious(edit(panels, 9, 3, 100))).toEqual(["SUM-ROW@D10:error"]);
    const f = check([gridSheet("表6", edit(panels, 9, 3, 100))]);
    expect(f[0].message).toBe("人员经费合计 100.00 与各类级科目之和 102.00 不一致，相差 −2.00（万元）");
  });

  it("adds both panels when one 合计 on the shared row stands for the whole table", () => {
    const shared = edit(edit(edit(panels, 9, 2, "合计"), 9, 3, null), 9, 6, null);
    shared[9][7] = 140;
    expect(check([gridSheet("表6", shared)])).toEqual([]);
    shared[9][7] = 141;
    expect(serious(shared)).toEqual(["SUM-ROW@H10:error"]);
  });

  it("leaves a table with one code column per panel to the same rules", () => {
    const joined: Grid = panels.map((r, i) =>
      i < 2
        ? r
        : i === 2
          ? ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"]
          : [r[1] ? `${r[0]}${r[1]}` : r[0], r[2], r[3], r[5] ? `${r[4]}${r[5]}` : r[4], r[6], r[7]],
    );
    expect(check([gridSheet("表6", joined)])).toEqual([]);
    const wrong = joined.map((r) => r.slice());
    wrong[5][5] = 6;
    expect(check([gridSheet("表6", wrong)]).map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-TREE@F4"]);
  });
});

describe("XT-BASIC on a 决算 set with a panelled 基本支出表", () => {
  const gpb = (basic: number): Grid => [
    ["一般公共预算财政拨款支出决算表"],
    ["单位：万元"],
    ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"],
    ["208", null, null, "社会保障和就业支出", basic + 10, basic, 10],
    ["208", "05", null, "行政事业单位养老支出", basic + 10, basic, 10],
    ["208", "05", "01", "行政单位离退休", basic + 10, basic, 10],
    [null, null, null, "合计", basic + 10, basic, 10],
  ];

  it("compares the GPB table's 基本支出 合计 with the sum of the panels' totals", () => {
    expect(check([gridSheet("表5", gpb(140)), gridSheet("表6", panels)])).toEqual([]);
    const f = check([gridSheet("表5", gpb(141)), gridSheet("表6", panels)]);
    expect(f.map((x) => `${x.sheet}!${x.cell} ${x.rule}`)).toEqual(["表6!D10 XT-BASIC"]);
    expect(f[0].message).toBe(
      "基本支出表各栏合计之和 140.00 与一般公共预算财政拨款支出表的基本支出合计 141.00 不一致，相差 −1.00（万元）",
    );
  });
});

// A 收支执行表 in two panels, each 总计 above its items (the layout of a county's 一般公共预算收支执行表).
// Invented figures.
const execution: Grid = [
  ["2021年全区一般公共预算收支执行表"],
  ["单位：亿元"],
  ["项目", "执行数", "项目", "执行数"],
  ["收入总计", 90, "支出总计", 90],
  ["一、本级收入", 40, "一、本级支出", 70],
  ["二、转移性收入", 50, "二、转移性支出", 20],
  ["1.上级补助收入", 30, "1.上解支出", 5],
  ["2.调入资金", 20, "2.结转下年", 15],
];

describe("收入总计 = 支出总计 across two panels", () => {
  it("a clean table gives no finding", () => {
    expect(serious(execution)).toEqual([]);
  });

  it("a wrong item under 收入总计 is told from the total, which the balance confirms", () => {
    const f = check([gridSheet("表1", edit(execution, 4, 1, 41))]);
    expect(f.map((x) => `${x.rule}@${x.cell}:${x.severity}`)).toEqual(["SUM-ROW@B5:error"]);
    expect(f[0].expected).toBe("40.00");
  });

  it("a wrong 收入总计 breaks its sum and the balance: one finding, at the total", () => {
    expect(serious(edit(execution, 3, 1, 91))).toEqual(["SUM-ROW@B4:error"]);
  });
});
