import { SheetView } from "../../snapshot";
import { labelsOf } from "./label-grid";
import { readCodePrefix, readCompactCode } from "./labels";

/** A row's classification code as read from its code column or its 类 / 款 / 项 columns. */
export interface RowCode {
  /** The whole code (`2080505`), or null when the row has none or it cannot be read. */
  code: string | null;
  /** The column holding the row's deepest code part: where a finding about the code goes. */
  col: number;
  /** For split codes, the column of each part the code is made of (类, 款, 项). */
  partCols: number[];
  /** Why a row that shows a code part has no usable code, in Chinese. */
  problem?: string;
}

const LEVEL_NAMES = ["类", "款", "项"];

/**
 * Reads the codes of rows `first`…`last`. One column holds whole codes (`2080505`). Split columns
 * hold 类 / 款 / 项 parts: the 类 repeated on every row (`208 | 05 | 05`) or written once and
 * carried down, a 款 or 项 that lost its leading zero (`5` for `05`). A row's level is the deepest
 * part it fills. Linear in the rows; the carry is what makes the rows depend on each other.
 */
export function readRowCodes(view: SheetView, cols: number[], first: number, last: number): RowCode[] {
  const grid = labelsOf(view);
  const out: RowCode[] = [];
  if (cols.length <= 1) {
    const col = cols[0];
    for (let r = first; r <= last; r = view.nextRow(r)) {
      const text = col === undefined ? "" : grid.label(r, col);
      // `2010601行政运行`: some exports write the code and the name in one cell.
      const code = col === undefined ? null : (readCompactCode(text) ?? readCodePrefix(text));
      out.push({ code, col: col ?? -1, partCols: col === undefined ? [] : [col] });
    }
    return out;
  }
  // Per row only its own objects are made: the part texts live in one array reused row by row,
  // the columns of each depth are one shared list (rules only read them), and the code so far is
  // kept as it grows rather than joined again for each part.
  const carried: (string | null)[] = cols.map(() => null);
  const texts: string[] = cols.map(() => "");
  const upTo = cols.map((_, i) => cols.slice(0, i + 1));
  const none: number[] = [];
  for (let r = first; r <= last; r = view.nextRow(r)) {
    let deepest = -1;
    // A label written across the code columns (合计, 栏次) makes the row a label row, not a code.
    let label = false;
    for (let i = 0; i < cols.length; i++) {
      const t = grid.label(r, cols[i]);
      texts[i] = t;
      if (t === "") continue;
      deepest = i;
      if (!DIGIT.test(t)) label = true;
    }
    if (deepest < 0 || label) {
      out.push({ code: null, col: cols[0], partCols: none });
      continue;
    }
    const parts: string[] = [];
    let code = "";
    let problem: string | undefined;
    for (let i = 0; i <= deepest && !problem; i++) {
      const own = texts[i];
      if (own === "") {
        if (carried[i] === null)
          problem = `${LEVEL_NAMES[i + 1] ?? "下级"}级编码 ${texts[deepest]} 之上没有${LEVEL_NAMES[i]}级编码，无法确定它属于哪个科目`;
        else {
          parts.push(carried[i]!);
          code += carried[i]!;
        }
        continue;
      }
      const part = normalizePart(own, i, code);
      if (part === null) problem = `科目编码的${LEVEL_NAMES[i] ?? ""}级部分“${own}”不是有效编码`;
      else {
        parts.push(part);
        code += part;
      }
    }
    if (problem) {
      out.push({ code: null, col: cols[deepest], partCols: upTo[deepest], problem });
      continue;
    }
    for (let i = 0; i < cols.length; i++) carried[i] = i <= deepest ? parts[i] : null;
    out.push({ code, col: cols[deepest], partCols: upTo[deepest] });
  }
  return out;
}

const DIGIT = /\d/;

/**
 * 类 has three digits; 款 and 项 two, with a lost leading zero put back. Some exports write the
 * code so far in each column (`201 | 20106 | 2010601`): the part is then its last two digits.
 */
function normalizePart(text: string, level: number, above: string): string | null {
  if (level === 0) return /^\d{3}$/.test(text) ? text : null;
  if (/^\d{1,2}$/.test(text)) return text.padStart(2, "0");
  if (/^\d+$/.test(text) && text.length === 3 + 2 * level && text.startsWith(above)) return text.slice(-2);
  return null;
}

/** Header labels of the columns that hold one code part each. */
export function isCodePartHeader(leaf: string): boolean {
  return leaf === "类" || leaf === "款" || leaf === "项";
}
