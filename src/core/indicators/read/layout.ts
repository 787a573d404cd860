import { SheetView } from "../../snapshot";

/** One indicator header row and the columns it names. Columns are sheet columns. */
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
  /** Every value column: 指标值, 目标值, 预期值, 年度指标值, 2025年指标值 … */
  values: { col: number; label: string }[];
}

const LEVEL1 = /^一级(?:指标)?$/;
const LEVEL2 = /^二级(?:指标)?$/;
const LEVEL3 = /^(?:三级(?:指标)?|指标名称|三级指标名称|指标内容)$/;
const DESCRIPTION = /^(?:绩效指标描述|指标描述|指标说明)$/;
const BASIS = /^(?:指标值确定依据|指标解释|指标值说明|确定依据|指标来源|评(?:分|价)标准|备注)$/;
const VALUE = /(?:指标值|目标值|预期值|完成值|实际值)/;
const NOT_VALUE = /依据|解释|说明|来源|标准|分值|权重|偏差|原因/;

function headerLabel(view: SheetView, row: number, col: number): string {
  return view.label(row, col).replace(/[:：]$/, "");
}

/**
 * Reads row `row` as an indicator header, or returns null. A header holds 一级 and 二级, or a
 * 指标名称 column beside a value column; the columns are found by label, never by position.
 */
export function readHeader(view: SheetView, row: number): IndicatorHeader | null {
  let level1: number | null = null;
  let level2: number | null = null;
  let level3: number | null = null;
  let description: number | null = null;
  let basis: number | null = null;
  const values: { col: number; label: string }[] = [];
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const l = headerLabel(view, row, c);
    if (l === "") continue;
    if (LEVEL1.test(l)) level1 ??= c;
    else if (LEVEL2.test(l)) level2 ??= c;
    else if (LEVEL3.test(l)) level3 ??= c;
    else if (DESCRIPTION.test(l)) description ??= c;
    else if (BASIS.test(l)) basis ??= c;
    else if (VALUE.test(l) && !NOT_VALUE.test(l)) values.push({ col: c, label: l });
  }
  const isHeader = (level1 !== null && level2 !== null) || (level3 !== null && values.length > 0);
  if (!isHeader) return null;
  if (level3 === null) {
    // 4-column forms without a 三级 label: the third named column holds the indicator.
    const after = Math.max(level1 ?? -1, level2 ?? -1) + 1;
    if (after > view.lastCol) return null;
    level3 = after;
  }
  if (values.length === 0) {
    // No value label: the first named column after the indicator that is neither description nor basis.
    for (let c = level3 + 1; c <= view.lastCol; c++) {
      if (c === description || c === basis) continue;
      const l = headerLabel(view, row, c);
      if (l !== "") {
        values.push({ col: c, label: l });
        break;
      }
    }
    if (values.length === 0) return null;
  }
  let lastRow = row;
  const expanded: { col: number; label: string }[] = [];
  for (const v of values) {
    // A value header merged across columns carries one sub-column per period or year below it.
    const merge = view.mergeAt(row, v.col);
    if (merge && merge.right > merge.left) {
      const sub = merge.bottom + 1;
      lastRow = Math.max(lastRow, sub);
      for (let c = merge.left; c <= merge.right; c++) expanded.push({ col: c, label: `${v.label}${headerLabel(view, sub, c)}` });
    } else {
      expanded.push(v);
    }
  }
  return { row, lastRow, level1, level2, level3, description, basis, values: expanded };
}
