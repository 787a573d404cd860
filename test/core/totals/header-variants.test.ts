import { gridSheet } from "../../../src/core/snapshot";
import { at, check } from "./helpers";

// docs/domain.md §3 "block variant" and §4 "any table": a self-evaluation sheet with its own header words.
describe("block-variant tables", () => {
  const selfEval = (total: number) => [
    ["项目支出绩效自评表"],
    ["单位：万元"],
    ["资金来源", "年初预算数", "全年预算数", "全年执行数"],
    ["财政拨款", 20, 20, 18],
    ["其他资金", 5, 5, 4],
    ["合计", total, 25, 22],
  ];

  it("checks the 合计 of a 资金来源 table: a wrong total is a SUM-ROW error at the total cell", () => {
    const f = check([gridSheet("自评表", selfEval(26))]);
    const hit = at(f, "B6", "SUM-ROW");
    expect(hit).toHaveLength(1);
    expect(hit[0].severity).toBe("error");
    expect(hit[0].message).toContain("26.00");
    expect(hit[0].message).toContain("25.00");
    expect(f.filter((x) => x.severity === "error")).toHaveLength(1);
  });

  it("stays quiet when the block adds up", () => {
    expect(check([gridSheet("自评表", selfEval(25))])).toEqual([]);
  });

  it("reads year columns and 决算数 / 实际支出 headers too", () => {
    const years = [["单位：万元"], ["资金来源", "2023年", "2024年"], ["财政拨款", 10, 12], ["其他资金", 1, 2], ["合计", 11, 15]];
    expect(at(check([gridSheet("年度表", years)]), "C5", "SUM-ROW")).toHaveLength(1);
    const spent = [["单位：万元"], ["项目名称", "决算数", "实际支出"], ["甲", 10, 9], ["乙", 1, 1], ["合计", 11, 11]];
    expect(at(check([gridSheet("决算表", spent)]), "C5", "SUM-ROW")).toHaveLength(1);
  });
});

describe("split code columns", () => {
  const rows = [
    ["一般公共预算支出表"],
    ["单位：万元"],
    ["科目编码", null, null, "科目名称", "合计"],
    ["类", "款", "项", null, null],
    [null, null, null, "合计", 30],
    ["208", null, null, "社会保障和就业支出", 30],
    ["208", "05", null, "行政事业单位养老支出", 30],
    ["208", "05", "05", "机关事业单位基本养老保险缴费支出", 30],
  ];

  it("checks the code tree of 类 / 款 / 项 columns instead of only saying it cannot", () => {
    const merges = [{ top: 2, left: 0, bottom: 2, right: 2 }];
    expect(check([gridSheet("支出表", rows, { merges })])).toEqual([]);
    const wrong = rows.map((r) => r.slice());
    wrong[7][4] = 31;
    wrong[4][4] = 31;
    wrong[5][4] = 31;
    expect(check([gridSheet("支出表", wrong, { merges })]).map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-TREE@E7"]);
  });

  it("says nothing of the kind for a table with one code column", () => {
    const one = [
      ["单位：万元"],
      ["科目编码", "科目名称", "合计"],
      ["", "合计", 30],
      ["208", "社会保障和就业支出", 30],
      ["20805", "行政事业单位养老支出", 30],
    ];
    expect(check([gridSheet("支出表", one)]).filter((x) => x.rule === "LAYOUT-UNKNOWN")).toEqual([]);
  });
});
