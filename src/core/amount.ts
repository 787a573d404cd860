import Decimal from "decimal.js";
import { CellValue, SheetView, isErrorValue, isUncalculated } from "./snapshot";

export { Decimal };

/** How an amount cell was read. */
export type AmountReading =
  | { kind: "empty" } // blank, "-", "—": means 0
  | { kind: "number"; value: Decimal; fromText: boolean }
  | { kind: "error"; code: string } // #REF! and the like
  // Text that is not a number. `leading` is the figure a text starts with when all that follows it
  // is a bracketed note (`10(其中,灾情因素6万元)`): the sums count it, the cell is still reported.
  | { kind: "invalid"; raw: string; leading?: Decimal }
  | { kind: "unknown" }; // a formula never calculated (UNCALCULATED): not judged

const DASHES = /^[-－—–―_]+$/;
/** Text that says the cell does not apply (issue 16, principle 4): an empty cell, not a wrong one. */
const NOT_APPLICABLE = /^([/／\\]+|无|不需填列|不适用|不涉及)$/;

/**
 * Excel keeps 15 significant digits; converting a cell's double through 15 digits gives the
 * decimal the user sees at full precision (6519.909999999999 → 6519.91), with no binary residue.
 */
export function decimalFromCellNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError("not a finite number");
  // Shortest round-trip text of at most 15 characters has at most 15 significant digits, so it
  // already is what toPrecision(15) would give, without the padded string; decimal.js reads a
  // number through that same text (and a small integer without any). Zero (for -0) and subnormal
  // magnitudes keep the general path.
  if (Math.abs(n) >= 1e-300 && String(n).length <= 15) return new Decimal(n);
  return new Decimal(n.toPrecision(15));
}

/** Converts full-width digits and signs to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** Plain ASCII digits, the common case: nothing to convert, strip or sign, so it skips the steps below. */
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/** Reads the text forms seen in real tables: "55,552.66", "（12.5）", "－3", full-width digits, stray spaces. */
export function parseAmountText(raw: string): AmountReading {
  if (PLAIN_NUMBER.test(raw)) return { kind: "number", value: new Decimal(raw), fromText: true };
  const text = toHalfWidth(raw).replace(/[\s\u00a0]+/g, "");
  if (text === "" || DASHES.test(text) || NOT_APPLICABLE.test(text)) return { kind: "empty" };
  if (isErrorValue(text)) return { kind: "error", code: text };
  let body = text;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(body);
  if (paren) {
    negative = true;
    body = paren[1];
  }
  if (/^[-−]/.test(body)) {
    negative = !negative;
    body = body.slice(1);
  } else if (body.startsWith("+")) {
    body = body.slice(1);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(body)) return withLeading(raw, text);
  const value = new Decimal(body.replace(/,/g, ""));
  return { kind: "number", value: negative ? value.negated() : value, fromText: true };
}

/** A figure followed by one bracketed note and nothing else: `10(其中,灾情因素6万元)`, `25（含上年结转）`. */
const NOTED_FIGURE = /^([-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\([^()]*\)$/;

function withLeading(raw: string, text: string): AmountReading {
  const m = NOTED_FIGURE.exec(text);
  return m ? { kind: "invalid", raw, leading: new Decimal(m[1].replace(/,/g, "").replace("−", "-")) } : { kind: "invalid", raw };
}

export function readAmount(value: CellValue): AmountReading {
  if (value === null) return { kind: "empty" };
  if (typeof value === "number") {
    if (isUncalculated(value)) return { kind: "unknown" };
    if (!Number.isFinite(value)) return { kind: "invalid", raw: String(value) };
    return { kind: "number", value: decimalFromCellNumber(value), fromText: false };
  }
  if (typeof value === "boolean") return { kind: "invalid", raw: String(value) };
  if (isErrorValue(value)) return { kind: "error", code: value as string };
  return parseAmountText(value);
}

/** Formats an amount with at least 2 decimals, as tables show them ("1852.70"). */
export function formatAmount(value: Decimal): string {
  const dp = Math.max(2, value.decimalPlaces());
  return value.toFixed(dp);
}

export type Tolerance = "exact" | "rounding" | "beyond";

/** Classifies a difference against the rounding band (docs/domain.md §2). */
export function compareWithBand(
  expected: Decimal,
  actual: Decimal,
  band: Decimal,
): { tolerance: Tolerance; difference: Decimal } {
  const difference = actual.minus(expected);
  const abs = difference.abs();
  if (abs.isZero()) return { tolerance: "exact", difference };
  if (abs.lessThanOrEqualTo(band)) return { tolerance: "rounding", difference };
  return { tolerance: "beyond", difference };
}

export type MoneyUnit = "元" | "千元" | "万元" | "亿元";

/** How many 元 one unit holds. */
export const UNIT_IN_YUAN: Record<MoneyUnit, Decimal> = {
  元: new Decimal(1),
  千元: new Decimal(1000),
  万元: new Decimal(10000),
  亿元: new Decimal(100000000),
};

export function convertUnit(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  return value.times(UNIT_IN_YUAN[from]).dividedBy(UNIT_IN_YUAN[to]);
}

/**
 * `单位：千元`, `金额单位：人民币万元`: the currency name may sit between the colon and the unit. A table
 * that also counts people or households names their units first (`单位:人、元`): the money unit is the last.
 */
const UNIT_CELL =
  /(?:金额)?单位[:：]\s*(?:人民币)?\s*(?:(?:人次|户次|人|户|个|家|次|件|笔|辆|张|名|所)\s*[、，,/]\s*)*(亿元|万元|千元|元)/;
/** A column header that states its unit in brackets: `2020年度支出 (万元)`, `预算数（元）`. */
const HEADER_UNIT = /[(（]\s*(亿元|万元|千元|元)\s*[)）]/;

/**
 * Reads the table's money unit from a header cell such as `单位：万元`, `单位：千元` or `金额单位：人民币元`, looking in
 * the first rows only. Without such a line, column headers that state a unit in brackets (`支出 (万元)`) state
 * the table's unit, when they all state the same one. Returns the unit and where it was stated, or null when
 * the sheet states none (or its headers disagree).
 */
export function detectUnit(view: SheetView, maxRows = 12): { unit: MoneyUnit; cell: string } | null {
  const last = view.stepRow(view.firstRow, maxRows - 1);
  let inHeader: { unit: MoneyUnit; cell: string } | null = null;
  let disagree = false;
  for (const r of view.rows()) {
    if (r > last) break;
    for (const c of view.cols()) {
      const label = view.label(r, c);
      const m = UNIT_CELL.exec(label);
      if (m) return { unit: m[1] as MoneyUnit, cell: view.address(r, c) };
      const h = HEADER_UNIT.exec(label);
      if (!h) continue;
      if (inHeader === null) inHeader = { unit: h[1] as MoneyUnit, cell: view.address(r, c) };
      else if (inHeader.unit !== h[1]) disagree = true;
    }
  }
  return disagree ? null : inHeader;
}

/**
 * An exact decimal string as an accountant reads it: thousands separators and a true minus sign
 * (`-2450.5` → `−2,450.5`). Only the text changes; the digits are the string's own.
 */
export function groupThousands(exact: string): string {
  const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(exact.trim());
  if (!m) return exact;
  const grouped = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${m[1] === "-" ? "−" : ""}${grouped}${m[3] ?? ""}`;
}
