import { gridSheet } from "../../../src/core/snapshot";
import { Grid, check } from "./helpers";

// docs/domain.md §8: where the tables of a workbook repeat a figure, the copy that disagrees with the
// others is the one reported. All funds are 一般公共预算 here, so a 类 figure appears three times.

const summary = (health: number): Grid => [
  ["部门收支总表"],
  ["单位：万元"],
  ["收入", null, "支出", null],
  ["项目", "预算数", "项目", "预算数"],
  ["一、一般公共预算拨款收入", 100 + health, "一、一般公共服务支出", 100],
  [null, null, "二、卫生健康支出", health],
  ["本年收入合计", 100 + health, "本年支出合计", 100 + health],
];

const spendTable = (title: string, health: number): Grid => [
  [title],
  ["单位：万元"],
  ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
  [null, "合计", 100 + health, 80, 20 + health],
  ["201", "一般公共服务支出", 100, 80, 20],
  ["20103", "政府办公厅（室）及相关机构事务", 100, 80, 20],
  ["2010301", "行政运行", 100, 80, 20],
  ["210", "卫生健康支出", health, null, health],
  ["21004", "公共卫生", health, null, health],
  ["2100409", "重大公共卫生服务", health, null, health],
];

const workbook = (s: number, t: number, g: number) => [
  gridSheet("收支总表", summary(s)),
  gridSheet("支出总表", spendTable("部门支出总表", t)),
  gridSheet("一般公共预算支出表", spendTable("一般公共预算财政拨款支出表", g)),
];

const brief = (s: number, t: number, g: number) => check(workbook(s, t, g)).map((f) => `${f.sheet}!${f.cell} ${f.rule}`);

describe("the copy that disagrees with the others", () => {
  it("finds nothing when all three copies agree", () => {
    expect(brief(45, 45, 45)).toEqual([]);
  });

  it("reports the 支出总表 when the 收支总表 and the GPB table agree against it", () => {
    expect(brief(45, 48, 45)).toEqual(["支出总表!C8 XT-SPEND-CLASS"]);
  });

  it("reports the GPB table when the other two agree against it", () => {
    // Its 项 row differs in 合计 and 项目支出 alike: the deepest differing code, in each column.
    expect(brief(45, 45, 48)).toEqual(["一般公共预算支出表!C10 XT-GPB-SPEND", "一般公共预算支出表!E10 XT-GPB-SPEND"]);
  });

  it("reports the 收支总表 when both code tables agree against it", () => {
    expect(brief(48, 45, 45)).toEqual(["收支总表!D6 XT-SPEND-CLASS"]);
  });
});
