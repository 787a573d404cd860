import { SheetView, compactLabel } from "../../snapshot";
import { IndicatorHeader, ValueColumn } from "./layout";
import { columnComparator } from "./split-value";
import { isUnitText } from "./unit-words";
import { parseIndicatorValue } from "./value-grammar";

/**
 * The header rows propose the columns; the rows confirm them (issue 16). Provinces label the same
 * column differently and the same label differently: 指标性质 holds `≥` in one form, 正向/反向 in
 * another (then 指标方向 holds the `=`), and 定性 in a third; 计算符号 is a comparator nobody names so;
 * a 绩效目标表 may give one value column per village with no 指标值 label at all. So each column's
 * cells vote on what it is, and a label whose cells say otherwise gives way.
 */

type Role = "comparator" | "unit" | "valueType" | "direction" | "value" | "text";

const VALUE_TYPE = /^(?:定量|定性)(?:指标)?$/;
const DIRECTION = /^(?:正向|反向|中性|逆向)(?:指标)?$/;

function roleOf(text: string): Role | null {
  const t = compactLabel(text);
  if (t === "") return null;
  if (columnComparator(t) !== "") return "comparator";
  if (VALUE_TYPE.test(t)) return "valueType";
  if (DIRECTION.test(t)) return "direction";
  if (isUnitText(t)) return "unit";
  const v = parseIndicatorValue(t);
  return v.form === "free" && !v.hasNumber ? "text" : "value";
}

/** The role most of a column's filled cells play, or null when none is filled (or no role has a majority). */
function dominant(view: SheetView, col: number, rows: readonly number[]): Role | null {
  const counts = new Map<Role, number>();
  let filled = 0;
  for (const r of rows) {
    const role = roleOf(view.text(r, col));
    if (!role) continue;
    filled++;
    counts.set(role, (counts.get(role) ?? 0) + 1);
  }
  for (const [role, n] of counts) if (n * 2 > filled) return role;
  return null;
}

/**
 * Confirms a header read by its labels (layout.ts) against the rows below it (`rows`, asked for only
 * when there is something to confirm: the filled rows of the table, up to its end). Returns the header
 * with the comparator, unit, 指标值类型 and value columns the cells bear out. The common form, whose
 * labels are all known and name no split value, is returned as it is.
 */
export function confirmColumns(view: SheetView, header: IndicatorHeader, sample: () => readonly number[]): IndicatorHeader {
  const { unclaimed } = header;
  if (
    header.comparator === null &&
    header.unit === null &&
    header.valueType === null &&
    unclaimed.length === 0 &&
    header.valuesLabelled
  )
    return header;
  const rows = sample();
  if (rows.length === 0) return header;
  const roles = new Map<number, Role | null>();
  const role = (c: number) => {
    if (!roles.has(c)) roles.set(c, dominant(view, c, rows));
    return roles.get(c)!;
  };
  let { comparator, unit, valueType } = header;
  // A proposal the cells contradict: 指标性质 holding 定性 is a 指标值类型 column, holding 正向 a direction.
  if (comparator !== null) {
    const r = role(comparator);
    if (r === "valueType" && valueType === null) valueType = comparator;
    if (r !== null && r !== "comparator") comparator = null;
  }
  if (unit !== null && (role(unit) === "value" || role(unit) === "comparator")) unit = null;
  if (valueType !== null && role(valueType) === "comparator" && comparator === null) {
    comparator = valueType;
    valueType = null;
  }
  let values = header.values.filter((v) => {
    const r = role(v.col);
    return r === null || r === "value" || r === "text";
  });
  // Columns the labels did not know (指标方向, 指标方向性, a village): their cells decide.
  for (const c of unclaimed) {
    const r = role(c);
    if (r === "comparator" && comparator === null) comparator = c;
    else if (r === "unit" && unit === null) unit = c;
    else if (r === "valueType" && valueType === null) valueType = c;
  }
  if (!header.valuesLabelled) {
    // No 指标值 label (one column per village): every such column whose cells read as values is one.
    const taken = new Set([comparator, unit, valueType]);
    const found: ValueColumn[] = unclaimed
      .filter((c) => !taken.has(c) && role(c) === "value")
      .map((c) => ({ col: c, label: compactLabel(view.text(header.row, c)) || "指标值", actual: false }));
    if (found.length > 0) values = found;
  }
  if (values.length === 0) values = header.values;
  return { ...header, comparator, unit, valueType, values };
}
