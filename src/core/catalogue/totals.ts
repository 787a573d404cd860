import type { RuleFamily } from "./entry";
import { PENDING_EXAMPLE, PENDING_HELP } from "./pending";

/** 收支总表 identities (domain.md §3) and totals in any table (§4). */
export const TOTALS = {
  "BAL-INCOME": {
    severity: "error",
    title: "本年收入合计应等于各项收入之和",
    module: "src/core/totals/summary-balance.ts",
    help: PENDING_HELP,
    fix: "把手工录入的合计改为公式 =SUM(…)，合计随明细自动更新；明细本身有误时仍需人工核对",
    example: PENDING_EXAMPLE,
  },
  "BAL-SPEND": {
    severity: "error",
    title: "本年支出合计应等于各项支出之和",
    module: "src/core/totals/summary-balance.ts",
    help: PENDING_HELP,
    fix: "把手工录入的合计改为公式 =SUM(…)，合计随明细自动更新；明细本身有误时仍需人工核对",
    example: PENDING_EXAMPLE,
  },
  "BAL-INCOME-TOTAL": {
    severity: "error",
    title: "收入总计应等于本年收入合计加上年结转结余等调整项",
    module: "src/core/totals/summary-balance.ts",
    help: PENDING_HELP,
    fix: "把手工录入的合计改为公式 =SUM(…)，合计随明细自动更新；明细本身有误时仍需人工核对",
    example: PENDING_EXAMPLE,
  },
  "BAL-SPEND-TOTAL": {
    severity: "error",
    title: "支出总计应等于本年支出合计加年终结转结余（及结余分配）",
    module: "src/core/totals/summary-balance.ts",
    help: PENDING_HELP,
    fix: "把手工录入的合计改为公式 =SUM(…)，合计随明细自动更新；明细本身有误时仍需人工核对",
    example: PENDING_EXAMPLE,
  },
  "BAL-BALANCE": {
    severity: "error",
    title: "收入总计应等于支出总计",
    module: "src/core/totals/summary-balance.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "SUM-ROW": {
    severity: "error",
    title: "合计/小计/总计行应等于本块各明细行之和",
    module: "src/core/totals/row-totals.ts",
    help: PENDING_HELP,
    fix: "把手工录入的合计改为公式 =SUM(…)，合计随明细自动更新；明细本身有误时仍需人工核对",
    example: PENDING_EXAMPLE,
  },
  "SUM-COL": {
    severity: "error",
    title: "合计/小计列应等于同一行各组成列之和",
    module: "src/core/totals/column-totals.ts",
    help: PENDING_HELP,
    fix: "把手工录入的合计改为公式 =SUM(…)，合计随明细自动更新；明细本身有误时仍需人工核对",
    example: PENDING_EXAMPLE,
  },
  "SUM-CROSS": {
    severity: "error",
    title: "一个数使本行与本列的合计同时不符，且两者推算的正确值一致",
    module: "src/core/totals/resolve-crossings.ts",
    help:
      "这个单元格所在行的合计和所在列（上级科目或合计行）的合计都对不上，而且两处推算出的正确值相同，说明错的是这个数本身，而不是两个合计。请核对并改正这个数，两处合计随之相符；为免重复，这两处合计不再单独列出。",
    fix: null,
    example: {
      sheets: [
        {
          name: "基本支出",
          rows: [
            ["单位：万元"],
            ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
            ["302", "商品和服务支出", 40, null, 40],
            ["30201", "办公费", 25, null, 25],
            ["30211", "差旅费", 15, null, 18],
          ],
        },
      ],
      sheet: "基本支出",
      cell: "E5",
    },
  },
  "CODE-TREE": {
    severity: "error",
    title: "科目编码上级数应等于下级数之和",
    module: "src/core/totals/code-tree.ts",
    help: PENDING_HELP,
    fix: "上级科目的下级科目连续排列时，把手工录入的上级数改为公式 =SUM(…)，随下级科目自动更新",
    example: PENDING_EXAMPLE,
  },
  "CODE-ORPHAN": {
    severity: "error",
    title: "科目编码与其上级编码不衔接",
    module: "src/core/totals/code-tree.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "FORMULA-OMITS": {
    severity: "warning",
    title: "合计公式漏掉了本块的明细行",
    module: "src/core/totals/sum-identity.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "FORMULA-CONST": {
    severity: "warning",
    title: "合计为手工录入的常数，而同类合计均为公式",
    module: "src/core/totals/typed-totals.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
} satisfies RuleFamily;
