import { compactLabel } from "../snapshot";
import { SheetChecker } from "./sheet-checker";
import { TableLayout } from "./read/table-layout";

/**
 * Real forms often spread the 功能分类 code over separate 类 / 款 / 项 columns. CODE-TREE reads one
 * code per row, so such a table gets no code-level check: say so once, at the header's 类 cell,
 * rather than let silence read as "the levels add up" (CODE-SPLIT, info).
 */
export function checkSplitCodes(ck: SheetChecker, table: TableLayout): void {
  const { view } = ck;
  for (let r = table.headerTop; r <= table.headerBottom; r++) {
    for (let c = view.firstCol; c < view.lastCol; c++) {
      if (compactLabel(view.label(r, c)) !== "类" || compactLabel(view.label(r, c + 1)) !== "款") continue;
      // 经济分类 stops at 款: two columns.
      const parts = compactLabel(view.label(r, c + 2)) === "项" ? "类、款、项三列" : "类、款两列";
      ck.report.add({ rule: "CODE-SPLIT", cell: view.address(r, c), anchor: "编码分列", message: `科目编码分列为${parts}，暂不支持按编码层级核对，请核对上下级合计` });
      return;
    }
  }
}
