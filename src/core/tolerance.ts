import Decimal from "decimal.js";

/** The rounding band when none is set, in each table's own unit (docs/domain.md §2). */
export const DEFAULT_TOLERANCE = "0.01";

/** A non-negative decimal written plainly: 0, 0.01, .5, 12.5 (no sign, exponent, separators or full-width digits). */
const PLAIN_DECIMAL = /^(\d+(\.\d+)?|\.\d+)$/;

/**
 * Why the text is not a rounding band, as a Chinese sentence for the user; null when it is one.
 * The one definition of a valid tolerance: the core, the CLI flag, the pane and stored settings use it.
 */
export function toleranceProblem(text: string): string | null {
  const t = text.trim();
  if (t === "") return "请填写容差，例如 0.01。";
  if (!PLAIN_DECIMAL.test(t)) return "容差必须是非负数字，例如 0.01。";
  return null;
}

/** The band as a decimal; a RangeError whose message names 容差 when the text is not one. */
export function parseTolerance(text: string | undefined): Decimal {
  const raw = (text ?? DEFAULT_TOLERANCE).trim();
  if (last && raw === last.raw) return last.band;
  const problem = toleranceProblem(raw);
  if (problem) throw new RangeError(`${problem.replace(/。$/, "")}：${text}`);
  last = { raw, band: new Decimal(raw) };
  return last.band;
}

/**
 * The last band parsed (decimals are immutable, so it can be shared). Every check starts here,
 * and on a table of plain numbers this text was the only string decimal.js's constructor saw:
 * V8 threw away the constructor's code, optimized for the cells' numbers, at each check's start.
 */
let last: { raw: string; band: Decimal } | null = null;
