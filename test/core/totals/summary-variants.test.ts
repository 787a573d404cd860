import { gridSheet } from "../../../src/core/snapshot";
import { RectRef } from "../../../src/core/address";
import { Grid, check, edit } from "./helpers";

// docs/domain.md §8 "收支总表 variants", each clean and with one planted defect. Invented figures.

const run = (name: string, rows: Grid, merges: RectRef[] = []) => check([gridSheet(name, rows, { merges })]);
const brief = (name: string, rows: Grid, merges: RectRef[] = []) =>
  run(name, rows, merges).map((x) => `${x.rule}@${x.cell}:${x.severity}`);

describe("决算 收入支出决算总表 with 结余 and 结转 rows", () => {
  const final: Grid = [
    ["收入支出决算总表"],
    ["单位：万元"],
    ["收入", null, "支出", null],
    ["项目", "决算数", "项目", "决算数"],
    ["一、财政拨款收入", 500, "一、一般公共服务支出", 300],
    ["二、事业收入", 40, "二、教育支出", 150],
    [null, null, "三、卫生健康支出", 70],
    ["本年收入合计", 540, "本年支出合计", 520],
    ["使用非财政拨款结余（含专用结余）", 5, "结余分配", 3],
    ["年初结转和结余", 30, "年末结转和结余", 52],
    ["总计", 575, "总计", 575],
  ];
  const merges = [
    { top: 2, left: 0, bottom: 2, right: 1 },
    { top: 2, left: 2, bottom: 2, right: 3 },
  ];

  it("balances 总计 against 总计, never 本年收入合计 against 本年支出合计", () => {
    expect(run("收入支出决算总表", final, merges)).toEqual([]);
  });

  it("finds a wrong 年末结转和结余 as BAL-SPEND-TOTAL on the spending 总计, and no BAL-BALANCE", () => {
    const f = run("收入支出决算总表", edit(final, 9, 3, 42), merges);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["BAL-SPEND-TOTAL@D11"]);
    expect(f[0].message).toBe(
      "支出总计 575.00 与本年支出合计、结余分配、年末结转和结余之和 565.00 不一致，相差 +10.00（万元）；它与「收入总计」的核对相符，差错应在本年支出合计、结余分配、年末结转和结余中",
    );
  });
});

describe("财务收支预算总表 with only 收入总计 / 支出总计", () => {
  const shanghai: Grid = [
    ["财务收支预算总表"],
    ["单位：万元"],
    ["收入", null, "支出", null],
    ["项目", "预算数", "项目", "预算数"],
    ["一、财政拨款收入", 800, "一、一般公共服务支出", 600],
    ["1. 一般公共预算资金", 780, "二、公共安全支出", 250],
    ["2. 政府性基金", 20, "三、住房保障支出", 40],
    ["二、事业收入", 60, null, null],
    ["三、其他收入", 30, null, null],
    ["收入总计", 890, "支出总计", 890],
  ];
  const merges = [
    { top: 2, left: 0, bottom: 2, right: 1 },
    { top: 2, left: 2, bottom: 2, right: 3 },
  ];

  it("adds the numbered 一、二、三、 items, not their 1. 2. breakdowns: clean", () => {
    expect(run("财务收支预算总表", shanghai, merges)).toEqual([]);
  });

  it("finds a wrong item as a 收入总计 that no longer adds up", () => {
    expect(brief("财务收支预算总表", edit(shanghai, 7, 1, 66), merges)).toEqual(["BAL-INCOME-TOTAL@B10:error"]);
  });

  it("finds a 支出总计 that no longer adds up", () => {
    expect(brief("财务收支预算总表", edit(shanghai, 9, 3, 880), merges)).toEqual(["BAL-SPEND-TOTAL@D10:error"]);
  });
});

describe("a spending side split into 合计 / 基本支出 (人员经费, 公用经费) / 项目支出", () => {
  const split: Grid = [
    ["部门收支总表"],
    ["单位：万元"],
    ["收入", null, "支出", null, null, null, null],
    ["项目", "预算数", "项目", "合计", "基本支出", null, "项目支出"],
    [null, null, null, null, "人员经费", "公用经费", null],
    ["一、财政拨款收入", 700, "一、一般公共服务支出", 400, 250, 50, 100],
    ["二、事业收入", 100, "二、卫生健康支出", 400, 200, 80, 120],
    ["本年收入合计", 800, "本年支出合计", 800, 450, 130, 220],
  ];
  const merges = [
    { top: 2, left: 0, bottom: 2, right: 1 },
    { top: 2, left: 2, bottom: 2, right: 6 },
    { top: 3, left: 0, bottom: 4, right: 0 },
    { top: 3, left: 1, bottom: 4, right: 1 },
    { top: 3, left: 2, bottom: 4, right: 2 },
    { top: 3, left: 3, bottom: 4, right: 3 },
    { top: 3, left: 4, bottom: 3, right: 5 },
    { top: 3, left: 6, bottom: 4, right: 6 },
  ];

  it("checks every row's 合计 against its parts and every column down: clean", () => {
    expect(run("收支总表", split, merges)).toEqual([]);
  });

  it("finds a row whose 合计 is not the sum of 人员经费, 公用经费 and 项目支出", () => {
    // 合计 and 本年支出合计 both changed: the row is then the only identity broken.
    const rows = edit(edit(split, 5, 3, 410), 7, 3, 810);
    expect(brief("收支总表", rows, merges)).toEqual(["SUM-COL@D6:error", "BAL-BALANCE@D8:error"]);
  });

  it("reports one cell when its row and its column both point at it", () => {
    const f = run("收支总表", edit(split, 6, 5, 90), merges);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["SUM-CROSS@F7"]);
    expect(f[0]).toMatchObject({ expected: "80.00", actual: "90.00" });
  });
});

describe("a block table named 收支总表 (收入构成 … 合计, 支出构成 … 合计, a column per year)", () => {
  const blocks: Grid = [
    ["部门收支总表"],
    ["单位：万元"],
    ["项目", null, "2023年", "2024年"],
    ["收入构成", "财政拨款", 300, 320],
    [null, "其他资金", 20, 25],
    [null, "合计", 320, 345],
    ["支出构成", "基本支出", 200, 210],
    [null, "项目支出", 120, 135],
    [null, "合计", 320, 345],
  ];
  const merges = [
    { top: 2, left: 0, bottom: 2, right: 1 },
    { top: 3, left: 0, bottom: 5, right: 0 },
    { top: 6, left: 0, bottom: 8, right: 0 },
  ];

  it("is checked by its blocks, not called an unknown layout", () => {
    expect(run("收支总表", blocks, merges)).toEqual([]);
  });

  it("finds the 合计 of a block whose item changed, in that year's column", () => {
    const f = run("收支总表", edit(blocks, 4, 3, 35), merges);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["SUM-ROW@D6"]);
    expect(f[0].message).toBe("合计（2024年） 345.00 与本块各明细行之和 355.00 不一致，相差 −10.00（万元）");
  });

  it("reads the same blocks without merges, the group label written once", () => {
    expect(run("收支总表", blocks)).toEqual([]);
    expect(brief("收支总表", edit(blocks, 7, 2, 130))).toEqual(["SUM-ROW@C9:error"]);
  });
});

describe("行次 columns, a 栏次 row and blank padding rows, in whole 元 with 2 decimals", () => {
  const fmt = "#,##0.00";
  const yuan = (v: number) => ({ v, fmt });
  const rows: Grid = [
    ["收入支出决算总表"],
    ["金额单位：元"],
    ["收入", null, null, "支出", null, null],
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["栏次", null, 1, "栏次", null, 2],
    ["一、财政拨款收入", 1, yuan(1200000), "一、卫生健康支出", 7, yuan(1500000)],
    ["二、事业收入", 2, yuan(400000), "二、住房保障支出", 8, yuan(90000)],
    [null, 3, null, null, 9, null],
    ["本年收入合计", 4, yuan(1600000), "本年支出合计", 10, yuan(1590000)],
    ["年初结转和结余", 5, yuan(10000), "年末结转和结余", 11, yuan(20000)],
    ["总计", 6, yuan(1610000), "总计", 12, yuan(1610000)],
  ];
  const merges = [
    { top: 2, left: 0, bottom: 2, right: 2 },
    { top: 2, left: 3, bottom: 2, right: 5 },
  ];

  it("never adds a 行次 or a 栏次 number: clean", () => {
    expect(run("公开01表", rows, merges)).toEqual([]);
  });

  it("finds a 1 元 gap (beyond the 0.01 band in a 元 table) and shows amounts as the table does", () => {
    const f = run("公开01表", edit(rows, 6, 5, yuan(90001)), merges);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["BAL-SPEND@F9"]);
    expect(f[0].message).toBe(
      "本年支出合计 1,590,000.00 与各项支出之和 1,590,001.00 不一致，相差 −1.00（元）；它与「支出总计」的核对相符，差错应在各项支出中",
    );
    expect(f[0]).toMatchObject({ severity: "error", expected: "1590001.00", actual: "1590000.00" });
  });
});

describe("a 收支总表 whose bottom row reads 合计 | 合计", () => {
  const rows: Grid = [
    ["收支预算总表"],
    ["单位：万元"],
    ["收入", null, "支出", null],
    ["项目", "预算数", "项目", "预算数"],
    ["一、财政拨款收入", 300, "一、教育支出", 250],
    ["二、事业收入", 20, "二、卫生健康支出", 70],
    ["合计", 320, "合计", 320],
  ];
  const merges = [
    { top: 2, left: 0, bottom: 2, right: 1 },
    { top: 2, left: 2, bottom: 2, right: 3 },
  ];

  it("reads the two 合计 as the sides' totals: clean", () => {
    expect(run("收支预算总表", rows, merges)).toEqual([]);
  });

  it("finds a side that no longer adds up, and no BAL-BALANCE beside it", () => {
    expect(brief("收支预算总表", edit(rows, 5, 3, 75), merges)).toEqual(["BAL-SPEND-TOTAL@D7:error"]);
  });
});

describe("a 行次 column without a header", () => {
  const rows: Grid = [
    ["收入支出决算总表"],
    ["金额单位：元"],
    ["项目", null, "金额", "项目", null, "金额"],
    ["一、财政拨款收入", 1, 1000, "一、卫生健康支出", 5, 900],
    ["二、其他收入", 2, 100, "二、住房保障支出", 6, 200],
    ["本年收入合计", 3, 1100, "本年支出合计", 7, 1100],
    ["总计", 4, 1100, "总计", 8, 1100],
  ];

  it("reads a column counting 1, 2, 3 … as row numbers, not amounts: clean", () => {
    expect(run("收支总表", rows)).toEqual([]);
    expect(brief("收支总表", edit(rows, 4, 2, 110))).toEqual(["BAL-INCOME@C6:error"]);
  });
});
