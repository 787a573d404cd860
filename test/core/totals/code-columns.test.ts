import { isItemCulprit } from "../../../src/core/finding";
import { fixOutcome } from "../../../src/core/fixes";
import { SheetView, gridSheet } from "../../../src/core/snapshot";
import { Grid, at, check, edit } from "./helpers";

// docs/domain.md §8 "Code-keyed tables": the code split over 类 / 款 / 项 columns, written on every row
// or once, 款 codes that lost their leading zero, and 经济分类 keyed 类 | 款. Invented figures.

/** 类 repeated on every row, one header row, 合计 first: 合计 = 基本支出 + 项目支出 on every row. */
const repeated: Grid = [
  ["支出决算表"],
  ["单位：万元"],
  ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"],
  [null, null, null, "合计", 500, 320, 180],
  ["205", null, null, "教育支出", 120, 80, 40],
  ["205", "02", null, "普通教育", 120, 80, 40],
  ["205", "02", "01", "学前教育", 50, 30, 20],
  ["205", "02", "02", "小学教育", 70, 50, 20],
  ["213", null, null, "农林水支出", 380, 240, 140],
  ["213", "01", null, "农业农村", 300, 240, 60],
  ["213", "01", "01", "行政运行", 240, 240, null],
  ["213", "01", "04", "事业运行", 60, null, 60],
  ["213", "05", null, "巩固脱贫攻坚成果", 80, null, 80],
  ["213", "05", "99", "其他巩固脱贫支出", 80, null, 80],
];

/** 类 and 款 written once, 款 and 项 as numbers that lost their leading zero, under a merged 科目编码. */
const once: Grid = [
  ["一般公共预算支出功能分类预算表"],
  ["单位：万元"],
  ["科目编码", null, null, "科目名称", "预算数"],
  ["类", "款", "项", null, null],
  [null, null, null, "合计", 260],
  [208, null, null, "社会保障和就业支出", 200],
  [null, 5, null, "行政事业单位养老支出", 200],
  [null, null, 1, "行政单位离退休", 120],
  [null, null, 5, "机关事业单位基本养老保险缴费支出", 80],
  [210, null, null, "卫生健康支出", 60],
  [null, 11, null, "行政事业单位医疗", 60],
  [null, null, 1, "行政单位医疗", 60],
];
const onceMerges = [{ top: 2, left: 0, bottom: 2, right: 2 }];

/** 经济分类 keyed 类 | 款 with 人员经费 / 公用经费 columns. */
const economic: Grid = [
  ["一般公共预算基本支出经济分类预算表"],
  ["单位：万元"],
  ["科目编码", null, "科目名称", "合计", "人员经费", "公用经费"],
  ["类", "款", null, null, null, null],
  [null, null, "合计", 150, 110, 40],
  ["301", null, "工资福利支出", 100, 100, null],
  ["301", "01", "基本工资", 60, 60, null],
  ["301", "02", "津贴补贴", 40, 40, null],
  ["302", null, "商品和服务支出", 40, null, 40],
  ["302", "01", "办公费", 25, null, 25],
  ["302", "11", "差旅费", 15, null, 15],
  ["303", null, "对个人和家庭的补助", 10, 10, null],
  ["303", "02", "退休费", 10, 10, null],
];
const economicMerges = [{ top: 2, left: 0, bottom: 2, right: 1 }];

describe("类 / 款 / 项 in three columns, 类 on every row", () => {
  it("is read as a code tree: a clean table gives no finding at all (no LAYOUT-UNKNOWN, no text-number noise)", () => {
    expect(check([gridSheet("表3", repeated)])).toEqual([]);
  });

  it("finds a 项 whose 款 no longer adds up at the 项, where the 款 is tied to its 类", () => {
    // 21301 农业农村 300 over 行政运行 240 + 事业运行 60; the 项 row is edited in both its cells,
    // so its row still adds up, and 21301 agrees with 213: only the 项 can be wrong.
    const rows = edit(edit(repeated, 11, 4, 70), 11, 6, 70);
    const f = check([gridSheet("表3", rows)]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-TREE@E12", "CODE-TREE@G12"]);
    expect(f[0].message).toBe(
      "2130104 事业运行（合计） 70.00 有误：「科目 21301 农业农村（合计）」与其下级科目之和不符，而能使它成立的只有这个数，应为 60.00，相差 +10.00（万元）",
    );
    expect(f[0].related).toEqual(["E10"]);
  });

  it("offers no SUM fix for such an item, and refuses none: it is corrected by hand (issue 19)", () => {
    const sheet = gridSheet("表3", edit(edit(repeated, 11, 4, 70), 11, 6, 70));
    const [item] = check([sheet]);
    expect(isItemCulprit(item)).toBe(true);
    // It used to be refused as 「下级科目不在上级科目下方…」, which the page and --fix then listed.
    expect(fixOutcome(item, new SheetView(sheet))).toBeNull();
  });

  it("finds a 款 that no longer adds up to its 项 at the 款 cell", () => {
    const rows = edit(edit(edit(repeated, 9, 4, 310), 9, 6, 70), 8, 4, 390);
    const f = check([gridSheet("表3", edit(rows, 8, 6, 150))]);
    expect(f.filter((x) => x.rule === "CODE-TREE").map((x) => x.cell)).toContain("E10");
  });

  it("reports a 类 code that does not match the open 款 as CODE-ORPHAN at the 类 cell, once", () => {
    const f = check([gridSheet("表3", edit(repeated, 13, 0, "212"))]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-ORPHAN@A14"]);
    expect(f[0].message).toContain("2120599");
  });

  it("reports text in an amount column and an error value, and keeps checking the rest", () => {
    const rows = edit(edit(repeated, 11, 6, "待定"), 6, 5, "#N/A");
    const f = check([gridSheet("表3", rows)]);
    expect(at(f, "G12", "CELL-NOT-NUMBER")).toHaveLength(1);
    expect(at(f, "F7", "CELL-ERROR")).toHaveLength(1);
    expect(f.filter((x) => x.severity === "error" && !x.rule.startsWith("CELL-"))).toEqual([]);
  });
});

describe("类 and 款 written once, codes that lost their leading zero", () => {
  it("carries the 类 and 款 down and pads 5 to 05: a clean table gives no finding", () => {
    expect(check([gridSheet("预算表", once, { merges: onceMerges })])).toEqual([]);
  });

  it("checks 款 = Σ项 on the composed codes", () => {
    const f = check([gridSheet("预算表", edit(once, 7, 4, 110), { merges: onceMerges })]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-TREE@E7"]);
    expect(f[0].message).toBe(
      "科目 20805 行政事业单位养老支出 200.00 与其下级科目之和 190.00 不一致，相差 +10.00（万元）；它与「科目 208 社会保障和就业支出」的核对相符，差错应在其下级科目中",
    );
  });

  it("says so when a 款 has no 类 above it, instead of skipping it silently", () => {
    const rows = once.slice(0, 5).concat([[null, 5, null, "行政事业单位养老支出", 260]]);
    const f = check([gridSheet("预算表", rows, { merges: onceMerges })]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-ORPHAN@B6"]);
  });
});

describe("经济分类 keyed 类 | 款", () => {
  it("reads 301 | 01 as 30101: a clean table gives no finding", () => {
    expect(check([gridSheet("基本支出", economic, { merges: economicMerges })])).toEqual([]);
  });

  it("reads 301 and 30101 in one column too", () => {
    const one = economic.map((r, i) => (i < 4 ? r : [r[1] ? `${r[0]}${r[1]}` : r[0], ...r.slice(2)]));
    one[2] = ["科目编码", "科目名称", "合计", "人员经费", "公用经费"];
    one[3] = [];
    expect(
      check([
        gridSheet(
          "基本支出",
          one.filter((r) => r.length > 0),
        ),
      ]),
    ).toEqual([]);
  });

  it("finds a 类 that no longer equals its 款 rows, and not the 合计 that is off only because of it", () => {
    // 301 typed as 105 in both its cells: below it the 款 add to 100, above it 合计 150 needs 100.
    const rows = edit(edit(economic, 5, 3, 105), 5, 4, 105);
    const f = check([gridSheet("基本支出", rows, { merges: economicMerges })]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-TREE@D6", "CODE-TREE@E6"]);
  });

  it("reports a 公用经费 cell that breaks both its row and its 类 at that cell (one wrong figure, one finding)", () => {
    // 30211 差旅费: 合计 15 but 公用经费 18; 302's 公用经费 40 needs 15 there too.
    const f = check([gridSheet("基本支出", edit(economic, 10, 5, 18), { merges: economicMerges })]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["SUM-CROSS@F11"]);
    expect(f[0]).toMatchObject({ severity: "error", expected: "15.00", actual: "18.00", difference: "3.00" });
    expect(f[0].related).toEqual(["D11", "F9"]);
    expect(f[0].message).toBe(
      "30211 差旅费（公用经费） 18.00 有误：按本行「30211 差旅费 的合计」和本列「科目 302 商品和服务支出（公用经费）」推算都应为 15.00，相差 +3.00（万元）；这两处合计因它而不符，不另行列出",
    );
  });
});

describe("split codes at scale", () => {
  it("checks 2,000 rows of 类 | 款 | 项 in one pass and finds the one planted gap", () => {
    const rows: Grid = [["单位：万元"], ["类", "款", "项", "科目名称", "金额"], [null, null, null, "合计", 0]];
    let total = 0;
    for (let k = 0; k < 100; k++) {
      const cls = String(201 + Math.floor(k / 10));
      const kuan = String((k % 10) + 1).padStart(2, "0");
      if (k % 10 === 0) rows.push([cls, null, null, `类${cls}`, 1900]);
      rows.push([cls, kuan, null, `款${k}`, 190]);
      for (let x = 1; x <= 18; x++) rows.push([cls, kuan, String(x).padStart(2, "0"), `项${x}`, x === 1 ? 20 : 10]);
      total += 190;
    }
    rows[2][4] = total;
    rows[6][4] = 11; // one 项 of the first 款
    const f = check([gridSheet("表", rows)]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-TREE@E5"]);
  });
});

describe("codes written with their names, or cumulatively in split columns", () => {
  it("reads `2010601行政运行` in one cell as code and name", () => {
    const rows: Grid = [
      ["单位：万元"],
      ["项目", "金额"],
      ["合计", 30],
      ["201 一般公共服务支出", 30],
      ["20103 政府办公厅（室）及相关机构事务", 30],
      ["2010301 行政运行", 20],
      ["2010302 一般行政管理事务", 10],
    ];
    expect(check([gridSheet("表", rows)])).toEqual([]);
    const f = check([gridSheet("表", edit(rows, 6, 1, 11))]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-TREE@B5"]);
    expect(f[0].message).toBe(
      "科目 20103 政府办公厅（室）及相关机构事务 30.00 与其下级科目之和 31.00 不一致，相差 −1.00（万元）；它与「科目 201 一般公共服务支出」的核对相符，差错应在其下级科目中",
    );
  });

  it("reads 201 | 20106 | 2010601 as the code so far in each column", () => {
    const rows: Grid = [
      ["单位：万元"],
      ["类", "款", "项", "科目名称", "金额"],
      [null, null, null, "合计", 30],
      ["201", null, null, "一般公共服务支出", 30],
      ["201", "20106", null, "财政事务", 30],
      ["201", "20106", "2010601", "行政运行", 30],
    ];
    expect(check([gridSheet("表", rows)])).toEqual([]);
  });
});
