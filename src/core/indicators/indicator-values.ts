import Decimal from "decimal.js";
import { IndicatorRow, ValueCell } from "./read/blocks";
import { isMoneyCostCategory } from "./read/framework";
import { compactName } from "./read/normalize";
import { isPlaceholderRow, realRows } from "./read/placeholders";
import { toA1 } from "../address";
import { excerpt, quoted, shownNumber } from "../excerpt";
import { blankColumns } from "./blank-parts";
import { checkCostAmount, checkMoneyMisfiled } from "./money-categories";
import { checkBareNumber } from "./number-values";
import { BlockScope, valuePlace } from "./scope";
import { columnUnit } from "./read/split-value";
import { isUnitText } from "./read/unit-words";
import { IndicatorValue, isQuantified, parseIndicatorValue } from "./read/value-grammar";

/**
 * Rules on one value cell (docs/domain.md §6, §8): IND-EMPTY, IND-SAME-AS-NAME, IND-QUAL-IN-QUANT,
 * IND-VAGUE, IND-FRACTION-PERCENT, IND-PERCENT-RANGE, IND-FULLWIDTH, and for values split over
 * columns IND-UNIT-CONFLICT and IND-VALUE-TYPE; the money rules (money-categories.ts) and the bare
 * number rules (number-values.ts) are called from here. The wording rules judge the same defect from
 * different angles, so a cell gets at most one of them. Result columns (实际完成值) are judged in
 * actual-values.ts; cells holding an error value only by CELL-ERROR (error-cells.ts); placeholder rows
 * and blank columns once, by blank-parts.ts.
 */

const RATE_NAME = /率|比例|占比|满意度|百分比|覆盖面/;
/** Growth and change can pass 100% or fall below 0 legitimately. */
const CHANGE_NAME = /增长|增幅|增加|提高|提升|上升|下降|降低|减少|变化|变动|超额/;
const SATISFACTION = "满意度";
const NOT_APPLICABLE_NAME = /^(?:不适用|不涉及|\/|无)$/;
/** Shared bounds: comparing with a literal number would build a Decimal on every call. */
const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HUNDRED = new Decimal(100);
const PERCENT_LABEL = /%|％|百分比/;
/**
 * `%`, `≥%`, `‰以上`: the form's unit with the number left out. This is a value someone forgot to
 * finish, not a qualitative phrase, so it is an empty value rather than a vague one.
 */
const BARE_UNIT =
  /^(?:≥|≤|>|<|=|不低于|不少于|不高于|不超过|大于|小于|高于|低于|达到)?(?:%|‰|百分比)(?:及以上|以上|及以下|以下|以内)?$/;

interface ColumnStats {
  /** Numbers with a unit in this column of the block. */
  withUnit: number;
  /** 二级 names under which some value of this column is a percentage. */
  percentGroups: Set<string>;
}

function columnStats(rows: IndicatorRow[], index: number): ColumnStats {
  const stats: ColumnStats = { withUnit: 0, percentGroups: new Set() };
  for (const row of rows) {
    const cell = row.values[index];
    if (!cell || cell.text === "") continue;
    const v = parseIndicatorValue(cell.text);
    if ((v.form === "quantity" || v.form === "approximate") && v.unit !== "") stats.withUnit++;
    const unit = v.form === "quantity" || v.form === "approximate" || v.form === "range" ? v.unit : "";
    if (unit === "%") stats.percentGroups.add(row.level2?.name ?? "");
  }
  return stats;
}

export function checkValues(scope: BlockScope): void {
  const { block } = scope;
  const rows = realRows(block);
  const blank = blankColumns(scope, rows, "targets");
  const stats = block.header.values.map((v, i) => (v.actual || blank.has(i) ? null : columnStats(rows, i)));
  for (const row of rows) {
    for (let i = 0; i < row.values.length; i++) {
      const cell = row.values[i];
      const s = stats[i];
      if (s === null || cell.error) continue;
      if (cell.conflict) reportUnitConflict(scope, row, cell);
      if (row.valueType !== "" && checkValueType(scope, row, cell)) continue;
      checkCell(scope, row, cell, s);
    }
  }
}

export function reportEmpty(scope: BlockScope, row: IndicatorRow, cell: ValueCell): void {
  if (row.name === "" || NOT_APPLICABLE_NAME.test(row.name) || isPlaceholderRow(row)) return;
  scope.report.add({
    ...valuePlace(scope, row, cell),
    rule: "IND-EMPTY",
    message: `三级指标${quoted(row.name)}未填写${cell.label}`,
  });
}

export function reportUnitConflict(scope: BlockScope, row: IndicatorRow, cell: ValueCell): void {
  const { own, column } = cell.conflict!;
  const place = valuePlace(scope, row, cell);
  scope.report.add({
    cell: place.cell,
    related: cell.unitCol !== undefined ? [toA1(cell.row, cell.unitCol)] : place.related,
    anchor: `${place.anchor}|单位`,
    rule: "IND-UNIT-CONFLICT",
    message: `指标${quoted(row.name)}的${cell.label}带单位“${own}”，而度量单位一栏为“${column}”，两者矛盾，请统一`,
  });
}

/**
 * IND-VALUE-TYPE: a 定量 row needs a number, a 定性 row no unit. True when it reported, so that the
 * wording rules do not judge the same cell again.
 */
function checkValueType(scope: BlockScope, row: IndicatorRow, cell: ValueCell): boolean {
  if (cell.text === "") return false;
  const v = parseIndicatorValue(cell.text);
  const related = row.valueTypeCol !== null ? [toA1(row.row, row.valueTypeCol)] : [];
  if (row.valueType === "定量" && !isQuantified(v) && v.form !== "notApplicable") {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      related,
      rule: "IND-VALUE-TYPE",
      message: `指标${quoted(row.name)}的指标值类型为定量，指标值${quoted(v.raw)}却没有数值，应填写可衡量的目标值`,
    });
    return true;
  }
  const own = v.form === "quantity" || v.form === "approximate" || v.form === "range" ? v.unit : "";
  const unitCol = scope.block.header.unit;
  const unit = own || (unitCol === null ? "" : columnUnit(scope.view.text(row.row, unitCol)));
  if (row.valueType === "定性" && unit !== "") {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      related,
      rule: "IND-VALUE-TYPE",
      message: `指标${quoted(row.name)}的指标值类型为定性，却带有计量单位“${unit}”，定性指标不应填写单位；若有数值目标，应改为定量`,
    });
    return true;
  }
  return false;
}

function checkCell(scope: BlockScope, row: IndicatorRow, cell: ValueCell, stats: ColumnStats): void {
  const name = row.name;
  const level1 = row.level1?.name ?? "";
  const level2 = row.level2?.name ?? "";

  if (cell.text === "") {
    reportEmpty(scope, row, cell);
    return;
  }
  const v = parseIndicatorValue(cell.text);
  if (v.form === "free" && !v.hasNumber && (BARE_UNIT.test(v.text) || isUnitText(v.text))) {
    // Checked before IND-FULLWIDTH: a bare `％` needs its number, not a half-width sign. A unit
    // alone (`公里`, `万人`: the template's row left unfilled) is as empty.
    const subject = name === "" ? cell.label : `三级指标${quoted(name)}的${cell.label}`;
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-EMPTY",
      message: `${subject}只有“${v.raw.trim()}”，缺少数值`,
    });
    return;
  }
  if (v.fullWidth) {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-FULLWIDTH",
      message: `指标值${quoted(v.raw)}使用了全角数字或符号，已按“${excerpt(v.text)}”识别，建议改为半角`,
    });
  }
  if (v.form === "notApplicable") {
    if (name !== "" && !NOT_APPLICABLE_NAME.test(name)) {
      scope.report.add({
        ...valuePlace(scope, row, cell),
        rule: "IND-VAGUE",
        message: `三级指标${quoted(name)}已填写，指标值却为“不适用”，只有整行不适用时才可这样填写`,
      });
    }
    return;
  }
  if (!cell.inName && sameAsName(v, name)) {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-SAME-AS-NAME",
      message: `指标值${quoted(v.raw.trim())}只是重复了三级指标名称，未给出可衡量的目标值`,
    });
    return;
  }
  if (isMoneyCostCategory(level1, level2)) {
    if (checkCostAmount(scope, row, cell, v)) return;
  } else if (level2 === "数量" && !isQuantified(v)) {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-QUAL-IN-QUANT",
      message: `数量指标${quoted(name)}的指标值${quoted(v.raw.trim())}没有量化，应填写数量`,
    });
    return;
  } else if (checkMoneyMisfiled(scope, row, cell, v)) {
    return;
  } else if (level1 === "成本" && !isQuantified(v)) {
    // 社会成本, 生态环境成本: a cost still needs a measure, though not in 元.
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-QUAL-IN-QUANT",
      message: `${level2 || "成本"}指标${quoted(name)}的指标值${quoted(v.raw.trim())}没有量化，应填写可衡量的目标值`,
    });
    return;
  } else if (v.form === "free" && !v.hasNumber) {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-VAGUE",
      message: `指标值${quoted(v.raw.trim())}为定性表述且不在规范用语之列，建议量化或改用“显著提高”“达标”等规范用语`,
    });
    return;
  } else if (v.form === "qualitative" && level2 === "质量" && !v.grade && !v.zero) {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-VAGUE",
      message: `质量指标${quoted(name)}的指标值“${v.word}”不是质量等级，建议填写达标率等比率或“合格”“优良”“达标”`,
    });
    return;
  }
  checkNumber(scope, row, cell, v, stats);
}

function sameAsName(v: IndicatorValue, name: string): boolean {
  if (v.form !== "free" || v.hasNumber || name === "") return false;
  const a = compactName(v.text);
  const b = compactName(name);
  if (a === b) return true;
  // "维持基层医务工作者的稳定" under "维持基层医务工作者稳定": one restates the other.
  return Math.min(a.length, b.length) >= 4 && (a.includes(b) || b.includes(a));
}

function checkNumber(scope: BlockScope, row: IndicatorRow, cell: ValueCell, v: IndicatorValue, stats: ColumnStats): void {
  const name = row.name;
  const level1 = row.level1?.name ?? "";
  const level2 = row.level2?.name ?? "";
  const rateLike = RATE_NAME.test(name) || level1 === SATISFACTION;

  if (v.form === "quantity" && v.unit === "") {
    const percentColumn = PERCENT_LABEL.test(cell.label);
    const meansPercent = rateLike || percentColumn || stats.percentGroups.has(level2);
    const fraction = v.value.greaterThan(ZERO) && (v.value.lessThan(ONE) || (v.value.equals(ONE) && v.text.includes(".")));
    if (fraction && meansPercent) {
      const shown = v.value.times(100).toString();
      scope.report.add({
        ...valuePlace(scope, row, cell),
        rule: "IND-FRACTION-PERCENT",
        message: `指标值 ${excerpt(v.text)} 是小数，而该指标表示百分比，应写作 ${v.comparator ?? ""}${shown}%`,
      });
      return;
    }
    if (row.valueType !== "定性") checkBareNumber(scope, row, cell, v, stats.withUnit);
    return;
  }

  if (!rateLike || CHANGE_NAME.test(name)) return;
  if ((v.form === "quantity" || v.form === "approximate") && v.unit === "%") checkPercent(scope, row, cell, v.value);
  else if (v.form === "range" && v.unit === "%" && !checkPercent(scope, row, cell, v.low)) checkPercent(scope, row, cell, v.high);
}

/** IND-PERCENT-RANGE for a rate or satisfaction value given as a percentage (also a result). */
export function checkRatePercent(scope: BlockScope, row: IndicatorRow, cell: ValueCell, p: Decimal): void {
  const rateLike = RATE_NAME.test(row.name) || row.level1?.name === SATISFACTION;
  if (rateLike && !CHANGE_NAME.test(row.name)) checkPercent(scope, row, cell, p);
}

/** IND-PERCENT-RANGE for one percentage; true when it reported one. */
function checkPercent(scope: BlockScope, row: IndicatorRow, cell: ValueCell, p: Decimal): boolean {
  if (!p.lessThan(ZERO) && !p.greaterThan(HUNDRED)) return false;
  const bound = p.lessThan(ZERO) ? "0%" : "100%";
  const gap = p.lessThan(ZERO) ? p.negated() : p.minus(HUNDRED);
  scope.report.add({
    ...valuePlace(scope, row, cell),
    rule: "IND-PERCENT-RANGE",
    message: `比率指标${quoted(row.name)}的${cell.label} ${shownNumber(p)}% 超出 0%～100% 的范围，超出 ${bound} ${shownNumber(gap)} 个百分点`,
  });
  return true;
}
