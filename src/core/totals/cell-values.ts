import { excerpt, shownAmount, withColumn } from "../excerpt";
import type { Place, Reporter } from "../reporter";
import { isErrorValue } from "../snapshot";
import { SheetChecker } from "./sheet-checker";
import { columnName, rowLabelNear } from "./read/table-helpers";
import { TableLayout } from "./read/table-layout";

/**
 * CELL-ERROR anywhere in the table's data rows; CELL-TEXTNUM and CELL-NOT-NUMBER in its amount
 * columns. Anchors use the row label and column header so that ids survive inserted rows.
 */
export function checkCells(ck: SheetChecker, table: TableLayout): void {
  const { view } = ck;
  const amountCols = new Set(table.amountCols);
  for (let row = table.firstRow; row <= table.lastRow; row = view.nextRow(row)) {
    for (const info of table.columns) {
      const col = info.col;
      const value = view.value(row, col);
      if (value === null) continue;
      if (isErrorValue(value)) {
        ck.report.add({
          rule: "CELL-ERROR",
          cell: view.address(row, col),
          anchor: where(ck, table, row, col),
          message: `${describe(ck, table, row, col)} 的单元格 ${view.address(row, col)} 为错误值 ${value}，相关合计无法核对`,
        });
        continue;
      }
      if (!amountCols.has(col)) continue;
      const reading = ck.amounts.reading(row, col);
      if (reading.kind === "number" && reading.fromText) {
        ck.report.add({
          rule: "CELL-TEXTNUM",
          cell: view.address(row, col),
          anchor: where(ck, table, row, col),
          message: `${describe(ck, table, row, col)} 的金额“${excerpt(String(value))}”以文本形式存储，Excel 的 SUM 会忽略它，本检查按 ${shownAmount(reading.value)} 计算`,
        });
      } else if (reading.kind === "invalid") {
        const counted = reading.leading
          ? `Excel 的 SUM 不计入它；本检查按开头的 ${shownAmount(reading.leading)} 核对相关合计，请把金额与说明分开填写`
          : "相关合计无法核对";
        ck.report.add({
          rule: "CELL-NOT-NUMBER",
          cell: view.address(row, col),
          anchor: where(ck, table, row, col),
          message: `${describe(ck, table, row, col)} 的内容“${excerpt(String(value))}”不是金额，${counted}`,
        });
      }
    }
  }
}

function where(ck: SheetChecker, table: TableLayout, row: number, col: number): string {
  return `${rowLabelNear(ck.view, table, row, col)}|${columnName(ck.view, table, col)}`;
}

function describe(ck: SheetChecker, table: TableLayout, row: number, col: number): string {
  return withColumn(excerpt(rowLabelNear(ck.view, table, row, col)), excerpt(columnName(ck.view, table, col), 20));
}

/**
 * CELL-ERROR on a cell an indicator form's rules read (预算数, an indicator value, 分值 …): the
 * indicator readers find these cells (src/core/indicators/error-cells.ts); the sentence is this rule's.
 */
export function reportErrorValue(report: Reporter, place: Place, what: string, code: string): void {
  report.add({
    rule: "CELL-ERROR",
    ...place,
    message: `${what}（${place.cell}）为错误值 ${code}，无法检查，请修正公式或引用后重新检查`,
  });
}
