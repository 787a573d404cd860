import Decimal from "decimal.js";
import { parseA1, parseRange } from "../../src/core/address";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { figure } from "../support/layout/words";

/**
 * Evaluates the formulas the fixtures use (`=SUM(D9:D11)`, `=D7+D12+D37`, `=SUM(D9,D12)`) over a
 * snapshot's values, exactly; anything else throws, so a test never passes on a formula it did not read.
 */
export function evaluateFormula(s: SheetSnapshot, formula: string): Decimal {
  const body = formula.replace(/^=/, "");
  return body.split("+").reduce((sum, term) => sum.plus(evaluateTerm(s, term.trim())), new Decimal(0));
}

function evaluateTerm(s: SheetSnapshot, term: string): Decimal {
  const sum = /^SUM\((.*)\)$/i.exec(term);
  if (sum) return sum[1].split(",").reduce((a, ref) => a.plus(rangeSum(s, ref.trim())), new Decimal(0));
  if (parseA1(term)) return rangeSum(s, term);
  throw new Error(`unsupported formula term ${term}`);
}

function rangeSum(s: SheetSnapshot, ref: string): Decimal {
  const rect = parseRange(ref);
  if (!rect) throw new Error(`not a reference: ${ref}`);
  let out = new Decimal(0);
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++)
      out = out.plus(figure(s.values[r - s.origin.row]?.[c - s.origin.col] ?? null) ?? 0);
  return out;
}
