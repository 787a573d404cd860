import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseRange, toA1 } from "../../../src/core/address";

/** Every part of a package, uncompressed. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("nodebuffer"));
  return out;
}

/** Part names whose bytes differ, and parts only in one of the two packages. */
export async function changedParts(
  before: Uint8Array,
  after: Uint8Array,
): Promise<{ changed: string[]; added: string[]; removed: string[] }> {
  const a = await partsOf(before);
  const b = await partsOf(after);
  return {
    changed: [...a.keys()].filter((n) => b.has(n) && !a.get(n)!.equals(b.get(n)!)).sort(),
    added: [...b.keys()].filter((n) => !a.has(n)).sort(),
    removed: [...a.keys()].filter((n) => !b.has(n)).sort(),
  };
}

interface CfModel {
  ref: string;
  rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[];
}

/** Read back with exceljs (an independent reader): sheet → cell → marker severity, from the conditional formats. */
export async function marksOf(bytes: Uint8Array): Promise<Map<string, Map<string, string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out = new Map<string, Map<string, string>>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, string>();
    for (const cf of (ws as unknown as { conditionalFormattings: CfModel[] }).conditionalFormattings) {
      for (const rule of cf.rules) {
        const m = /"budget-check:(error|warning|info)"/.exec((rule.formulae ?? []).join(""));
        if (!m) continue;
        for (const part of cf.ref.split(/\s+/)) {
          const rect = parseRange(part)!;
          for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) cells.set(toA1(r, c), m[1]);
        }
      }
    }
    out.set(ws.name, cells);
  }
  return out;
}

/** The worst severity per flagged cell, as the copy should mark it. */
export function worstByCell(findings: { sheet: string; cell: string; severity: string }[]): Map<string, Map<string, string>> {
  const rank: Record<string, number> = { error: 0, warning: 1, info: 2 };
  const out = new Map<string, Map<string, string>>();
  for (const f of findings) {
    const cells = out.get(f.sheet) ?? new Map<string, string>();
    out.set(f.sheet, cells);
    const had = cells.get(f.cell);
    if (!had || rank[f.severity] < rank[had]) cells.set(f.cell, f.severity);
  }
  return out;
}
