import { parseIndicatorValue } from "./value-grammar";

/**
 * Values split over columns (seed 012): 指标性质 (`=`, `≥`, `≤`) + 指标值 (a bare number) + 度量单位
 * or 计量单位 (`%`, `人次`, `万元`), read as one value: `≥` `95` `%` is `≥95%`. A value that already
 * carries its own comparison or unit keeps it; a unit that contradicts the unit column is returned
 * for IND-UNIT-CONFLICT.
 */

export interface SplitValue {
  /** The value as one text, as the grammar reads it. */
  text: string;
  /** The value's own unit, when it differs from the unit column's. */
  conflict: { own: string; column: string } | null;
}

const NONE = /^(?:\/|／|-|—|－|无|——)$/;
const COMPARATOR = /^(?:=|＝|≥|≧|>=|≤|≦|<=|>|＞|<|＜|大于等于|小于等于|不低于|不高于|不少于|不超过|大于|小于|等于)$/;

/** Spellings of one unit: 百分比 and ％ are %. */
function sameUnit(unit: string): string {
  const u = unit.replace(/[\s\u3000]+/g, "").replace(/％/g, "%");
  return u === "百分比" || u === "百分之" ? "%" : u;
}

/**
 * The unit column's text, or "" when it says nothing (blank, `/`, `无`) or holds a number instead of a
 * unit (an Excel date serial such as 44,561 typed into both 目标值 and 计量单位): a number is no unit.
 */
export function columnUnit(text: string): string {
  const t = text.trim();
  return t === "" || NONE.test(t) || /^[-+]?\d/.test(t) ? "" : sameUnit(t);
}

/** The comparison column's sign, or "" when it holds none. */
export function columnComparator(text: string): string {
  const t = text.replace(/[\s\u3000]+/g, "");
  return COMPARATOR.test(t) ? t : "";
}

export function combineValue(value: string, comparator: string, unit: string): SplitValue {
  if (value === "" || (comparator === "" && unit === "")) return { text: value, conflict: null };
  const v = parseIndicatorValue(value);
  if (v.form !== "quantity" && v.form !== "approximate") return { text: value, conflict: null };
  const own = sameUnit(v.unit);
  const conflict = own !== "" && unit !== "" && own !== unit ? { own: v.unit, column: unit } : null;
  const sign = v.comparator === null && comparator !== "" && v.form === "quantity" ? comparator : "";
  const suffix = own === "" ? unit : "";
  return { text: `${sign}${value.trim()}${suffix}`, conflict };
}
