import Decimal from "decimal.js";
import { SheetView } from "../../snapshot";

/** A value column: its sheet column, its header label, and whether it holds results (实际完成值). */
export interface ValueColumn {
  col: number;
  label: string;
  actual: boolean;
}

/**
 * One indicator header row and the columns it names. Columns are sheet columns. readHeader proposes
 * them from the labels; columns.ts confirms them from the cells below.
 */
export interface IndicatorHeader {
  row: number;
  /** Last row of the header (a merged header can span two rows, with sub-headers below). */
  lastRow: number;
  level1: number | null;
  level2: number | null;
  /** The 三级指标 (or 指标名称) column. */
  level3: number;
  description: number | null;
  basis: number | null;
  /**
   * Every value column: 指标值, 目标值, 预期值, 年度指标值, 2025年指标值 …; `actual` for the results
   * of a self-evaluation (完成值, 实际完成值, 实际值), judged against the row's target.
   */
  values: ValueColumn[];
  /** The value columns were named by their labels (指标值, 目标值 …), not guessed. */
  valuesLabelled: boolean;
  /** Columns right of the indicator whose labels name no known column (指标方向, a village …): their cells decide. */
  unclaimed: number[];
  /** The header's columns and labels: a stacked form repeats it, and its columns are confirmed once. */
  signature: string;
  /** 指标性质 (`=`, `≥`, `≤`), 度量单位 / 计量单位 and 指标值类型 (定量 / 定性) of a split value (seed 012). */
  comparator: number | null;
  unit: number | null;
  valueType: number | null;
  /** 分值 or 权重, and 得分, of a self-evaluation form. */
  points: number | null;
  score: number | null;
  /** 偏差原因 (偏差原因分析及改进措施, 未完成原因分析 …) of a self-evaluation form. */
  reason: number | null;
  /** `绩效指标(90分)` in the header row or the row above it: the indicators' stated points. */
  sectionPoints: { row: number; col: number; value: Decimal } | null;
  /**
   * Further panels side by side in the same rows (中期 | 年度: 二级 / 三级 / 指标值 written twice), each
   * with its own indicator and value columns; read as blocks of their own.
   */
  panels?: IndicatorHeader[];
}

const LEVEL1 = /^一级(?:指标)?$/;
const LEVEL2 = /^二级(?:指标)?$/;
const LEVEL3 = /^(?:三级(?:指标)?|指标名称|三级指标名称|指标内容)$/;
const DESCRIPTION = /^(?:绩效指标描述|指标描述|指标说明)$/;
const BASIS = /^(?:指标值确定依据|指标解释|指标值说明|确定依据|指标来源|评(?:分|价)标准|备注)$/;
const VALUE = /(?:指标值|目标值|预期值|完成值|实际值)/;
const NOT_VALUE = /依据|解释|说明|来源|标准|分值|权重|偏差|原因|类型|性质/;
const ACTUAL = /完成值|实际值|实际完成/;
const COMPARATOR = /^(?:指标性质|比较符号?|计算符号|符号)$/;
const UNIT = /^(?:度量单位|计量单位|指标单位|单位)$/;
const VALUE_TYPE = /^(?:指标值类型|指标类型|定量[/／]定性|指标属性)$/;
const POINTS = /^(?:分值|权重|指标分值|指标权重)(?:[（(](?:分|%)[）)])?$/;
const SCORE = /^(?:得分|自评得分|评分)$/;
const REASON = /偏差原因|未完成原因|未达到.{0,6}原因|原因分析/;
const SECTION_POINTS = /^绩效指标[（(](\d+(?:\.\d+)?)分[）)]$/;

function headerLabel(view: SheetView, row: number, col: number): string {
  return view.label(row, col).replace(/[:：]$/, "");
}

/**
 * Reads row `row` as an indicator header, or returns null. A header holds 一级 and 二级, or a
 * 指标名称 column beside a value column; the columns are found by label, never by position. A 二级 or
 * 三级 label after a value column starts another panel (中期 | 年度 side by side).
 */
export function readHeader(view: SheetView, row: number): IndicatorHeader | null {
  const labels: Label[] = [];
  for (const c of view.cols()) {
    const l = headerLabel(view, row, c);
    if (l !== "") labels.push({ c, l });
  }
  const starts = panelStarts(view, labels);
  const first = readPanel(view, row, labels, starts[0], starts[1] ?? Infinity, null);
  if (!first) return null;
  const panels: IndicatorHeader[] = [];
  for (let i = 1; i < starts.length; i++) {
    const panel = readPanel(view, row, labels, starts[i], starts[i + 1] ?? Infinity, first);
    if (panel) panels.push(panel);
  }
  return panels.length > 0 ? { ...first, panels } : first;
}

function signatureOf(labels: readonly Label[], from: number, to: number, depth: number): string {
  let key = `${depth}`;
  for (const { c, l } of labels) if (c >= from && c < to) key += `|${c}:${l}`;
  return key;
}

/** A header cell's column and label. */
interface Label {
  c: number;
  l: string;
}

/** The first column of each panel: the row's first column, then each level label after a value label. */
function panelStarts(view: SheetView, labels: readonly Label[]): number[] {
  const starts = [view.firstCol];
  let seenValue = false;
  for (const { c, l } of labels) {
    if (VALUE.test(l) && !NOT_VALUE.test(l)) seenValue = true;
    else if (seenValue && (LEVEL1.test(l) || LEVEL2.test(l) || LEVEL3.test(l))) {
      starts.push(c);
      seenValue = false;
    }
  }
  return starts;
}

/** One panel: the labels in columns `from` to `to` (exclusive); a later panel shares the first one's 一级. */
function readPanel(
  view: SheetView,
  row: number,
  labels: readonly Label[],
  from: number,
  to: number,
  shared: IndicatorHeader | null,
): IndicatorHeader | null {
  let level1: number | null = null;
  let level2: number | null = null;
  let level3: number | null = null;
  let description: number | null = null;
  let basis: number | null = null;
  let comparator: number | null = null;
  let unit: number | null = null;
  let valueType: number | null = null;
  let points: number | null = null;
  let score: number | null = null;
  let reason: number | null = null;
  const values: ValueColumn[] = [];
  const unclaimed: number[] = [];
  for (const { c, l } of labels) {
    if (c < from) continue;
    if (c >= to) break;
    if (LEVEL1.test(l)) level1 ??= c;
    else if (LEVEL2.test(l)) level2 ??= c;
    else if (LEVEL3.test(l)) level3 ??= c;
    else if (DESCRIPTION.test(l)) description ??= c;
    else if (BASIS.test(l)) basis ??= c;
    else if (COMPARATOR.test(l)) comparator ??= c;
    else if (UNIT.test(l)) unit ??= c;
    else if (VALUE_TYPE.test(l)) valueType ??= c;
    else if (POINTS.test(l)) points ??= c;
    else if (SCORE.test(l)) score ??= c;
    else if (REASON.test(l)) reason ??= c;
    else if (VALUE.test(l) && !NOT_VALUE.test(l)) values.push({ col: c, label: l, actual: ACTUAL.test(l) });
    else unclaimed.push(c);
  }
  if (shared) level1 ??= shared.level1;
  const isHeader = (level1 !== null && level2 !== null) || (level3 !== null && values.length > 0);
  if (!isHeader) return null;
  if (level3 === null) {
    // 4-column forms without a 三级 label: the third named column holds the indicator. When that
    // column is the value (一级 | 二级 | 指标值), the 二级 column names the indicator.
    const after = view.nextCol(Math.max(level1 ?? -1, level2 ?? -1));
    if (after > view.lastCol) return null;
    level3 = values.some((v) => v.col === after) ? (level2 ?? level1 ?? after) : after;
  }
  const valuesLabelled = values.length > 0;
  if (values.length === 0) {
    // No value label: the first named column after the indicator that is neither description nor basis.
    for (let c = view.nextCol(level3); c <= view.lastCol && c < to; c = view.nextCol(c)) {
      if ([description, basis, comparator, unit, valueType, points, score, reason].includes(c)) continue;
      const l = headerLabel(view, row, c);
      if (l !== "") {
        values.push({ col: c, label: l, actual: false });
        break;
      }
    }
    if (values.length === 0) return null;
  }
  let lastRow = row;
  const expanded: ValueColumn[] = [];
  for (const v of values) {
    // A value header merged across columns carries one sub-column per period or year below it.
    const merge = view.mergeAt(row, v.col);
    if (merge && merge.right > merge.left) {
      const sub = view.nextRow(merge.bottom);
      lastRow = Math.max(lastRow, sub);
      for (let c = merge.left; c <= merge.right; c = view.nextCol(c))
        expanded.push({ col: c, label: `${v.label}${headerLabel(view, sub, c)}`, actual: v.actual });
    } else {
      expanded.push(v);
    }
  }
  const sectionPoints = shared ? null : findSectionPoints(view, row);
  return {
    row,
    lastRow,
    level1,
    level2,
    level3,
    description,
    basis,
    values: expanded,
    valuesLabelled,
    unclaimed: unclaimed.filter((c) => c > level3!),
    signature: signatureOf(labels, from, to, lastRow - row),
    comparator,
    unit,
    valueType,
    points,
    score,
    reason,
    sectionPoints,
  };
}

/** `绩效指标(90分)`: in the header row's first cells (seed 013) or alone in the row above (seed 012). */
function findSectionPoints(view: SheetView, row: number): IndicatorHeader["sectionPoints"] {
  for (const r of [row, view.prevRow(row)]) {
    if (r < view.firstRow) continue;
    for (const c of view.cols()) {
      if (!view.text(r, c).includes("分")) continue;
      const m = SECTION_POINTS.exec(headerLabel(view, r, c));
      if (m) return { row: r, col: c, value: new Decimal(m[1]) };
    }
  }
  return null;
}
