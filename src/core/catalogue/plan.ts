import type { RuleFamily } from "./entry";
import { PENDING_EXAMPLE, PENDING_HELP } from "./pending";

/** Spending plans of indicator blocks (domain.md §6). */
export const PLAN = {
  "PLAN-MONOTONIC": {
    severity: "warning",
    title: "资金支出计划的累计数出现下降",
    module: "src/core/indicators/spending-plan.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "PLAN-END": {
    severity: "warning",
    title: "资金支出计划 12 月底应达到预算数（或 100%）",
    module: "src/core/indicators/spending-plan.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "PLAN-FORM": {
    severity: "info",
    title: "资金支出计划的写法与表头（%）不一致",
    module: "src/core/indicators/spending-plan.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
} satisfies RuleFamily;
