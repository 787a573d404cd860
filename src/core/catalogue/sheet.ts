import type { RuleFamily } from "./entry";
import { ITEMS, edit, oneSheet } from "./examples";

/** Sheet-level: what could not be read, said rather than left silent. */
export const SHEET = {
  "LAYOUT-UNKNOWN": {
    severity: "warning",
    title: "无法识别表格结构，未检查",
    module: "src/core/sheet-rules.ts",
    help: "这张工作表的名称像是收支总表或绩效指标表，却找不到应有的表头（如“一级指标”“二级指标”，或并列的本年收入合计与本年支出合计），因此没有检查。请确认表头文字是标准写法，且没有被合并或拆到多行。",
    fix: null,
    example: oneSheet(
      "绩效目标表",
      [
        ["项目", "金额"],
        ["社区健康讲座", 20],
      ],
      "A1",
    ),
  },
  "UNIT-MISSING": {
    severity: "info",
    title: "表头未注明金额单位",
    module: "src/core/sheet-rules.ts",
    help: "表头没有写明金额单位（如“单位：万元”），本工具按万元理解金额和舍入容差。请在表格标题下方加一行“单位：万元”（或元），使检查按正确的单位进行。",
    fix: null,
    example: oneSheet(
      "三公经费支出表",
      [
        ["“三公”经费支出表", null],
        ["项目", "预算数"],
        ["合计", 13],
        ["1.因公出国（境）费", 5],
        ["2.公务接待费", 8],
      ],
      "A1",
    ),
  },
  "FORMULA-UNCALCULATED": {
    severity: "info",
    title: "公式没有计算结果，相关合计未核对",
    module: "src/core/sheet-rules.ts",
    help: "这个文件由不计算公式的程序导出（如 openpyxl、xlsxwriter），部分公式没有保存计算结果。本工具能精确算出的求和与加减已自行计算，其余公式的值未知，用到它们的合计没有核对。请在 Excel 中打开文件并保存一次（Excel 会重新计算），再检查。",
    fix: null,
    // Formulas as a program that does not calculate writes them: no result. B7 needs B5, so it is unknown too.
    example: oneSheet(
      "办公经费明细表",
      edit(ITEMS, { B5: { formula: "ROUND(B4*0.256,2)" }, B7: { formula: "SUM(B4:B6)" } }),
      "B5",
    ),
  },
} satisfies RuleFamily;
