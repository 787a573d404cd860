import type { RuleFamily } from "./entry";
import { indicatorExample, money } from "./examples";

/** Spending plans of indicator blocks (docs/domain.md §6). Examples edit INDICATOR_BLOCK's plan, row 5 (B5:E5). */
export const PLAN = {
  "PLAN-MONOTONIC": {
    severity: "warning",
    title: "资金支出计划的累计数出现下降",
    module: "src/core/indicators/spending-plan.ts",
    help: "资金支出计划填的是截至各月底的累计数，只能增加或持平，这里后一个月比前一个月少。请核对各月累计数，例如把 D5 的 8.00 改为不小于 C5 的数。",
    fix: null,
    example: indicatorExample({ D5: money(8) }, "D5"),
  },
  "PLAN-END": {
    severity: "warning",
    title: "资金支出计划 12 月底应达到预算数（或 100%）",
    module: "src/core/indicators/spending-plan.ts",
    help: "资金支出计划到 12 月底的累计数应等于本项目预算数（按百分比填写时应为 100%），这里不相等或未填写。请核对后把 12 月底改为预算数，例如把 E5 改为 20.00。",
    fix: null,
    example: indicatorExample({ E5: money(18) }, "E5"),
  },
  "PLAN-FORM": {
    severity: "info",
    title: "资金支出计划的写法与表头（%）不一致",
    module: "src/core/indicators/spending-plan.ts",
    help: "表头写着“资金支出计划（%）”，各月却按比例小数填写（如 0.25、1.00）。请统一写法：改为百分比（25%、100%），或改填金额并去掉表头的（%）。",
    fix: null,
    example: indicatorExample({ B5: 0.25, C5: 0.5, D5: 0.8, E5: 1 }, "E5"),
  },
} satisfies RuleFamily;
