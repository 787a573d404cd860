import { excerpt, quoted } from "../excerpt";
import { IndicatorRow, ValueCell } from "./read/blocks";
import { isMoneyUnit } from "./read/unit-words";
import { IndicatorValue } from "./read/value-grammar";
import { BlockScope, valuePlace } from "./scope";

/**
 * Money and the categories (docs/domain.md §6): a money amount belongs under 成本指标 (IND-MONEY-MISFILED
 * when it stands under 数量, 质量 or 时效), and a 成本指标 needs a money amount or ceiling
 * (IND-COST-NO-AMOUNT when it gives a reference to a standard, a word, a count, or a unit cost of 0).
 * A bare number is not judged here: its missing unit is (number-values.ts).
 */

const MISFILED_UNDER = new Set(["数量", "质量", "时效"]);
/** Money written inside a sentence: `严格按照预算标准1000元/人给补助对象兑付补助` states its amount. */
const MONEY_IN_TEXT = /\d(?:[\d,]*)(?:\.\d+)?\s*(?:亿|万|千)?元/;

/** The value's unit, for the forms that have one. */
function unitOf(v: IndicatorValue): string {
  if (v.form === "quantity" || v.form === "approximate" || v.form === "range") return v.unit;
  if (v.form === "periodic" && v.count) return `${v.count.unit}/${v.period}`;
  return "";
}

function isMoney(v: IndicatorValue): boolean {
  const unit = unitOf(v);
  return unit !== "" ? isMoneyUnit(unit) : v.form === "free" && v.hasNumber && MONEY_IN_TEXT.test(v.text);
}

/** IND-MONEY-MISFILED; true when it reported. */
export function checkMoneyMisfiled(scope: BlockScope, row: IndicatorRow, cell: ValueCell, v: IndicatorValue): boolean {
  const level2 = row.level2?.name ?? "";
  if (!MISFILED_UNDER.has(level2) || !isMoney(v)) return false;
  scope.report.add({
    ...valuePlace(scope, row, cell),
    rule: "IND-MONEY-MISFILED",
    message: `${level2}指标${quoted(row.name)}的指标值${quoted(v.raw.trim())}是金额，金额目标应作为成本指标填写，请移到成本指标下`,
  });
  return true;
}

/**
 * IND-COST-NO-AMOUNT for a 成本指标's target (the caller has established the category); true when it
 * reported. False for a bare number, which the unit rules judge.
 */
export function checkCostAmount(scope: BlockScope, row: IndicatorRow, cell: ValueCell, v: IndicatorValue): boolean {
  if (v.form === "quantity" && v.unit === "") return false;
  const unit = unitOf(v);
  const name = quoted(row.name);
  let why: string | null = null;
  if (isMoney(v)) {
    // A unit cost of 0 (0 万元/人) is a figure lost to an integer format, not a cost.
    if (v.form === "quantity" && v.value.isZero() && /[/每]/.test(unit))
      why = `的单位成本为 ${excerpt(v.text)}，单位成本不应为 0，多半是小数被整数格式显示成了 0，请核对`;
  } else if (unit === "%" || unit === "‰") {
    // A share of the budget (`≤100%`) is a ceiling.
  } else if (unit !== "") {
    why = `的指标值${quoted(v.raw.trim())}以“${excerpt(unit, 12)}”计，不是金额；成本指标应写明以元或万元计的金额或金额上限`;
  } else {
    why = `的指标值${quoted(v.raw.trim())}没有写明金额；成本指标应填写金额或金额上限，如“≤20万元”`;
  }
  if (why === null) return false;
  scope.report.add({ ...valuePlace(scope, row, cell), rule: "IND-COST-NO-AMOUNT", message: `成本指标${name}${why}` });
  return true;
}
