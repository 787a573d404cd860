import type { RuleFamily } from "./entry";
import { PENDING_EXAMPLE, PENDING_HELP } from "./pending";

/** Cross-table checks (domain.md §5). */
export const CROSS_TABLE = {
  "XT-SPEND-CLASS": {
    severity: "error",
    title: "收支总表各类支出应等于支出总表对应类级科目",
    module: "src/core/totals/cross-table.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "XT-INCOME-TOTAL": {
    severity: "error",
    title: "收支总表收入总计应等于收入总表合计",
    module: "src/core/totals/cross-table.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "XT-GPB-SPEND": {
    severity: "error",
    title: "支出总表合计/基本/项目应等于一般公共预算财政拨款支出表",
    module: "src/core/totals/cross-table.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "XT-BASIC": {
    severity: "error",
    title: "支出总表基本支出应等于基本支出表合计",
    module: "src/core/totals/cross-table.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "XT-BASIC-SPLIT": {
    severity: "error",
    title: "基本支出表合计应等于人员经费加公用经费",
    module: "src/core/totals/table-identities.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "XT-SANGONG": {
    severity: "error",
    title: "“三公”经费合计应等于因公出国（境）费、公务用车购置及运维费、公务接待费之和",
    module: "src/core/totals/table-identities.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
} satisfies RuleFamily;
