import { checkWorkbook } from "../../../src/core/check";
import { classifySheet } from "../../../src/core/classify";
import { LiteralCell, SheetView, gridSheet } from "../../../src/core/snapshot";
import { check } from "./helpers";

// docs/domain.md §8: the standard tables go by many real titles, in 预算 and 决算 sets alike.

const titled = (title: string, name = "Sheet1") =>
  new SheetView(gridSheet(name, [[title], ["单位：万元"], ["项目", "金额"], ["合计", 1]]));

describe("standard tables by their titles", () => {
  it.each([
    ["部门收支总表", "收支总表"],
    ["财务收支预算总表", "收支总表"],
    ["收入支出决算总表", "收支总表"],
    ["部门收入预算总表", "收入总表"],
    ["收入决算表", "收入总表"],
    ["部门支出预算总表", "支出总表"],
    ["支出决算表", "支出总表"],
    ["财政拨款收支预算总表", "财政拨款收支总表"],
    ["财政拨款收入支出决算总表", "财政拨款收支总表"],
    ["一般公共预算支出功能分类预算表", "一般公共预算财政拨款支出表"],
    ["一般公共预算财政拨款支出决算表", "一般公共预算财政拨款支出表"],
    ["一般公共预算基本支出经济分类预算表", "一般公共预算财政拨款基本支出表"],
    ["一般公共预算财政拨款基本支出决算表", "一般公共预算财政拨款基本支出表"],
    ["“三公”经费和机关运行经费预算表", "三公经费支出表"],
    ["财政拨款“三公”经费支出决算表", "三公经费支出表"],
  ])("knows %s as %s", (title, table) => {
    expect(classifySheet(titled(title)).table).toBe(table);
  });

  it("checks a 收入预算总表 keyed by split codes instead of skipping it", () => {
    const rows: LiteralCell[][] = [
      ["收入预算总表"],
      ["单位：万元"],
      ["类", "款", "项", "科目名称", "合计", "财政拨款收入", "其他收入"],
      [null, null, null, "合计", 90, 80, 10],
      ["210", null, null, "卫生健康支出", 90, 80, 10],
      ["210", "04", null, "公共卫生", 90, 80, 10],
      ["210", "04", "01", "疾病预防控制机构", 60, 55, 5],
      ["210", "04", "08", "基本公共卫生服务", 30, 25, 5],
    ];
    const result = checkWorkbook([gridSheet("表2", rows)]);
    expect(result.sheets[0].note).toBeUndefined();
    expect(result.findings).toEqual([]);
    rows[7][5] = 26;
    expect(check([gridSheet("表2", rows)]).map((f) => `${f.rule}@${f.cell}`)).toEqual(["SUM-CROSS@F8"]);
  });
});

describe("cross-table checks on a 决算 set", () => {
  const summary: LiteralCell[][] = [
    ["收入支出决算总表"],
    ["单位：万元"],
    ["收入", null, "支出", null],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", 150, "一、一般公共服务支出", 100],
    [null, null, "二、卫生健康支出", 45],
    ["本年收入合计", 150, "本年支出合计", 145],
    ["年初结转和结余", 5, "年末结转和结余", 10],
    ["总计", 155, "总计", 155],
  ];
  const spend = (health: number): LiteralCell[][] => [
    ["支出决算表"],
    ["单位：万元"],
    ["类", "款", "项", "科目名称", "本年支出合计", "基本支出", "项目支出"],
    [null, null, null, "合计", 100 + health, 80, 20 + health],
    ["201", null, null, "一般公共服务支出", 100, 80, 20],
    ["201", "03", null, "政府办公厅（室）及相关机构事务", 100, 80, 20],
    ["201", "03", "01", "行政运行", 100, 80, 20],
    ["210", null, null, "卫生健康支出", health, null, health],
    ["210", "04", null, "公共卫生", health, null, health],
    ["210", "04", "09", "重大公共卫生服务", health, null, health],
  ];

  it("finds nothing when the tables agree", () => {
    expect(check([gridSheet("表1", summary), gridSheet("表3", spend(45))])).toEqual([]);
  });

  const income = (total: number): LiteralCell[][] => [
    ["收入决算表"],
    ["单位：万元"],
    ["类", "款", "项", "科目名称", "本年收入合计", "财政拨款收入", "其他收入"],
    [null, null, null, "合计", total, total, null],
    ["201", null, null, "一般公共服务支出", 100, 100, null],
    ["210", null, null, "卫生健康支出", total - 100, total - 100, null],
  ];

  it("compares the 收入决算表 合计 (its 本年收入合计 column) with the 总表's 本年收入合计, not its 总计", () => {
    expect(check([gridSheet("表1", summary), gridSheet("表2", income(150))])).toEqual([]);
    const f = check([gridSheet("表1", summary), gridSheet("表2", income(152))]);
    expect(f.map((x) => `${x.sheet}!${x.cell} ${x.rule}`)).toEqual(["表2!E4 XT-INCOME-TOTAL"]);
    expect(f[0].message).toBe("收入总表本年收入合计 152.00 与收支总表本年收入合计 150.00 不一致，相差 +2.00（万元）");
  });

  it("compares each 类 of the 总表 with the 支出决算表 类 row", () => {
    const f = check([gridSheet("表1", summary), gridSheet("表3", spend(48))]);
    expect(f.map((x) => `${x.sheet}!${x.cell} ${x.rule}`)).toEqual(["表1!D6 XT-SPEND-CLASS"]);
  });
});
