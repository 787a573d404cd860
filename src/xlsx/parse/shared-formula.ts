import { CellRef, columnIndex, columnLetters } from "../../core/address";

// A name followed by "(" is a function; a sheet prefix (Sheet1! or 'My sheet'!) stays as written.
const CANDIDATE = /((?:'[^']*(?:''[^']*)*'|[\w.\u4e00-\u9fff-]*)!)?([A-Za-z0-9_$]{2,})(\()?/g;
const REFERENCE = /^(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]*)$/;
const STRING_LITERAL = /"(?:[^"]|"")*"/g;

/**
 * The formula a shared-formula cell stands for: the master's formula with its relative references
 * moved by the distance from the master to this cell, as Excel shows it.
 */
export function slideFormula(formula: string, from: CellRef, to: CellRef): string {
  const dr = to.row - from.row;
  const dc = to.col - from.col;
  if (dr === 0 && dc === 0) return formula;
  // Text in quotes is not a reference: slide only what lies between the literals.
  let out = "";
  let last = 0;
  for (const m of formula.matchAll(STRING_LITERAL)) {
    out += slideRefs(formula.slice(last, m.index), dr, dc) + m[0];
    last = m.index! + m[0].length;
  }
  return out + slideRefs(formula.slice(last), dr, dc);
}

function slideRefs(text: string, dr: number, dc: number): string {
  return text.replace(CANDIDATE, (whole, sheet: string | undefined, part: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = REFERENCE.exec(part);
    if (!m) return whole;
    const [, colAbs, letters, rowAbs, digits] = m;
    const col = columnIndex(letters);
    if (col >= 16384) return whole;
    const newCol = colAbs ? col : col + dc;
    const newRow = rowAbs ? Number(digits) : Number(digits) + dr;
    if (newCol < 0 || newRow < 1) return `${sheet ?? ""}#REF!`;
    return `${sheet ?? ""}${colAbs}${columnLetters(newCol)}${rowAbs}${newRow}`;
  });
}
