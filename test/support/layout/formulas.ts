import { parseA1, toA1 } from "../../../src/core/address";

/** A1 references and ranges on the formula's own sheet (a `Sheet!` prefix or a function name is not one). */
const REFERENCE = /(?<![\w!.'"$])(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?(?![\w(!])/g;

/**
 * A formula written against the untransformed sheet, with its references moved to where their cells
 * are now. A range stays a range when its cells still form one (blank rows a transform inserted may
 * sit inside it, as Excel itself widens a SUM over inserted rows); otherwise it becomes a list of its
 * cells, so the formula adds up exactly what it did. A formula that names a cell no longer in the
 * sheet is dropped (the cell keeps its value).
 */
export function rewriteFormula(
  formula: string,
  address: (id: string) => string | null,
  isBlankNew: (row: number, col: number) => boolean,
): string {
  let lost = false;
  const out = formula.replace(REFERENCE, (whole, a: string, b?: string) => {
    const p = parseA1(a);
    const q = b ? parseA1(b) : p;
    if (!p || !q) return whole;
    const ids: string[] = [];
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++)
      for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) ids.push(toA1(r, c));
    const now = ids.map(address);
    if (now.some((x) => x === null)) {
      lost = true;
      return whole;
    }
    const cells = now.map((x) => parseA1(x!)!);
    if (!b) return now[0]!;
    return asRange(cells, isBlankNew) ?? now.join(",");
  });
  return lost ? "" : out;
}

function asRange(cells: { row: number; col: number }[], isBlankNew: (row: number, col: number) => boolean): string | null {
  const top = Math.min(...cells.map((c) => c.row));
  const bottom = Math.max(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  const right = Math.max(...cells.map((c) => c.col));
  const inRange = new Set(cells.map((c) => `${c.row},${c.col}`));
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) if (!inRange.has(`${r},${c}`) && !isBlankNew(r, c)) return null;
  return `${toA1(top, left)}:${toA1(bottom, right)}`;
}
