import type { RuleFamily } from "./entry";
import { BASIC, GPB_SPENDING, INCOME, SPENDING, SUMMARY, SUMMARY_ALL_GPB, edit, oneSheet, workbook } from "./examples";

/** Cross-table checks (docs/domain.md §5): figures one standard table repeats from another. */
export const CROSS_TABLE = {
  "XT-SPEND-CLASS": {
    severity: "error",
    title: "收支总表各类支出应等于支出总表对应类级科目",
    module: "src/core/totals/cross-table.ts",
    help: "收支总表支出栏中某一类支出（如教育支出），与支出总表中同名类级科目的合计不一致。请以明细更全的支出总表为准核对两张表，改正填错的那一张；标记落在自身也不平衡的那张表上。",
    fix: null,
    example: workbook(
      [
        { name: "收支总表", rows: edit(SUMMARY.rows, { D5: 100, D6: 60 }) },
        { name: SPENDING.name, rows: SPENDING.rows },
      ],
      "收支总表",
      "D5",
    ),
  },
  "XT-INCOME-TOTAL": {
    severity: "error",
    title: "收支总表收入总计应等于收入总表合计",
    module: "src/core/totals/cross-table.ts",
    help: "收入总表的合计与收支总表的收入总计不一致。请核对两张表的收入数据，改正填错的那一张；两张表的金额单位不同时，本工具已按单位换算后比较。",
    fix: null,
    example: workbook(
      [SUMMARY, { name: INCOME.name, rows: edit(INCOME.rows, { B4: 190, C4: 140, B5: 190, C5: 140 }) }],
      "收入总表",
      "B4",
    ),
  },
  "XT-GPB-SPEND": {
    severity: "error",
    title: "支出总表合计/基本/项目应等于一般公共预算财政拨款支出表",
    module: "src/core/totals/cross-table.ts",
    help: "收入全部是一般公共预算拨款时，一般公共预算财政拨款支出表应与支出总表逐科目一致（合计、基本支出、项目支出三列），这里同一科目的数不同。请对照两张表的这一行，改正填错的那一张。",
    fix: null,
    example: workbook(
      [
        SUMMARY_ALL_GPB,
        SPENDING,
        { name: GPB_SPENDING.name, rows: edit(GPB_SPENDING.rows, { C5: 115, E5: 45, C4: 185, E4: 65 }) },
      ],
      GPB_SPENDING.name,
      "C5",
    ),
  },
  "XT-BASIC": {
    severity: "error",
    title: "支出总表基本支出应等于基本支出表合计",
    module: "src/core/totals/cross-table.ts",
    help: "一般公共预算财政拨款基本支出表的合计，应等于一般公共预算财政拨款支出表（或支出总表）中的基本支出合计。请核对两张表的基本支出，改正填错的那一张。",
    fix: null,
    example: workbook(
      [GPB_SPENDING, { name: BASIC.name, rows: edit(BASIC.rows, { C4: 125, E4: 35, C6: 35, E6: 35 }) }],
      BASIC.name,
      "C4",
    ),
  },
  "XT-BASIC-SPLIT": {
    severity: "error",
    title: "基本支出表合计应等于人员经费加公用经费",
    module: "src/core/totals/table-identities.ts",
    help: "基本支出表中，每一行的“合计”应等于“人员经费”加“公用经费”，这一行不相等。请核对这一行，再把合计改为公式，例如把 C5 改为 =SUM(D5:E5)。",
    fix: null,
    example: oneSheet(BASIC.name, edit(BASIC.rows, { C5: 92, C4: 122 }), "C5"),
  },
  "XT-SANGONG": {
    severity: "error",
    title: "“三公”经费合计应等于因公出国（境）费、公务用车购置及运维费、公务接待费之和",
    module: "src/core/totals/table-identities.ts",
    help: "“三公”经费合计应等于因公出国（境）费、公务用车购置及运行维护费、公务接待费三项之和；公务用车购置及运行维护费也应等于其中的购置费加运行维护费。请核对各项，再把合计改为公式，例如把 B4 改为 =SUM(B5:B7)。",
    fix: null,
    example: oneSheet(
      "三公经费支出表",
      [
        ["“三公”经费支出表", null],
        ["单位：万元", null],
        ["项目", "预算数"],
        ["合计", 30],
        ["1.因公出国（境）费", 5],
        ["2.公务接待费", 8],
        ["3.公务用车购置及运行维护费", 15],
        ["   其中：公务用车购置费", 10],
        ["         公务用车运行维护费", 5],
      ],
      "B4",
    ),
  },
} satisfies RuleFamily;
