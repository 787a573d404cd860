import { Decimal, MoneyUnit } from "../amount";
import { ALIASES, ItemId, itemMayStartAfter } from "./lexicon";

/** A figure as the text writes it: its value, the decimals it shows, and the words it was read from. */
export interface Figure {
  value: Decimal;
  decimals: number;
  raw: string;
}

export type Direction = "up" | "down" | "flat" | "either";

export type Token =
  | { kind: "item"; id: ItemId; text: string; at: number }
  | { kind: "amount"; figure: Figure; unit: MoneyUnit; at: number }
  | { kind: "percent"; figure: Figure; at: number }
  | { kind: "number"; figure: Figure; at: number }
  | { kind: "year"; year: number; at: number }
  | { kind: "verb"; direction: Direction; text: string; at: number }
  | { kind: "compare"; at: number }
  | { kind: "share"; at: number }
  | { kind: "execution"; at: number }
  | { kind: "qualifier"; which: "预算" | "决算" | "上年"; at: number }
  | { kind: "whole"; at: number }
  | { kind: "filler"; at: number }
  | { kind: "mark"; text: string; at: number }
  | { kind: "other"; text: string; at: number };

/** Words that join an item to its figure without changing what the figure is. */
const FILLERS = [
  "预算安排",
  "财政拨款",
  "支出",
  "安排",
  "共计",
  "合计",
  "总计",
  "总额",
  "为",
  "是",
  "共",
  "计",
  "达",
  "了",
  "数",
  "资金",
  "本年",
  "当年",
  "全年",
  "年度",
];

/** The template's either-or verbs first, then the longer verbs before their one-character stems. */
const VERBS: [string, Direction][] = [
  ["增加(减少)", "either"],
  ["减少(增加)", "either"],
  ["增长(下降)", "either"],
  ["下降(增长)", "either"],
  ["无增减", "flat"],
  ["无变化", "flat"],
  ["没有变化", "flat"],
  ["持平", "flat"],
  ["一致", "flat"],
  ["不变", "flat"],
  ["增加", "up"],
  ["增长", "up"],
  ["上升", "up"],
  ["提高", "up"],
  ["减少", "down"],
  ["下降", "down"],
  ["降低", "down"],
  ["压减", "down"],
];

const QUALIFIERS: [string, "预算" | "决算" | "上年"][] = [
  ["年初预算", "预算"],
  ["预算数", "预算"],
  ["预算", "预算"],
  ["决算数", "决算"],
  ["决算", "决算"],
  ["实际支出", "决算"],
  ["上年度", "上年"],
  ["上年", "上年"],
  ["去年", "上年"],
];

const AMOUNT = /^(\d+(?:,\d{3})*(?:\.\d+)?)(亿元|万元|千元|元)/;
const PERCENT = /^(\d+(?:\.\d+)?)%/;
const NUMBER = /^\d+(?:,\d{3})*(?:\.\d+)?/;
const YEAR = /^((?:19|20)\d{2})年(?:度)?/;
const MARKS = ",;:()、";

function figure(raw: string): Figure {
  const plain = raw.replace(/,/g, "");
  const point = plain.indexOf(".");
  return { value: new Decimal(plain), decimals: point < 0 ? 0 : plain.length - point - 1, raw };
}

/** Scans one normalized sentence into tokens, left to right, each word at the first rule that reads it. */
export function tokenize(sentence: string, paragraphBefore: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let other = "";
  const flush = () => {
    if (other) out.push({ kind: "other", text: other, at: i - other.length });
    other = "";
  };
  const push = (t: Token, length: number) => {
    flush();
    out.push(t);
    i += length;
  };
  while (i < sentence.length) {
    const rest = sentence.slice(i);
    const before = sentence.slice(0, i);
    const year = YEAR.exec(rest);
    const amount = AMOUNT.exec(rest);
    const percent = PERCENT.exec(rest);
    if (year && !amount) {
      push({ kind: "year", year: Number(year[1]), at: i }, year[0].length);
      continue;
    }
    if (amount && !/\d$/.test(before)) {
      push({ kind: "amount", figure: figure(amount[1]), unit: amount[2] as MoneyUnit, at: i }, amount[0].length);
      continue;
    }
    if (percent && !/\d$/.test(before)) {
      push({ kind: "percent", figure: figure(percent[1]), at: i }, percent[0].length);
      continue;
    }
    const number = /\d$/.test(before) ? null : NUMBER.exec(rest);
    if (number) {
      push({ kind: "number", figure: figure(number[0]), at: i }, number[0].length);
      continue;
    }
    const alias = ALIASES.find(
      (a) => rest.startsWith(a.text) && itemMayStartAfter(before) && (!a.after || a.after.test(paragraphBefore + before)),
    );
    if (alias) {
      push({ kind: "item", id: alias.id, text: alias.text, at: i }, alias.text.length);
      continue;
    }
    const word = wordAt(rest, i);
    if (word) {
      push(word.token, word.length);
      continue;
    }
    if (MARKS.includes(rest[0])) {
      push({ kind: "mark", text: rest[0], at: i }, 1);
      continue;
    }
    other += rest[0];
    i++;
  }
  flush();
  return out;
}

function wordAt(rest: string, at: number): { token: Token; length: number } | null {
  const verb = VERBS.find(([w]) => rest.startsWith(w));
  if (verb) return { token: { kind: "verb", direction: verb[1], text: verb[0], at }, length: verb[0].length };
  // The fund's name is no qualifier: 一般公共预算 money can be a 决算 figure.
  if (rest.startsWith("一般公共预算")) return { token: { kind: "filler", at }, length: 6 };
  for (const w of ["完成年初预算的", "完成预算的", "预算完成率为", "预算完成率"])
    if (rest.startsWith(w)) return { token: { kind: "execution", at }, length: w.length };
  for (const w of ["与", "比", "较", "同比", "相比"])
    if (rest.startsWith(w)) return { token: { kind: "compare", at }, length: w.length };
  if (rest.startsWith("占")) return { token: { kind: "share", at }, length: 1 };
  if (rest.startsWith("其中")) return { token: { kind: "whole", at }, length: 2 };
  const q = QUALIFIERS.find(([w]) => rest.startsWith(w));
  if (q) return { token: { kind: "qualifier", which: q[1], at }, length: q[0].length };
  const f = FILLERS.find((w) => rest.startsWith(w));
  if (f) return { token: { kind: "filler", at }, length: f.length };
  return null;
}
