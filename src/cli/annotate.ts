import ExcelJS from "exceljs";
import { mkdirSync } from "fs";
import path from "path";
import { Finding, SEVERITY_LABEL, SEVERITY_ORDER, Severity } from "../core/finding";

/** Fill colours by severity: the same hues the add-in's marks use. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

/**
 * Writes a copy of the workbook with every flagged cell filled by its worst severity and a note
 * carrying the messages. Works on the bytes in memory: the input file is never opened for writing.
 */
export async function annotateWorkbook(input: Uint8Array, findings: Finding[], outPath: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(input as unknown as ArrayBuffer);
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  let marked = 0;
  for (const [key, list] of byCell) {
    const [sheetName, cell] = key.split("\u0000");
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) continue;
    const worst = list.reduce((a, b) => (SEVERITY_ORDER[b.severity] < SEVERITY_ORDER[a.severity] ? b : a));
    const target = sheet.getCell(cell);
    // exceljs shares one style object among cells formatted alike: setting `fill` on it would
    // colour every such cell. A fresh style object keeps the mark on this cell alone.
    target.style = { ...target.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[worst.severity] } } };
    target.note = list.map((f) => `【${SEVERITY_LABEL[f.severity]}·${f.rule}】${f.message}`).join("\n");
    marked++;
  }
  mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  await workbook.xlsx.writeFile(outPath);
  return marked;
}
