import { compactLabel } from "../snapshot";
import { excerpt, quoted, shownNumber } from "../excerpt";
import { toA1 } from "../address";
import { IndicatorRow, ValueCell } from "./read/blocks";
import { realRows } from "./read/placeholders";
import { IndicatorValue, parseIndicatorValue } from "./read/value-grammar";
import { BlockScope, a1, rowAnchor } from "./scope";

/**
 * EVAL-SCORE-UNEXPLAINED on a self-evaluation form (docs/domain.md §6, §8): an indicator whose 实际完成值
 * meets its 年度指标值 has lost points (得分 below 分值) and the 偏差原因 says nothing about why.
 * Whether a result meets its target is decided only where both say so plainly: numbers in the same
 * unit under the target's comparison, the same words, or a result that says it was achieved.
 */

const ACHIEVED = /^(?:已?完成|已?全部完成|达成(?:预期)?(?:指标|目标)?|达到(?:预期)?(?:指标|目标)?|已?达标|符合(?:预期|要求))$/;
const NO_REASON = /^(?:\/|／|-|—|－|无)?$/;

function measure(v: IndicatorValue): { value: IndicatorValue & { form: "quantity" | "approximate" }; unit: string } | null {
  return v.form === "quantity" || v.form === "approximate" ? { value: v, unit: v.unit } : null;
}

/** True when the result plainly meets the target. */
export function meetsTarget(target: IndicatorValue, actual: IndicatorValue): boolean {
  if (compactLabel(target.text) === compactLabel(actual.text) && target.text !== "") return true;
  if ((actual.form === "free" || actual.form === "qualitative") && ACHIEVED.test(actual.text)) return true;
  const a = measure(actual);
  if (!a) return false;
  if (target.form === "range") {
    if (a.unit !== "" && target.unit !== "" && a.unit !== target.unit) return false;
    return !a.value.value.lessThan(target.low) && !a.value.value.greaterThan(target.high);
  }
  const t = measure(target);
  if (!t || (a.unit !== "" && a.unit !== t.unit)) return false;
  const [x, y] = [a.value.value, t.value.value];
  switch (t.value.comparator) {
    case "≥":
      return x.greaterThanOrEqualTo(y);
    case ">":
      return x.greaterThan(y);
    case "≤":
      return x.lessThanOrEqualTo(y);
    case "<":
      return x.lessThan(y);
    default:
      return x.equals(y);
  }
}

function targetOf(row: IndicatorRow): ValueCell | undefined {
  return row.values.find((v) => !v.actual && v.text !== "" && !v.error);
}

function resultOf(row: IndicatorRow): ValueCell | undefined {
  return row.values.find((v) => v.actual && v.text !== "" && !v.error);
}

export function checkScoreDeductions(scope: BlockScope): void {
  const { block, view } = scope;
  const reasonCol = block.header.reason;
  if (block.header.score === null || block.header.points === null) return;
  for (const row of realRows(block)) {
    const { points, score } = row;
    if (!points?.value || !score?.value || !score.value.lessThan(points.value)) continue;
    const target = targetOf(row);
    const result = resultOf(row);
    if (!target || !result) continue;
    if (!meetsTarget(parseIndicatorValue(target.text), parseIndicatorValue(result.text))) continue;
    if (reasonCol !== null && !NO_REASON.test(compactLabel(view.text(row.row, reasonCol)))) continue;
    const why =
      reasonCol !== null
        ? `，${compactLabel(view.text(block.header.row, reasonCol)) || "偏差原因"}却未填写`
        : "，表中也没有说明原因";
    scope.report.add({
      rule: "EVAL-SCORE-UNEXPLAINED",
      cell: a1(score),
      related: [a1(points), a1(result), a1(target), ...(reasonCol !== null ? [toA1(row.row, reasonCol)] : [])],
      anchor: `${rowAnchor(block, row)}|扣分`,
      message: `指标${quoted(row.name, 20)}的${result.label}“${excerpt(result.text, 12)}”已达到${target.label}“${excerpt(target.text, 12)}”，得分 ${shownNumber(score.value)} 却低于分值 ${shownNumber(points.value)}${why}`,
    });
  }
}
