import { excerpt, quoted } from "../excerpt";
import { IndicatorRow, ValueCell } from "./read/blocks";
import { isCostCategory } from "./read/framework";
import { likelyUnit, placeholderInName, unitInName } from "./read/unit-words";
import { IndicatorValue } from "./read/value-grammar";
import { BlockScope, valuePlace } from "./scope";

/**
 * Rules on a target written as a bare number (docs/domain.md §6): IND-DATE-SERIAL for a date that
 * Excel shows as its serial number, IND-NO-UNIT where the column's other values carry units, and
 * IND-BARE-NUMBER where the form gives no unit at all (no unit column, or one left empty throughout).
 * The last two are one problem seen in two layouts: a cell gets at most one of them.
 */

const PERCENT_LABEL = /%|％|百分比/;
/** 2000-01-01 … 2049-12-31 as Excel serials: a 时效 target in this range is a date shown as a number. */
const SERIAL_FROM = 36526;
const SERIAL_TO = 54788;
const TIME_NAME = /时间|日期|时限|期限|截止|完成时|到位时/;
/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug makes serials after February 1900 count from there). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Reports a bare number (a quantity with no unit); true when it reported. */
export function checkBareNumber(
  scope: BlockScope,
  row: IndicatorRow,
  cell: ValueCell,
  v: IndicatorValue & { form: "quantity" },
  siblingsWithUnit: number,
): boolean {
  if (checkDateSerial(scope, row, cell, v)) return true;
  if (PERCENT_LABEL.test(cell.label) || unitInName(row.name) !== null) return false;
  const level2 = row.level2?.name ?? "";
  const cost = isCostCategory(row.level1?.name ?? "", level2);
  const placeholder = placeholderInName(row.name);
  const unit = placeholder?.unit || likelyUnit(row.name, level2, cost, scope.ctx.unit);
  const shown = excerpt(scope.view.text(cell.row, cell.col).trim() || v.text);
  const unitColumn = scope.block.header.unit !== null;
  const first = unit ? unit.split("、")[0].replace(/或.*$/, "") : "";
  const hint = unitColumn
    ? `，请在${columnLabel(scope)}一栏填写${first ? `“${first}”` : "单位"}`
    : `，应写明单位${first ? `，如“${shown}${first}”` : ""}`;
  const where = placeholder ? `（名称中的表样占位“${excerpt(placeholder.text, 12)}”也应删去）` : "";
  if (siblingsWithUnit > 0) {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-NO-UNIT",
      message: `指标值 ${shown} 没有单位，而同一项目的其他指标值都带单位${unitGuess(unit)}${hint}${where}`,
    });
  } else {
    scope.report.add({
      ...valuePlace(scope, row, cell),
      rule: "IND-BARE-NUMBER",
      message: `指标${quoted(row.name)}的${cell.label} ${shown} 只有数字，表中也没有单位${unitGuess(unit)}${hint}${where}`,
    });
  }
  return true;
}

function columnLabel(scope: BlockScope): string {
  const col = scope.block.header.unit;
  return col === null ? "单位" : scope.view.label(scope.block.header.row, col) || "单位";
}

function unitGuess(unit: string | null): string {
  return unit ? `，按名称看单位应是${unit}` : "";
}

/** IND-DATE-SERIAL: a 时效 target such as 44,561 is 2021-12-31 shown as a number. */
function checkDateSerial(
  scope: BlockScope,
  row: IndicatorRow,
  cell: ValueCell,
  v: IndicatorValue & { form: "quantity" },
): boolean {
  if (!v.value.isInteger() || v.value.lessThan(SERIAL_FROM) || v.value.greaterThan(SERIAL_TO)) return false;
  if (row.level2?.name !== "时效" && !TIME_NAME.test(row.name)) return false;
  const date = new Date(EXCEL_EPOCH + v.value.times(86400000).toNumber());
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  scope.report.add({
    ...valuePlace(scope, row, cell),
    rule: "IND-DATE-SERIAL",
    message: `时效指标${quoted(row.name)}的${cell.label} ${excerpt(scope.view.text(cell.row, cell.col).trim())} 是 Excel 的日期序列号（即 ${y}-${pad(m)}-${pad(d)}），应写作“${y}年${m}月${d}日前”并把单元格设为文本`,
  });
  return true;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
