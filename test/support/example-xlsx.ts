import ExcelJS from "exceljs";
import type { ExampleCell, RuleExample } from "../../src/core/catalogue";

/** Writes a catalogue example to .xlsx bytes exactly as its JSON says, with exceljs (the CLI's reader). */
export async function exampleToXlsx(example: RuleExample): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of example.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => row.forEach((cell, c) => writeCell(ws.getCell(r + 1, c + 1), cell)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeCell(target: ExcelJS.Cell, cell: ExampleCell): void {
  if (cell === null) return;
  if (typeof cell === "string" || typeof cell === "number") {
    target.value = cell;
  } else if ("formula" in cell) {
    target.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
  } else if ("error" in cell) {
    target.value = { error: cell.error } as ExcelJS.CellErrorValue;
  } else {
    target.value = cell.value;
    target.numFmt = cell.numFmt;
  }
}
