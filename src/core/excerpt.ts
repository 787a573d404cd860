import Decimal from "decimal.js";
import { formatAmount, groupThousands } from "./amount";

/**
 * What a message may quote of a cell. Excel holds at most 32,767 characters in a cell or a note,
 * and the annotated copy gathers several messages into one note, so a message quotes a short
 * excerpt of the user's text and never a whole cell (issue 9).
 */
const EXCERPT_CHARS = 40;

/** Chinese characters and full-width punctuation, between which a space is only a typing slip. */
const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef";
const SPACE_IN_CHINESE = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, "g");

/**
 * The cell text as a message quotes it: white space folded (and dropped between Chinese characters,
 * where 「基层医务工作者 的稳定」 is a slip in the cell), at most `max` characters, `…` when cut.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const folded = text
    .replace(/[\s\u3000\u00a0]+/g, " ")
    .trim()
    .replace(SPACE_IN_CHINESE, "");
  if (folded.length <= max) return folded;
  // Cut on a code point, not inside a surrogate pair.
  return `${Array.from(folded).slice(0, max).join("")}…`;
}

/**
 * A figure's name with its column: 「本年支出合计（预算数）」, but only the name when the column says
 * nothing more (「合计」 in a 合计 column is not 「合计（合计）」).
 */
export function withColumn(name: string, column: string): string {
  const bare = (t: string) => t.replace(/[\s\u3000]+/g, "");
  return !bare(column) || bare(column) === bare(name) ? name : `${name}（${column}）`;
}

/** `「…」` around an excerpt: how messages name an indicator or a label. */
export function quoted(text: string, max = EXCERPT_CHARS): string {
  return `「${excerpt(text, max)}」`;
}

/** Beyond this many characters an exact figure is no help in a sentence (1e308 has 309 digits). */
const NUMBER_CHARS = 24;

/**
 * A figure as a message shows it: exact, with 2 decimals and thousands separators (as the card's
 * 应为/实际/相差 line writes it), or in short scientific form when it is absurdly long.
 */
export function shownAmount(value: Decimal): string {
  const exact = formatAmount(value);
  return exact.length <= NUMBER_CHARS ? groupThousands(exact) : value.toExponential(6);
}

/** A count or points figure: as written (no padded decimals), shortened like shownAmount. */
export function shownNumber(value: Decimal): string {
  const exact = value.toFixed();
  return exact.length <= NUMBER_CHARS ? exact : value.toExponential(6);
}

/**
 * A difference as sentences show it, always 实际 − 应为 with its sign (`+2.50`, `−2.50`), the same
 * convention as the JSON's `difference` and the pane's 应为/实际/相差 line.
 */
export function signedDifference(difference: Decimal, show: (value: Decimal) => string = shownAmount): string {
  return `${difference.isNegative() ? "−" : "+"}${show(difference.abs())}`;
}
