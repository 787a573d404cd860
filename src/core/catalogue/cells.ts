import type { RuleFamily } from "./entry";
import { PENDING_EXAMPLE, PENDING_HELP } from "./pending";

/** What a cell of a table holds (domain.md §4). */
export const CELLS = {
  "CELL-ERROR": {
    severity: "error",
    title: "表内单元格为错误值（#REF!、#VALUE! 等）",
    module: "src/core/totals/cell-values.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
  "CELL-TEXTNUM": {
    severity: "info",
    title: "金额以文本形式存储，Excel 的 SUM 会忽略它",
    module: "src/core/totals/cell-values.ts",
    help: PENDING_HELP,
    fix: "把以文本形式存储的金额改为数值，数额不变，Excel 的 SUM 从此会计入它",
    example: PENDING_EXAMPLE,
  },
  "CELL-NOT-NUMBER": {
    severity: "error",
    title: "金额单元格的内容无法识别为数字",
    module: "src/core/totals/cell-values.ts",
    help: PENDING_HELP,
    fix: null,
    example: PENDING_EXAMPLE,
  },
} satisfies RuleFamily;
