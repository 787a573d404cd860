/*
 * Where the marks go and how they look, shared by the Office gateway (conditional formats in the
 * workbook) and the annotated copy (the same formats patched into the package), so both mark alike.
 */
import { RectRef, parseA1, rectToA1 } from "./address";
import { Finding } from "./finding";
import { SEVERITIES, SEVERITY_ORDER, Severity } from "./severity";

/** Fill colours of the marks: Excel's own light red, amber and blue, so they read as familiar. */
export const MARK_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#BDD7EE" };

/**
 * Every mark is a custom conditional format with this always-true formula. The string inside
 * makes our formats recognisable in any later session, even if the ids recorded in
 * workbook.settings no longer match after a save and reopen.
 */
export function markFormula(severity: Severity): string {
  return `=N("budget-check:${severity}")=0`;
}

export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && /"budget-check:(error|warning|info)"/.test(formula);
}

/** getRanges fails somewhere near 8,000 characters; stay clear of it. */
export const MAX_AREAS_ADDRESS = 7000;

export interface SheetMarks {
  sheet: string;
  severity: Severity;
  rects: RectRef[];
  cells: number;
}

/** One severity per cell (the most severe finding wins), grouped by sheet and severity. */
export function planMarks(findings: Finding[], sheets: string[]): SheetMarks[] {
  const wanted = new Set(sheets);
  const bySheet = new Map<string, Map<string, Severity>>();
  for (const f of findings) {
    if (!wanted.has(f.sheet) || !parseA1(f.cell)) continue;
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    const had = cells.get(f.cell);
    if (!had || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[had]) cells.set(f.cell, f.severity);
  }
  const out: SheetMarks[] = [];
  for (const sheet of sheets) {
    const cells = bySheet.get(sheet);
    if (!cells) continue;
    for (const severity of SEVERITIES) {
      const points = [...cells].filter(([, s]) => s === severity).map(([a1]) => parseA1(a1)!);
      if (points.length) out.push({ sheet, severity, rects: toRectangles(points), cells: points.length });
    }
  }
  return out;
}

/**
 * Merges cells into rectangles: runs along each row, then runs with the same columns in
 * consecutive rows. Flagged totals usually sit in one column, so this collapses them well.
 */
export function toRectangles(points: { row: number; col: number }[]): RectRef[] {
  const byRow = new Map<number, number[]>();
  for (const p of points) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.col]);
  const runs: RectRef[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
      runs.push({ top: row, bottom: row, left: start, right: cols[i - 1] });
      start = cols[i];
    }
  }
  const open = new Map<string, RectRef>();
  const done: RectRef[] = [];
  for (const run of runs) {
    const key = `${run.left}:${run.right}`;
    const prev = open.get(key);
    if (prev && prev.bottom === run.top - 1) prev.bottom = run.top;
    else {
      if (prev) done.push(prev);
      open.set(key, { ...run });
    }
  }
  return [...done, ...open.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** "A1,B3:B9" strings, each short enough for getRanges. */
export function addressChunks(rects: RectRef[], limit = MAX_AREAS_ADDRESS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const r of rects) {
    const a = rectToA1(r);
    if (current && current.length + 1 + a.length > limit) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) chunks.push(current);
  return chunks;
}
