import { RectRef, parseRange } from "../../address";

const REF = "[A-Z]{1,3}\\d+(?::[A-Z]{1,3}\\d+)?";
const TERM = `(?:SUM\\(${REF}(?:,${REF})*\\)|${REF})`;
const SIMPLE = new RegExp(`^${TERM}(?:\\+${TERM})*$`);

/**
 * The cells a simple total formula adds: `=SUM(D8:D20)`, `=SUM(D8,D12:D14)`, `=D8+D12+SUM(D14:D15)`.
 * Returns null for anything else (other functions, subtraction, other sheets), which is not judged.
 */
export function formulaRanges(formula: string): RectRef[] | null {
  const f = formula.replace(/^=/, "").replace(/[$\s]/g, "").toUpperCase();
  if (f === "" || !SIMPLE.test(f)) return null;
  const refs = f.match(new RegExp(REF, "g")) ?? [];
  const rects: RectRef[] = [];
  for (const ref of refs) {
    const rect = parseRange(ref);
    if (!rect) return null;
    rects.push(rect);
  }
  return rects;
}

export function rangesCover(rects: RectRef[], row: number, col: number): boolean {
  return rects.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}
