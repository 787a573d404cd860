import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { parseA1, parseRange, toA1 } from "../../../src/core/address";
import type { TemplateKind } from "../../../src/templates/catalog";
import { templateSpec } from "../../../src/templates/specs";
import { addTemplateSheet, newTemplateWorkbook, workbookBytes } from "../../../src/templates/xlsx-writer";

export type Fills = Record<string, string | number>;

/**
 * A template as a user would leave it: inputs typed in, written through the real xlsx writer.
 * `results` decides what the file caches for formula cells: "exact" (what Excel would show,
 * computed here with decimal.js) or "stale" (0, so only a recalculating reader sees the totals).
 * `overrides` replace cells outright, e.g. a total typed over its formula.
 */
export async function filledTemplate(
  kind: TemplateKind,
  fills: Fills,
  results: "exact" | "stale",
  overrides: Fills = {},
): Promise<Buffer> {
  const workbook = newTemplateWorkbook();
  const spec = templateSpec(kind);
  const ws = await addTemplateSheet(workbook, spec);
  for (const [address, value] of Object.entries(fills)) ws.getCell(address).value = value;
  for (const cell of spec.cells) {
    if (!cell.formula) continue;
    const result = results === "exact" ? evaluate(cell.formula, ws, spec.cells).toNumber() : 0;
    ws.getCell(toA1(cell.row, cell.col)).value = { formula: cell.formula.slice(1), result };
  }
  for (const [address, value] of Object.entries(overrides)) ws.getCell(address).value = value;
  return Buffer.from(await workbookBytes(workbook));
}

/** Just the two formula shapes the templates use: =SUM(X1:X9) and =X1+X2. */
function evaluate(formula: string, ws: ExcelJS.Worksheet, cells: { row: number; col: number; formula?: string }[]): Decimal {
  const cellValue = (address: string): Decimal => {
    const at = parseA1(address)!;
    const spec = cells.find((c) => c.row === at.row && c.col === at.col && c.formula);
    if (spec?.formula) return evaluate(spec.formula, ws, cells);
    const v = ws.getCell(address).value;
    return typeof v === "number" ? new Decimal(String(v)) : new Decimal(0);
  };
  const sum = /^=SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(formula);
  if (sum) {
    const r = parseRange(sum[1])!;
    let total = new Decimal(0);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) total = total.plus(cellValue(toA1(row, col)));
    return total;
  }
  const plus = /^=([A-Z]+\d+(?:\+[A-Z]+\d+)+)$/.exec(formula);
  if (plus) return plus[1].split("+").reduce((acc, a) => acc.plus(cellValue(a)), new Decimal(0));
  throw new Error(`测试求值器不认识的公式：${formula}`);
}
