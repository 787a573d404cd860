import Decimal from "decimal.js";
import type { CellValue } from "../../../src/core/snapshot";

/**
 * The words and number forms this yardstick reads tables by. They are deliberately its own and
 * simple (not src/core's readers): the yardstick must not agree with the checker by construction.
 */

export const compact = (text: string): string => text.replace(/[\s\u3000\u00a0]+/g, "");

/** A cell's figure: numbers, plain numeric text (with thousands commas); blank or a dash is 0; anything else is null. */
export function figure(v: CellValue): Decimal | null {
  if (v === null) return new Decimal(0);
  if (typeof v === "number") return Number.isFinite(v) ? new Decimal(v.toPrecision(15)) : null;
  if (typeof v !== "string") return null;
  const t = compact(v).replace(/,/g, "");
  if (t === "" || /^[-—–－/／]+$/.test(t)) return new Decimal(0);
  return /^-?\d+(\.\d+)?$/.test(t) ? new Decimal(t) : null;
}

/** True for a cell holding a number (or numeric text), not a blank or a dash. */
export function isFigure(v: CellValue): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  return typeof v === "string" && /^-?\d[\d,]*(\.\d+)?$/.test(compact(v));
}

/** A 功能分类 (3/5/7 digits) or 经济分类 (3/5) code. */
export const CODE = /^\d{3}(\d{2}){0,2}$/;

/** A money unit line: 单位：万元, 金额单位:元. */
export const UNIT_LINE = /单位[:：]?\s*(万元|千元|亿元|元)/;

/** Header cells of key columns: a counter, a code or code part, a row label. */
export const LINE_NO_HEADER = /^(序号|行次|栏次|编号)$/;
export const SPLIT_HEADER = /^(类|款|项)$/;
export const CODE_HEADER = /编码|代码/;
export const LABEL_HEADER = /项目|名称|科目|摘要|内容|^单位$|机构|乡镇|地区/;

/** Header words of money columns; a rate, a score or a count is not money. */
export const AMOUNT_HEADER = /合计|小计|总计|金额|预算|决算|支出|收入|经费|拨款|结转|结余|资金|费|补助|数$/;
export const NOT_AMOUNT_HEADER = /率|[%％]|幅度|指标|分值|得分|权重|人数|个数|比例|比重|说明|备注|依据/;

/** Words that make a row a header row. */
export const HEADER_WORD =
  /^(序号|行次|栏次|类|款|项|项目|科目编码|科目名称|编码|名称|合计|小计|金额|收入|支出|预算数|决算数)$|分类科目$/;

/** A total's label or column header: …合计, …小计, …总计. */
export const TOTAL = /(合计|小计|总计)$/;
export const totalRank = (label: string): number =>
  /总计$/.test(label) ? 3 : /合计$/.test(label) ? 2 : /小计$/.test(label) ? 1 : 0;

/** Chinese outline numbering, outermost first: 一、 / （一） / 1. 1、 / （1） / ①. */
const LEVELS = [
  /^[一二三四五六七八九十]+[、.．]/,
  /^[（(][一二三四五六七八九十]+[)）]/,
  /^\d{1,2}[、.．](?!\d)/,
  /^[（(]\d{1,2}[)）]/,
  /^[①-⑳]/,
];
export const ITEM_NUMBER = LEVELS[0];

/** 1 for 一、, 2 for （一）, 3 for 1. or 1、, 4 for （1）, 5 for ①; 0 when unnumbered. */
export const numberingLevel = (label: string): number => LEVELS.findIndex((re) => re.test(label)) + 1;

/** The label without its numbering or 其中: `八、社会保障和就业支出` → `社会保障和就业支出`. */
export const stripNumbering = (label: string): string => {
  let l = label.replace(/^其中[:：]?/, "");
  for (const re of LEVELS) l = l.replace(re, "");
  return l;
};

/** A note under a table. */
export const NOTE = /^(注|说明|备注)[:：]?/;
