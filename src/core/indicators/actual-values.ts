import { quoted } from "../excerpt";
import { IndicatorRow, ValueCell } from "./read/blocks";
import { IndicatorValue, isQuantified, parseIndicatorValue } from "./read/value-grammar";
import { checkRatePercent, reportEmpty, reportUnitConflict } from "./indicator-values";
import { blankColumns } from "./blank-parts";
import { realRows } from "./read/placeholders";
import { BlockScope, a1, nameCell, rowAnchor } from "./scope";

/**
 * The 实际完成值 (完成值) column of a self-evaluation form (docs/domain.md §8), judged against the
 * row's target: EVAL-ACTUAL-UNQUANTIFIED, EVAL-ACTUAL-NO-UNIT and, for a self-evaluation published
 * with no result at all, one EVAL-UNFILLED. A target form that merely carries an empty result column
 * (filled in after the year) gets one IND-PART-BLANK (blank-parts.ts). The target columns get the value
 * rules of indicator-values.ts; a result is not a target, so the wording rules (IND-VAGUE,
 * IND-QUAL-IN-QUANT …) do not apply here.
 */

const SELF_EVALUATION = /自评/;

export function checkActuals(scope: BlockScope): void {
  const { block } = scope;
  // Most forms have no result column: one pass over the header, no allocation.
  if (!block.header.values.some((v) => v.actual)) return;
  const columns = block.header.values.flatMap((v, i) => (v.actual ? [i] : []));
  const rows = realRows(block);
  const named = rows.filter((r) => r.name !== "");
  if (named.length === 0) return;
  const noResult = (r: IndicatorRow) => columns.every((i) => r.values[i].text === "" && !r.values[i].error);
  const noScore = (r: IndicatorRow) => r.score === null || (r.score.value === null && !r.score.error && !r.score.invalid);
  // The whole result column left blank is one problem, said once: not an IND-EMPTY per row.
  if (named.every(noResult)) {
    if (block.header.score === null && !SELF_EVALUATION.test(`${scope.view.name}${block.project.name}`)) {
      blankColumns(scope, rows, "results");
      return;
    }
    const first = named[0].values[columns[0]];
    const scoresToo = block.header.score !== null && named.every(noScore);
    scope.report.add({
      rule: "EVAL-UNFILLED",
      cell: a1(first),
      related: named.slice(1).map((r) => a1(r.values[columns[0]])),
      anchor: `${block.project.name}|未填写完成值`,
      message: `自评表的${first.label}${scoresToo ? "和得分" : ""}均未填写（共 ${named.length} 项指标），请填写实际完成情况后再提交或公开`,
    });
    return;
  }
  for (const row of rows) for (const i of columns) checkActual(scope, row, row.values[i]);
}

function targetOf(row: IndicatorRow): { cell: ValueCell; value: IndicatorValue } | null {
  const cell = row.values.find((v) => !v.actual && v.text !== "" && !v.error);
  return cell ? { cell, value: parseIndicatorValue(cell.text) } : null;
}

function unitOf(v: IndicatorValue): string {
  return v.form === "quantity" || v.form === "approximate" || v.form === "range" ? v.unit : "";
}

function checkActual(scope: BlockScope, row: IndicatorRow, cell: ValueCell): void {
  if (cell.error) return;
  if (cell.text === "") {
    reportEmpty(scope, row, cell);
    return;
  }
  if (cell.conflict) reportUnitConflict(scope, row, cell);
  const v = parseIndicatorValue(cell.text);
  const target = targetOf(row);
  const base = { cell: a1(cell), anchor: rowAnchor(scope.block, row, cell) };
  if (target && isQuantified(target.value) && !isQuantified(v) && v.form !== "notApplicable") {
    scope.report.add({
      ...base,
      rule: "EVAL-ACTUAL-UNQUANTIFIED",
      related: [a1(target.cell), nameCell(row)],
      message: `指标${quoted(row.name)}的${target.cell.label}为“${target.value.text}”，${cell.label}却只写了${quoted(cell.text)}，应填写实际达到的数值`,
    });
    return;
  }
  const targetUnit = target ? unitOf(target.value) : "";
  if (v.form === "quantity" && v.unit === "" && v.comparator === null && targetUnit !== "") {
    scope.report.add({
      ...base,
      rule: "EVAL-ACTUAL-NO-UNIT",
      related: [a1(target!.cell)],
      message: `${cell.label} ${v.text} 没有单位，已按${target!.cell.label}的单位理解为 ${v.text}${targetUnit}，建议写明单位`,
    });
    if (targetUnit === "%") checkRatePercent(scope, row, cell, v.value);
    return;
  }
  if ((v.form === "quantity" || v.form === "approximate") && v.unit === "%") checkRatePercent(scope, row, cell, v.value);
}
