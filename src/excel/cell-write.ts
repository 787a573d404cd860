import { CellContent, GatewayError } from "./gateway";
import { ExcelHost } from "./host";
import { describe, gatewayError } from "./messages";
import { underProtection } from "./protected-batch";

function same(a: CellContent, b: { values: unknown[][]; formulas: unknown[][] }): boolean {
  const formula =
    typeof b.formulas[0][0] === "string" && String(b.formulas[0][0]).startsWith("=") ? String(b.formulas[0][0]) : "";
  if (a.formula || formula) return a.formula === formula;
  const value = b.values[0][0] === "" ? null : b.values[0][0];
  return value === a.value;
}

function queueWrite(range: Excel.Range, content: CellContent): void {
  // Only the content (and, on undo, the number format Excel may have changed) is written.
  if (content.formula) range.formulas = [[content.formula]];
  else range.values = [[content.value === null ? "" : content.value]];
  if (content.numberFormat !== undefined) range.numberFormat = [[content.numberFormat]];
}

/**
 * One cell, written only if it still holds `before`: sync 1 reads it with the sheet's protection,
 * sync 2 writes. A sheet protected without a password is written in its own batch and protected
 * again exactly as it was; one with a password is refused.
 */
export async function writeCell(
  excel: ExcelHost,
  sheetName: string,
  cell: string,
  before: CellContent,
  after: CellContent,
): Promise<void> {
  try {
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const range = sheet.getRange(cell).load("values,formulas");
      const protection = sheet.protection.load("protected,options");
      await context.sync();
      if (!same(before, range)) throw new GatewayError("Changed", describe("Changed", "fix", sheetName));
      if (!protection.protected) {
        queueWrite(range, after);
        await context.sync();
        return;
      }
      const problem = await underProtection(context, sheet, sheetName, protection.options, "fix", () => queueWrite(range, after));
      if (problem)
        throw new GatewayError(
          problem.code,
          problem.code === "AccessDenied"
            ? `工作表“${sheetName}”受密码保护，无法修改单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再点「修复」。`
            : problem.message,
        );
    });
  } catch (error) {
    throw gatewayError(error, "fix", sheetName);
  }
}
