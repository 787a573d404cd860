import { Decimal, parseAmountText } from "../amount";
import { CellWrite, FixPlanner, cellAt, cellWrite } from "./plan";

/** The write that turns a number stored as text into the number; the amount does not change. */
export function textToNumberWrite(sheet: string, cell: string, numberFormat: string, text: string, value: Decimal): CellWrite {
  return cellWrite(sheet, cell, {
    before: { value: text, formula: "", numberFormat },
    // A number typed into a text-formatted cell would stay text; General lets it be a number.
    after: { value: value.toNumber(), formula: "", numberFormat: numberFormat === "@" ? "General" : numberFormat },
    beforeText: `文本“${text}”`,
    afterText: `数字 ${value.toString()}`,
  });
}

/** CELL-TEXTNUM: a number stored as text becomes the number. */
export const textToNumber: FixPlanner = (finding, view) => {
  const cell = cellAt(view, finding.cell);
  const { value, formula, numberFormat } = cell?.content ?? {};
  if (!cell || formula || typeof value !== "string") return null;
  const reading = parseAmountText(value);
  if (reading.kind !== "number") return null;
  return {
    label: "改为数字",
    writes: [textToNumberWrite(finding.sheet, finding.cell, numberFormat ?? "General", value, reading.value)],
  };
};

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

/** IND-FULLWIDTH: full-width digits and signs in an indicator value become half-width. */
export const halfWidth: FixPlanner = (finding, view) => {
  const cell = cellAt(view, finding.cell);
  const value = cell?.content.value;
  if (!cell || cell.content.formula || typeof value !== "string" || !HAS_FULL_SIGN.test(value)) return null;
  const text = value.replace(FULL_SIGNS, (ch) => HALF[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return {
    label: "改为半角",
    writes: [
      cellWrite(finding.sheet, finding.cell, {
        before: cell.content,
        after: { value: text, formula: "", numberFormat: cell.content.numberFormat },
        beforeText: `“${value}”`,
        afterText: `“${text}”`,
      }),
    ],
  };
};

/** IND-FRACTION-PERCENT: `≥0.85` becomes `≥85%`. */
export const fractionToPercent: FixPlanner = (finding, view) => {
  const cell = cellAt(view, finding.cell);
  if (!cell || cell.content.formula) return null;
  const shown = (cell.text || String(cell.content.value ?? "")).trim();
  const m = /^([≥≤><=]?)\s*(0?\.\d+|1\.0*)$/.exec(shown);
  if (!m) return null;
  const percent = parseAmountText(m[2]);
  if (percent.kind !== "number") return null;
  const text = `${m[1]}${percent.value.times(100).toString()}%`;
  return {
    label: "改为百分数",
    writes: [
      cellWrite(finding.sheet, finding.cell, {
        before: cell.content,
        // Text format keeps Excel from reading “85%” back as the number 0.85.
        after: { value: text, formula: "", numberFormat: "@" },
        beforeText: `“${shown}”`,
        afterText: `“${text}”`,
      }),
    ],
  };
};
