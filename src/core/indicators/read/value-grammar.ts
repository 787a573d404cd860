import Decimal from "decimal.js";
import { normaliseValueText } from "./normalize";

/**
 * The indicator-value grammar of docs/domain.md §6. Every parse returns a form; text that fits no
 * structured form is `free`, so the parser never throws.
 */

export type Comparator = "≥" | "≤" | ">" | "<" | "=";

/** A number with its unit as written: `≥95%` is 95 with unit `%`; `230万元` is 230 with `万元`. */
export interface Measure {
  comparator: Comparator | null;
  value: Decimal;
  unit: string;
}

export type IndicatorForm =
  | { form: "empty" }
  /** Comparison + number + unit (`≥1000人次`) and bare number + unit (`18名`, comparator null). */
  | ({ form: "quantity" } & Measure)
  | ({ form: "approximate" } & Measure)
  /** `1次/周`, `每月≥4次`, `每季度1次`; `按季度拨付资金` has no count. */
  | { form: "periodic"; period: string; count: Measure | null }
  /** `≥2/10万`: a count per base population. */
  | { form: "rate"; comparator: Comparator | null; value: Decimal; base: Decimal; baseText: string }
  | { form: "range"; low: Decimal; high: Decimal; unit: string }
  /** `2022年度` (year), `≤1年` (duration), `12月底前` (deadline). */
  | { form: "time"; kind: "year" | "duration" | "deadline"; comparator: Comparator | null; value: Decimal | null; unit: string }
  /** A word of the controlled list; `grade` for the quality grades, `zero` for 零投诉 and its kin. */
  | { form: "qualitative"; word: string; grade: boolean; zero: boolean }
  | { form: "notApplicable" }
  | { form: "free"; hasNumber: boolean };

export type IndicatorValue = IndicatorForm & {
  raw: string;
  /** The normalised text the parse worked on. */
  text: string;
  /** The raw text used full-width digits or signs (IND-FULLWIDTH). */
  fullWidth: boolean;
};

const CONTROLLED_WORDS: readonly string[] = [
  "显著提高",
  "有所提高",
  "比上年有所提高",
  "逐步提高",
  "不断提高",
  "显著完成",
  "完成",
  "基本完成",
  "按时完成",
  "达标",
  "合格",
  "优良",
  "零投诉",
  "好",
  "较好",
  "一般",
];
const GRADES = new Set(["达标", "合格", "优良", "好", "较好", "一般"]);
const CONTROLLED = new Set(CONTROLLED_WORDS);
const NOT_APPLICABLE = new Set(["不适用", "不涉及", "/", "／"]);

const NUM = String.raw`[-+]?\d+(?:,\d{3})*(?:\.\d+)?|[-+]?\.\d+`;
const CMP =
  "≥|≤|>|<|=|大于等于|小于等于|不低于|不少于|不小于|不高于|不超过|不多于|不大于|大于|高于|多于|超过|小于|低于|少于|达到|等于|控制在";
const UNIT = String.raw`%|‰|[A-Za-z\u4e00-\u9fa5²³·/.]{1,14}?`;
const SUFFIX = "及以上|以上|及以下|以下|以内|之内|左右";
const PREFIX = "全年|年度|年均|平均|人均|累计|总计|合计|共";
const PERIOD = "日|天|周|星期|旬|月|季度|季|半年|年度|年|学期";
const TIME_UNIT = "个工作日|工作日|个月|小时|分钟|年|月|周|天|日";

const RE_RANGE = new RegExp(`^(${NUM})(${UNIT})?(?:~|-|—|–|至|到)(${NUM})(${UNIT})?$`);
const RE_RATE = new RegExp(
  `^(?:${PREFIX})?(${CMP})?(${NUM})/(\\d+(?:\\.\\d+)?)(十万|百万|千万|万|千|百)?(?:人口|人)?(${SUFFIX})?$`,
);
const RE_PER = new RegExp(`^(${CMP})?(${NUM})([\\u4e00-\\u9fa5]{1,4})/(?:每)?(${PERIOD})(${SUFFIX})?$`);
const RE_EACH = new RegExp(`^每(?:个)?(${PERIOD})(?:(${CMP})?(${NUM})(${UNIT})?(${SUFFIX})?)?$`);
const RE_BY = new RegExp(`^按(${PERIOD})(?:度)?[\\u4e00-\\u9fa5]*$`);
const RE_YEAR = /^(\d{4})年(度)?(?:底|末)?(?:前|之前|以前|内)?$/;
const RE_DEADLINE = new RegExp(
  `^(${CMP})?(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})日|底|末|中旬|上旬|下旬|份)?(前|之前|以前|内|之内)?$`,
);
const RE_DEADLINE_WORD = /^(?:当年|本年|年底|年末|年内|当年内|年度内|预算年度内)(?:前|内|完成)?$/;
const RE_DURATION = new RegExp(`^(${CMP})?(${NUM})(${TIME_UNIT})(${SUFFIX}|内)?$`);
const RE_QUANTITY = new RegExp(`^(?:${PREFIX})?(${CMP})?(约为|大约|约)?(${CMP})?(${NUM})(${UNIT})?(${SUFFIX})?$`);
const RE_ZERO = /^(?:零|无)[\u4e00-\u9fa5]{1,4}$/;
const HAS_DIGIT = /\d/;
const TRAILING_PUNCT = /[。.；;，,]+$/;

const COMPARATOR_WORDS: Record<string, Comparator> = {
  "≥": "≥",
  大于等于: "≥",
  不低于: "≥",
  不少于: "≥",
  不小于: "≥",
  达到: "≥",
  "≤": "≤",
  小于等于: "≤",
  不高于: "≤",
  不超过: "≤",
  不多于: "≤",
  不大于: "≤",
  控制在: "≤",
  ">": ">",
  大于: ">",
  高于: ">",
  多于: ">",
  超过: ">",
  "<": "<",
  小于: "<",
  低于: "<",
  少于: "<",
  "=": "=",
  等于: "=",
};

const BASE_MULTIPLIER: Record<string, string> = {
  十万: "100000",
  百万: "1000000",
  千万: "10000000",
  万: "10000",
  千: "1000",
  百: "100",
};

function comparatorOf(word: string | undefined, suffix: string | undefined): Comparator | null {
  if (word) return COMPARATOR_WORDS[word] ?? null;
  if (suffix === "以上" || suffix === "及以上") return "≥";
  if (suffix === "以下" || suffix === "及以下" || suffix === "以内" || suffix === "之内" || suffix === "内") return "≤";
  // A deadline ("12月底前") is an upper bound in time.
  if (suffix === "前" || suffix === "之前" || suffix === "以前") return "≤";
  return null;
}

function decimal(text: string): Decimal {
  return new Decimal(text.replace(/,/g, ""));
}

/** `百分比` is how some forms spell %; `100 %` reaches here already compacted. */
function unitOf(unit: string | undefined): string {
  if (!unit) return "";
  return unit === "百分比" || unit === "百分之" ? "%" : unit;
}

function parseForm(text: string): IndicatorForm {
  if (text === "") return { form: "empty" };
  if (NOT_APPLICABLE.has(text)) return { form: "notApplicable" };
  if (CONTROLLED.has(text)) return { form: "qualitative", word: text, grade: GRADES.has(text), zero: text === "零投诉" };
  if (!HAS_DIGIT.test(text)) {
    const by = RE_BY.exec(text);
    if (by) return { form: "periodic", period: by[1], count: null };
    if (RE_DEADLINE_WORD.test(text)) return { form: "time", kind: "deadline", comparator: null, value: null, unit: "" };
    if (RE_ZERO.test(text)) return { form: "qualitative", word: text, grade: false, zero: true };
    const each = RE_EACH.exec(text);
    if (each) return { form: "periodic", period: each[1], count: null };
    return { form: "free", hasNumber: false };
  }

  let m = RE_RANGE.exec(text);
  if (m) {
    const lowUnit = unitOf(m[2]);
    const highUnit = unitOf(m[4]);
    if (lowUnit === "" || highUnit === "" || lowUnit === highUnit) {
      return { form: "range", low: decimal(m[1]), high: decimal(m[3]), unit: highUnit || lowUnit };
    }
  }
  m = RE_RATE.exec(text);
  if (m) {
    const mult = m[4] ? BASE_MULTIPLIER[m[4]] : "1";
    return {
      form: "rate",
      comparator: comparatorOf(m[1], m[5]),
      value: decimal(m[2]),
      base: decimal(m[3]).times(mult),
      baseText: `${m[3]}${m[4] ?? ""}`,
    };
  }
  m = RE_PER.exec(text);
  if (m)
    return { form: "periodic", period: m[4], count: { comparator: comparatorOf(m[1], m[5]), value: decimal(m[2]), unit: m[3] } };
  m = RE_EACH.exec(text);
  if (m && m[3])
    return {
      form: "periodic",
      period: m[1],
      count: { comparator: comparatorOf(m[2], m[5]), value: decimal(m[3]), unit: unitOf(m[4]) },
    };
  m = RE_YEAR.exec(text);
  if (m) return { form: "time", kind: "year", comparator: null, value: decimal(m[1]), unit: m[2] ? "年度" : "年" };
  m = RE_DEADLINE.exec(text);
  if (m && Number(m[3]) >= 1 && Number(m[3]) <= 12) {
    return { form: "time", kind: "deadline", comparator: comparatorOf(m[1], m[5]), value: decimal(m[3]), unit: "月" };
  }
  m = RE_DURATION.exec(text);
  if (m) return { form: "time", kind: "duration", comparator: comparatorOf(m[1], m[4]), value: decimal(m[2]), unit: m[3] };
  m = RE_QUANTITY.exec(text);
  if (m) {
    const measure: Measure = { comparator: comparatorOf(m[1] ?? m[3], m[6]), value: decimal(m[4]), unit: unitOf(m[5]) };
    if (m[2] || m[6] === "左右") return { form: "approximate", ...measure };
    return { form: "quantity", ...measure };
  }
  return { form: "free", hasNumber: true };
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, IndicatorValue>();

/** Parses one indicator value as the user sees it. Never throws. */
export function parseIndicatorValue(raw: string): IndicatorValue {
  const key = typeof raw === "string" ? raw : String(raw);
  const hit = cache.get(key);
  if (hit) return hit;
  let result: IndicatorValue;
  try {
    const { text, fullWidth } = normaliseValueText(key);
    const trimmed = text.replace(TRAILING_PUNCT, "");
    result = { ...parseForm(trimmed), raw: key, text: trimmed, fullWidth };
  } catch {
    // A pathological number (say 400 digits of exponent) must not stop the check: treat it as prose.
    result = { form: "free", hasNumber: HAS_DIGIT.test(key), raw: key, text: key, fullWidth: false };
  }
  // Forms repeat a few values thousands of times (比上年有所提高, 100%): a small cache pays for itself.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

/** True when the value states an amount, a count, a rate, a time or a zero: something checkable. */
export function isQuantified(v: IndicatorForm): boolean {
  switch (v.form) {
    case "quantity":
    case "approximate":
    case "rate":
    case "range":
    case "time":
      return true;
    case "periodic":
      return v.count !== null;
    case "qualitative":
      return v.zero;
    case "free":
      return v.hasNumber;
    default:
      return false;
  }
}
