import type { RuleFamily } from "./entry";
import { PENDING_EXAMPLE, PENDING_HELP } from "./pending";

/** Sheet-level: what could not be read. */
export const SHEET = {
  "LAYOUT-UNKNOWN": {
    severity: "warning",
    title: "无法识别表格结构，未检查",
    module: "src/core/sheet-rules.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "UNIT-MISSING": {
    severity: "info",
    title: "表头未注明金额单位",
    module: "src/core/sheet-rules.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
} satisfies RuleFamily;
