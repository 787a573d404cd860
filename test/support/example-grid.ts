import { parseA1, parseRange } from "../../src/core/address";
import type { ExampleCell, RuleExample } from "../../src/core/catalogue";
import type { CellWrite } from "../../src/core/fixes";
import { LiteralCell, SheetSnapshot, displayText, gridSheet } from "../../src/core/snapshot";

/** A catalogue example as snapshots, in memory (test/support/example-xlsx.ts writes the same to .xlsx). */
export function exampleSheets(example: RuleExample): SheetSnapshot[] {
  return example.sheets.map((s) =>
    gridSheet(
      s.name,
      s.rows.map((row) => row.map(literal)),
    ),
  );
}

function literal(cell: ExampleCell): LiteralCell {
  if (cell === null || typeof cell !== "object") return cell;
  if ("formula" in cell) return { v: cell.result, f: cell.formula };
  if ("error" in cell) return cell.error;
  return { v: cell.value, fmt: cell.numFmt };
}

/**
 * The sheets after a fix's writes, as a spreadsheet would show them once it recalculates: a
 * `=SUM(…)` takes the numbers in its ranges (text is skipped, as Excel's SUM skips it). A plan
 * whose writes no longer find the `before` they expect is refused, as a host refuses it.
 */
export function applyWrites(sheets: SheetSnapshot[], writes: CellWrite[]): SheetSnapshot[] {
  const out = sheets.map((s) => ({
    ...s,
    values: s.values.map((r) => [...r]),
    texts: s.texts.map((r) => [...r]),
    formulas: s.formulas.map((r) => [...r]),
    numberFormats: s.numberFormats.map((r) => [...r]),
  }));
  for (const w of writes) {
    const sheet = out.find((s) => s.name === w.sheet)!;
    const { row, col } = parseA1(w.cell)!;
    while (sheet.values.length <= row) {
      sheet.values.push([]);
      sheet.texts.push([]);
      sheet.formulas.push([]);
      sheet.numberFormats.push([]);
    }
    const held = sheet.formulas[row][col] || null;
    if ((w.before.formula || null) !== held || (!held && (sheet.values[row][col] ?? null) !== w.before.value))
      throw new Error(`${w.sheet}!${w.cell} no longer holds what the fix expects`);
    const value = w.after.formula ? sum(sheet, w.after.formula) : w.after.value;
    const format = w.after.numberFormat ?? sheet.numberFormats[row][col] ?? "General";
    sheet.values[row][col] = value;
    sheet.formulas[row][col] = w.after.formula;
    sheet.numberFormats[row][col] = format;
    sheet.texts[row][col] = displayText(value, format);
  }
  return out;
}

function sum(sheet: SheetSnapshot, formula: string): number {
  const m = /^=SUM\((.+)\)$/.exec(formula);
  if (!m) throw new Error(`only SUM is evaluated here: ${formula}`);
  let total = 0;
  for (const part of m[1].split(",")) {
    const rect = parseRange(part)!;
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const v = sheet.values[r]?.[c];
        if (typeof v === "number") total += v;
      }
  }
  return total;
}
