import { CellContent, GatewayError } from "./gateway";
import { API, ExcelHost, OfficeHost, supports } from "./host";
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
 *
 * Where ExcelApi 1.20 is supported the run is one undo group, so the user's Ctrl+Z takes the value
 * (or formula) and its number format back in one step, and nothing in that run clears the undo
 * stack. A protected sheet cannot be grouped — unprotect() and protect() do not support undo
 * (UndoNotSupported inside a group, a cleared undo stack outside one) — so that write runs
 * ungrouped, as on older hosts.
 */
export async function writeCell(
  excel: ExcelHost,
  office: OfficeHost,
  sheetName: string,
  cell: string,
  before: CellContent,
  after: CellContent,
): Promise<void> {
  /** `accept`: what the cell may hold for the write to go ahead. */
  const attempt = (grouped: boolean, accept: CellContent[] = [before]) => {
    const batch = async (context: Excel.RequestContext): Promise<"protected" | "written"> => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const range = sheet.getRange(cell).load("values,formulas");
      const protection = sheet.protection.load("protected,options");
      await context.sync();
      if (!accept.some((c) => same(c, range))) throw new GatewayError("Changed", describe("Changed", "fix", sheetName));
      if (!protection.protected) {
        queueWrite(range, after);
        await context.sync();
        return "written";
      }
      if (grouped) return "protected";
      const problem = await underProtection(context, sheet, sheetName, protection.options, "fix", () => queueWrite(range, after));
      if (problem)
        throw new GatewayError(
          problem.code,
          problem.code === "AccessDenied"
            ? `工作表“${sheetName}”受密码保护，无法修改单元格。请先撤销工作表保护（审阅 → 撤销工作表保护），再在问题卡片上重新修复。`
            : problem.message,
        );
      return "written";
    };
    return grouped ? excel.run({ mergeUndoGroup: true }, batch) : excel.run(batch);
  };
  try {
    const grouped = supports(office, API.undoGroup);
    let outcome: "protected" | "written" | "ungroupable";
    try {
      outcome = await attempt(grouped);
    } catch (error) {
      if (!grouped || (error as { code?: unknown } | null)?.code !== "UndoNotSupported") throw error;
      outcome = "ungroupable";
    }
    // A protected sheet found inside the group is written again from the start, outside it. So is a
    // write this host cannot group; the part of it applied before the refusal (the new value
    // without its number format) is ours, so the cell may then already hold `after`.
    if (outcome === "protected") await attempt(false);
    if (outcome === "ungroupable") await attempt(false, [before, after]);
  } catch (error) {
    throw gatewayError(error, "fix", sheetName);
  }
}
