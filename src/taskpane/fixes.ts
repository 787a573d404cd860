import { parseA1, rectToA1 } from "../core/address";
import { parseAmountText } from "../core/amount";
import { ruleById } from "../core/catalogue";
import { Finding } from "../core/finding";
import { CellValue, SheetSnapshot } from "../core/snapshot";
import type { CellContent } from "../excel/gateway";
import { toRectangles } from "../core/mark-layout";

/** A one-click fix: exactly one cell, its content before and after, in words the user can check. */
export interface FixPlan {
  findingId: string;
  sheet: string;
  cell: string;
  /** The button's text. */
  label: string;
  before: CellContent;
  after: CellContent;
  beforeText: string;
  afterText: string;
}

/** Rules whose `related` cells are exactly the items the flagged total adds up. */
function isSumRule(rule: string): boolean {
  return rule === "SUM-ROW" || rule === "SUM-COL" || rule === "BAL-INCOME" || rule === "BAL-SPEND" || rule === "CODE-TREE";
}

const HALF: Record<string, string> = {
  "％": "%",
  "＞": ">",
  "＜": "<",
  "＝": "=",
  "≧": "≥",
  "≦": "≤",
  "＋": "+",
  "－": "-",
  "．": ".",
};
const FULL_SIGNS = /[％＞＜＝≧≦＋－．０-９]/g;
const HAS_FULL_SIGN = /[％＞＜＝≧≦＋－．０-９]/;

function cellOf(
  snapshot: SheetSnapshot,
  a1: string,
): { value: CellValue; formula: string; numberFormat: string; text: string } | null {
  const p = parseA1(a1);
  if (!p) return null;
  const r = p.row - snapshot.origin.row;
  const c = p.col - snapshot.origin.col;
  if (r < 0 || c < 0 || r >= snapshot.values.length) return null;
  return {
    value: snapshot.values[r]?.[c] ?? null,
    formula: snapshot.formulas[r]?.[c] ?? "",
    numberFormat: snapshot.numberFormats[r]?.[c] ?? "General",
    text: snapshot.texts[r]?.[c] ?? "",
  };
}

/** The safe fix for a finding, or null when it has none or the cell is not what the rule expects. */
export function planFix(finding: Finding, snapshot: SheetSnapshot | undefined): FixPlan | null {
  // The catalogue says which rules have a one-click fix (and the 怎么改 text describes it).
  if (!snapshot || ruleById(finding.rule).fix === null) return null;
  const cell = cellOf(snapshot, finding.cell);
  if (!cell || cell.formula) return null;
  const before: CellContent = { value: cell.value, formula: "", numberFormat: cell.numberFormat };
  const base = { findingId: finding.id, sheet: finding.sheet, cell: finding.cell, before };

  if (finding.rule === "CELL-TEXTNUM" && typeof cell.value === "string") {
    const reading = parseAmountText(cell.value);
    if (reading.kind !== "number") return null;
    // A number typed into a text-formatted cell would stay text; General lets it be a number.
    const numberFormat = cell.numberFormat === "@" ? "General" : cell.numberFormat;
    return {
      ...base,
      label: "改为数字",
      after: { value: reading.value.toNumber(), formula: "", numberFormat },
      beforeText: `文本“${cell.value}”`,
      afterText: `数字 ${reading.value.toString()}`,
    };
  }

  if (isSumRule(finding.rule) && typeof cell.value === "number") {
    const items = finding.related.map((a) => parseA1(a)).filter((p): p is NonNullable<typeof p> => p !== null);
    if (items.length === 0 || items.length !== finding.related.length || finding.related.includes(finding.cell)) return null;
    const rects = toRectangles(items);
    // A parent code's children must sit right below it in one run (the catalogue's condition).
    const at = parseA1(finding.cell)!;
    if (
      finding.rule === "CODE-TREE" &&
      (rects.length !== 1 || rects[0].left !== at.col || rects[0].right !== at.col || rects[0].top !== at.row + 1)
    )
      return null;
    const formula = `=SUM(${rects.map(rectToA1).join(",")})`;
    return {
      ...base,
      label: "改为求和公式",
      after: { value: null, formula },
      beforeText: `手工录入的 ${cell.text || String(cell.value)}`,
      afterText: formula,
    };
  }

  if (finding.rule === "IND-FULLWIDTH" && typeof cell.value === "string" && HAS_FULL_SIGN.test(cell.value)) {
    const text = cell.value.replace(FULL_SIGNS, (ch) => HALF[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
    return {
      ...base,
      label: "改为半角",
      after: { value: text, formula: "", numberFormat: cell.numberFormat },
      beforeText: `“${cell.value}”`,
      afterText: `“${text}”`,
    };
  }

  if (finding.rule === "IND-FRACTION-PERCENT") {
    const shown = (cell.text || String(cell.value ?? "")).trim();
    const m = /^([≥≤><=]?)\s*(0?\.\d+|1\.0*)$/.exec(shown);
    if (!m) return null;
    const percent = parseAmountText(m[2]);
    if (percent.kind !== "number") return null;
    const text = `${m[1]}${percent.value.times(100).toString()}%`;
    // Text format keeps Excel from reading “85%” back as the number 0.85.
    return {
      ...base,
      label: "改为百分数",
      after: { value: text, formula: "", numberFormat: "@" },
      beforeText: `“${shown}”`,
      afterText: `“${text}”`,
    };
  }
  return null;
}

/** The content to write back on undo: exactly what the cell held, number format included. */
export function undoOf(plan: FixPlan): { expect: CellContent; restore: CellContent } {
  return { expect: { ...plan.after, numberFormat: undefined }, restore: plan.before };
}
