import { parseA1 } from "../address";
import type { ExampleCell, RuleExample } from "./entry";

/**
 * Builders for the catalogue's example workbooks, so that a family file states only what makes its
 * example break a rule. Figures and names are invented; every base table below is clean.
 */

type Rows = ExampleCell[][];
export interface ExampleSheet {
  name: string;
  rows: Rows;
}

/** The rows with some cells replaced, by A1 address (`{ B7: 25 }`); the base is not modified. */
export function edit(rows: Rows, edits: Record<string, ExampleCell>): Rows {
  const out = rows.map((row) => [...row]);
  for (const [a1, cell] of Object.entries(edits)) {
    const at = parseA1(a1);
    if (!at) throw new Error(`bad address ${a1}`);
    while (out.length <= at.row) out.push([]);
    const row = out[at.row];
    while (row.length <= at.col) row.push(null);
    row[at.col] = cell;
  }
  return out;
}

/** An example of several sheets; the rule fires on `sheet` at `cell`. */
export function workbook(sheets: ExampleSheet[], sheet: string, cell: string): RuleExample {
  return { sheets, sheet, cell };
}

/** An example of one sheet. */
export function oneSheet(name: string, rows: Rows, cell: string): RuleExample {
  return workbook([{ name, rows }], name, cell);
}

const money = (value: number): ExampleCell => ({ value, numFmt: "0.00" });

/** A 收支总表: income on the left (A:B), spending on the right (C:D); rows 8 本年合计, 9 结转, 10 总计. */
export const SUMMARY: ExampleSheet = {
  name: "收支总表",
  rows: [
    ["部门收支总表", null, null, null],
    ["单位：万元", null, null, null],
    ["收入", null, "支出", null],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", 150, "一、教育支出", 110],
    ["二、事业收入", 30, "二、卫生健康支出", 50],
    [null, null, "三、住房保障支出", 20],
    ["本年收入合计", 180, "本年支出合计", 180],
    ["上年结转结余", 20, "年终结转结余", 20],
    ["收入总计", 200, "支出总计", 200],
  ],
};

/** A 收支总表 whose income is all 一般公共预算 money (so the 支出总表 and the GPB table must agree). */
export const SUMMARY_ALL_GPB: ExampleSheet = {
  name: "收支总表",
  rows: edit(SUMMARY.rows, { B5: 180, B6: null, B9: null, B10: 180, D9: null, D10: 180 }),
};

/** A 支出总表 by 功能分类 类 code whose classes match SUMMARY; 合计 = 基本支出 + 项目支出 on every row. */
export const SPENDING: ExampleSheet = {
  name: "支出总表",
  rows: [
    ["部门支出总表", null, null, null, null],
    ["单位：万元", null, null, null, null],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["合计", null, 180, 120, 60],
    ["205", "教育支出", 110, 70, 40],
    ["210", "卫生健康支出", 50, 40, 10],
    ["221", "住房保障支出", 20, 10, 10],
  ],
};

/** The 一般公共预算财政拨款支出表, equal to SPENDING row by row. */
export const GPB_SPENDING: ExampleSheet = {
  name: "一般公共预算财政拨款支出表",
  rows: edit(SPENDING.rows, { A1: "一般公共预算财政拨款支出表" }),
};

/** The 基本支出表 by 经济分类, whose 合计 equals the 基本支出 of GPB_SPENDING (120). */
export const BASIC: ExampleSheet = {
  name: "一般公共预算财政拨款基本支出表",
  rows: [
    ["一般公共预算财政拨款基本支出表", null, null, null, null],
    ["单位：万元", null, null, null, null],
    ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
    ["合计", null, 120, 90, 30],
    ["301", "工资福利支出", 90, 90, null],
    ["302", "商品和服务支出", 30, null, 30],
  ],
};

/** A 收入总表 whose 合计 equals the SUMMARY's 收入总计 (200). */
export const INCOME: ExampleSheet = {
  name: "收入总表",
  rows: [
    ["部门收入总表", null, null, null, null],
    ["单位：万元", null, null, null, null],
    ["项目", "合计", "一般公共预算拨款收入", "事业收入", "上年结转"],
    ["合计", 200, 150, 30, 20],
    ["本部门", 200, 150, 30, 20],
  ],
};

/** A plain table of items and their 合计 (B7 = B4 + B5 + B6). */
export const ITEMS: Rows = [
  ["办公经费明细表", null],
  ["单位：万元", null],
  ["项目", "金额"],
  ["办公费", 12.5],
  ["印刷费", 3.2],
  ["差旅费", 8],
  ["合计", 23.7],
];

/** A code-keyed table: 类 205 = 款 20502 = 项 2050201 + 2050202. */
export const CODED: Rows = [
  ["教育支出明细表", null, null],
  ["单位：万元", null, null],
  ["科目编码", "科目名称", "金额"],
  ["205", "教育支出", 90],
  ["20502", "普通教育", 90],
  ["2050201", "学前教育", 40],
  ["2050202", "小学教育", 50],
];

/**
 * One project block of a 绩效目标表: budget B3 = 20.00, a plan in row 5 ending at 20.00 (E5), and
 * one indicator per category in rows 7–12 (数量, 质量, 时效, 成本, 效益, 满意度), values in column D.
 */
export const INDICATOR_BLOCK: Rows = [
  ["社区健康讲座项目绩效目标表", null, null, "单位：万元"],
  ["项目名称", "社区健康讲座"],
  ["预算数", money(20)],
  ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"],
  [null, money(5), money(10), money(16), money(20)],
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ["产出指标", "数量指标", "讲座场次", "≥24场"],
  [null, "质量指标", "听众签到率", "≥95%"],
  [null, "时效指标", "完成时间", "12月底前"],
  [null, "成本指标", "讲座经费", "≤20万元"],
  ["效益指标", "社会效益指标", "居民健康素养", "显著提高"],
  ["满意度指标", "服务对象满意度指标", "听众满意度", "≥90%"],
];

/** INDICATOR_BLOCK on a sheet named 绩效目标表, with edits. */
export function indicatorExample(edits: Record<string, ExampleCell>, cell: string): RuleExample {
  return oneSheet("绩效目标表", edit(INDICATOR_BLOCK, edits), cell);
}

export { money };

/** An example of this year's sheets checked against last year's (`--compare`). */
export function twoYears(sheets: ExampleSheet[], last: ExampleSheet[], sheet: string, cell: string): RuleExample {
  return { sheets, sheet, cell, last };
}

/**
 * A 2024 三公 table with last year's budget beside this year's (B 上年预算数, C 本年预算数; rows 4
 * 合计, 5 出国, 6 接待, 7 公务用车, 8–9 its 购置 and 运行), whose 上年 column repeats SANGONG_2023.
 */
export const SANGONG_2024: ExampleSheet = {
  name: "三公经费支出表",
  rows: [
    ["2024年“三公”经费支出预算表", null, null],
    ["单位：万元", null, null],
    ["项目", "上年预算数", "本年预算数"],
    ["合计", 30, 28],
    ["1.因公出国（境）费", 5, 5],
    ["2.公务接待费", 8, 6],
    ["3.公务用车购置及运行维护费", 17, 17],
    ["   其中：公务用车购置费", 10, 10],
    ["         公务用车运行维护费", 7, 7],
  ],
};

/** Last year's 三公 table: its 本年预算数 (C) is what SANGONG_2024's 上年预算数 repeats. */
export const SANGONG_2023: ExampleSheet = {
  name: "三公经费支出表",
  rows: edit(SANGONG_2024.rows, {
    A1: "2023年“三公”经费支出预算表",
    B4: 33,
    C4: 30,
    B5: 5,
    C5: 5,
    B6: 9,
    C6: 8,
    B7: 19,
    C7: 17,
    B8: 10,
    C8: 10,
    B9: 9,
    C9: 7,
  }),
};
