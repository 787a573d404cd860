/**
 * Text normalisation for indicator values. Full-width digits and signs are common in forms typed
 * with a Chinese IME; they are read as their ASCII forms, and the fact is reported (IND-FULLWIDTH).
 */

/** Characters whose full-width form is worth reporting: digits and the signs of a value. */
const FULLWIDTH_SIGN = /[\uff10-\uff19\uff05\uff1e\uff1c\uff1d\uff0b\uff0d\uff0e\uff0f\uff5e\u2267\u2266]/;

const FULLWIDTH_ANY = /[\uff01-\uff5e]/g;
const HAS_FULLWIDTH = /[\uff01-\uff5e]/;

export interface NormalisedText {
  /** Compact text: no white space, ASCII digits and signs, ≥/≤ for the comparison spellings. */
  text: string;
  /** True when the raw text used a full-width digit or sign. */
  fullWidth: boolean;
}

/**
 * Full-width parentheses, commas and colons are normal Chinese punctuation and are kept as they are;
 * only the characters that make up a value (digits, %, comparison signs, ~ and /) are converted.
 */
export function normaliseValueText(raw: string): NormalisedText {
  const fullWidth = FULLWIDTH_SIGN.test(raw);
  let text = raw.replace(/[\s\u3000\u00a0]+/g, "");
  if (HAS_FULLWIDTH.test(text)) {
    text = text.replace(FULLWIDTH_ANY, (ch) => {
      const code = ch.charCodeAt(0);
      // Keep （）：，；！？ as typed: they are prose punctuation, not part of a value.
      if (
        code === 0xff08 ||
        code === 0xff09 ||
        code === 0xff1a ||
        code === 0xff0c ||
        code === 0xff1b ||
        code === 0xff01 ||
        code === 0xff1f
      )
        return ch;
      return String.fromCharCode(code - 0xfee0);
    });
  }
  text = text
    .replace(/\u2267|>=|=>/g, "≥")
    .replace(/\u2266|<=|=</g, "≤")
    .replace(/[〜～]/g, "~");
  return { text, fullWidth };
}

/** Names compared for equality: no white space, no punctuation that differs only in width. */
const NEEDS_COMPACTING = /[\s\u3000\u00a0()]/;

export function compactName(text: string): string {
  if (!NEEDS_COMPACTING.test(text)) return text;
  return text.replace(/[\s\u3000\u00a0]+/g, "").replace(/[()]/g, (c) => (c === "(" ? "（" : "）"));
}
