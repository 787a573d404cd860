import Decimal from "decimal.js";
import { parseA1 } from "../../core/address";

/** A rectangle of one sheet (by its index among the snapshots), 0-based and inclusive. */
export interface Area {
  sheet: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The formulas the reader evaluates itself: numbers, cell references, + and −, parentheses and
 * SUM over cells, ranges and such expressions. Anything else is left to Excel.
 */
export type Formula =
  | { kind: "number"; value: Decimal }
  | { kind: "cell"; at: Area }
  | { kind: "negate"; of: Formula }
  | { kind: "add"; left: Formula; right: Formula; minus: boolean }
  /** SUM's reference arguments ignore text and logical values, as Excel's do. */
  | { kind: "sum"; areas: Area[]; terms: Formula[] };

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(?:('(?:[^']|'')+'|[^\s'!:(),+\-*/^&=<>"{}[\]%;]+)!)?(\$?[A-Za-z]{1,3}\$?\d+(?![\w.(]))(?::(\$?[A-Za-z]{1,3}\$?\d+(?![\w.(])))?|(SUM)\s*\(|([-+(),]))/iy;

type Token = { t: "number"; value: Decimal } | { t: "ref"; area: Area } | { t: "sum" } | { t: "op"; op: string };

class Unsupported extends Error {}

/**
 * The formula ("=SUM(B2:B9)", as a snapshot holds it) as a tree, or null when it uses anything
 * beyond the supported grammar or names a sheet that was not read. `sheetOf` gives a sheet's index
 * by name (as Excel compares names), `here` the formula's own sheet.
 */
export function parseFormula(text: string, here: number, sheetOf: (name: string) => number | undefined): Formula | null {
  try {
    const tokens = tokenize(text.replace(/^=/, ""), here, sheetOf);
    let at = 0;
    const peek = () => tokens[at];
    const take = (op: string) => {
      const t = tokens[at];
      if (t?.t !== "op" || t.op !== op) throw new Unsupported();
      at++;
    };
    const expression = (): Formula => {
      let left = unary();
      for (let t = peek(); t?.t === "op" && (t.op === "+" || t.op === "-"); t = peek()) {
        at++;
        left = { kind: "add", left, right: unary(), minus: t.op === "-" };
      }
      return left;
    };
    const unary = (): Formula => {
      const t = peek();
      if (t?.t === "op" && (t.op === "-" || t.op === "+")) {
        at++;
        const of = unary();
        return t.op === "-" ? { kind: "negate", of } : of;
      }
      return primary();
    };
    const primary = (): Formula => {
      const t = tokens[at++];
      if (t?.t === "number") return { kind: "number", value: t.value };
      if (t?.t === "ref" && t.area.top === t.area.bottom && t.area.left === t.area.right) return { kind: "cell", at: t.area };
      if (t?.t === "op" && t.op === "(") {
        const inner = expression();
        take(")");
        return inner;
      }
      if (t?.t === "sum") return sum();
      throw new Unsupported();
    };
    const sum = (): Formula => {
      const out: Formula & { kind: "sum" } = { kind: "sum", areas: [], terms: [] };
      if (peek()?.t === "op" && (peek() as { op: string }).op === ")") {
        at++;
        return out;
      }
      for (;;) {
        const t = peek();
        const next = tokens[at + 1];
        // A reference standing alone as an argument is a reference (its text ignored), not a value.
        if (t?.t === "ref" && next?.t === "op" && (next.op === "," || next.op === ")")) {
          out.areas.push(t.area);
          at++;
        } else out.terms.push(expression());
        const sep = tokens[at++];
        if (sep?.t !== "op" || (sep.op !== "," && sep.op !== ")")) throw new Unsupported();
        if (sep.op === ")") return out;
      }
    };
    const formula = expression();
    if (at !== tokens.length) throw new Unsupported();
    return formula;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

function tokenize(text: string, here: number, sheetOf: (name: string) => number | undefined): Token[] {
  const out: Token[] = [];
  const body = text.trimEnd();
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const m = TOKEN.exec(body);
    if (!m) throw new Unsupported();
    const [, number, sheetName, from, to, sum, op] = m;
    if (number !== undefined) out.push({ t: "number", value: new Decimal(number) });
    else if (from !== undefined) {
      const sheet = sheetName === undefined ? here : sheetOf(sheetName.replace(/^'|'$/g, "").replace(/''/g, "'"));
      const a = parseA1(from);
      const b = parseA1(to ?? from);
      if (sheet === undefined || !a || !b) throw new Unsupported();
      out.push({
        t: "ref",
        area: {
          sheet,
          top: Math.min(a.row, b.row),
          bottom: Math.max(a.row, b.row),
          left: Math.min(a.col, b.col),
          right: Math.max(a.col, b.col),
        },
      });
    } else if (sum !== undefined) out.push({ t: "sum" });
    else out.push({ t: "op", op });
  }
  return out;
}
