import { Decimal, MoneyUnit, convertUnit } from "../amount";
import { hasUnfilledSlot } from "../package/leftover";
import { ItemId, normalize } from "./lexicon";
import { Direction, Figure, Token, tokenize } from "./tokens";

/** A line of a 说明: a paragraph cell of a 说明 sheet, or a line of text given beside the workbook. */
export interface NarrativeLine {
  text: string;
  cell: string;
  /** Set for text given beside the workbook: the line's number, 1-based. */
  line?: number;
}

/** A money figure with its unit, as the text writes it. */
export interface Money {
  figure: Figure;
  unit: MoneyUnit;
}

/** What a change is against: last year's figure, or the 预算 beside a 决算. */
export interface Change {
  direction: Direction;
  verb: string;
  /** The change itself (`减少0.5万元`). */
  amount?: Money;
  /** The figure it is compared with, when the text gives it (`较上年2.08减少0.03万元`). */
  base?: Money;
  /** What the comparison names: a year (`比2021年`), 上年, 预算. */
  compareYear: number | null;
  againstLastYear: boolean;
  againstBudget: boolean;
  /** The comparison it was read from (a second one makes a second change). */
  from?: Change | null;
}

/** One figure the text gives for one item, and what the same sentence says about it. */
export interface Statement {
  /** Null when the figure's subject is not a known item (it still serves as a 其中 whole). */
  item: ItemId | null;
  /** The level (`17万元`); absent for a change given alone (`公务接待费减少38万元`). */
  level?: Money;
  /** `预算` / `决算` written between the item and its figure, `上年` for last year's figure. */
  qualifier: "预算" | "决算" | "上年" | null;
  /** The year the sentence names for it (not a year it is compared with). */
  year: number | null;
  change?: Change;
  rate?: { direction: Direction; figure: Figure };
  shares: { figure: Figure; whole: ItemId | null }[];
  /** `完成预算的P%`. */
  execution?: Figure;
  /** A second comparison of a figure already read: its level is not read again. */
  echo?: boolean;
  /** The last figure before the nearest `其中` in the paragraph: what a share is most likely of. */
  wholeBefore?: Money;
  /** The sentence (normalized), for messages, where in it the statement starts, and the line it is on. */
  sentence: string;
  at: number;
  place: NarrativeLine;
}

export const inYuan = (m: Money): Decimal => convertUnit(m.figure.value, m.unit, "元");

/** A paragraph, and the line each part of it came from. */
interface Paragraph {
  text: string;
  parts: { at: number; place: NarrativeLine }[];
}

/** Ends a paragraph: a sentence's end, or the colon that opens a list. */
const PARAGRAPH_END = /[。!?！？:：;；]\s*$/;
/** Starts a paragraph of its own: a numbered heading or item (一、 （一） 1. 1、 (1) ①). */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:[、．]|\.(?!\d))|[①-⑳])/;

/**
 * The 说明's paragraphs. Text copied from a PDF breaks a paragraph into lines wherever the page
 * wrapped it (`…比去年增加` / `1.55 万元,增长 39.4%`): when most lines (headings aside) end
 * mid-sentence before a line that is no new item, a line that does runs on into the next, unless
 * that one starts a numbered heading or item. Otherwise
 * (a Word document, a sheet, text typed a paragraph a line) every line is a paragraph.
 */
function paragraphs(lines: readonly NarrativeLine[]): Paragraph[] {
  const filled = lines.filter((l) => l.text.trim());
  // A line ends mid-sentence and runs on: not a heading, no end mark, and the next line is no new item.
  const runsOn = (l: NarrativeLine, i: number) =>
    !NUMBERED.test(l.text) && !PARAGRAPH_END.test(l.text.trim()) && i + 1 < filled.length && !NUMBERED.test(filled[i + 1].text);
  const wrapped = filled.filter(runsOn).length * 2 > filled.filter((l) => !NUMBERED.test(l.text)).length;
  const out: Paragraph[] = [];
  let open: Paragraph | null = null;
  for (const line of filled) {
    const text = line.text.trim();
    if (wrapped && open && !NUMBERED.test(text)) {
      open.parts.push({ at: open.text.length, place: line });
      open.text += text;
    } else {
      open = { text, parts: [{ at: 0, place: line }] };
      out.push(open);
    }
    if (PARAGRAPH_END.test(text)) open = null;
  }
  return out;
}

/** Sentences end at 。！？ and line breaks; a sentence's clauses share its subject. Each with the line it starts on. */
function sentences(paragraph: Paragraph): { text: string; place: NarrativeLine }[] {
  const out: { text: string; place: NarrativeLine }[] = [];
  for (const m of paragraph.text.matchAll(/[^。!?！？\n\r]+/g)) {
    const text = normalize(m[0]);
    if (!text) continue;
    const start = m.index! + m[0].length - m[0].trimStart().length;
    const place = [...paragraph.parts].reverse().find((p) => p.at <= start)!.place;
    out.push({ text, place });
  }
  return out;
}

/** Reads every statement of a 说明, paragraph by paragraph. */
export function readStatements(lines: readonly NarrativeLine[]): Statement[] {
  const out: Statement[] = [];
  for (const paragraph of paragraphs(lines)) {
    let before = "";
    let whole: Money | undefined;
    let changeLast = false;
    for (const { text: sentence, place } of sentences(paragraph)) {
      // Fail closed: with a figure left blank (占 %, 减少 万元) the next figure would be read as the blank's.
      if (hasUnfilledSlot(sentence)) {
        before += sentence;
        continue;
      }
      const read = readSentence(sentence, before, place, whole, changeLast);
      out.push(...read.statements);
      whole = read.whole;
      changeLast = read.changeLast;
      before += sentence;
    }
  }
  return out;
}

interface Pending {
  id: ItemId;
  /** Joined to the item before it by 、 (`出国费、接待费3万元`): the figure is a sum, not this item's. */
  listed: boolean;
}

function readSentence(
  sentence: string,
  paragraphBefore: string,
  place: NarrativeLine,
  wholeIn: Money | undefined,
  changeIn: boolean,
): { statements: Statement[]; whole: Money | undefined; changeLast: boolean } {
  const tokens = tokenize(sentence, paragraphBefore);
  const statements: Statement[] = [];
  let pending: Pending | null = null;
  let cleanSinceItem = false;
  let cleanSinceMark = true;
  let qualifier: Statement["qualifier"] = null;
  let cur: Statement | null = null;
  let compare: Change | null = null;
  let verb: { direction: Direction; text: string } | null = null;
  let share: { whole: ItemId | null } | null = null;
  let execution = false;
  let year: number | null = null;
  let whole = wholeIn;
  let lastLevel: Money | undefined;
  /** The last figure read was a change stated without a level, and no word the reader does not know came after it. */
  let changeLast = changeIn;
  /**
   * `比2021年增加231,448.10元，增长145.87%。其中：公务用车…174,732.10元，增长176.55%`: a 其中 right
   * after a change breaks the change down, so a bare figure after an item there is a part of the change, not the
   * item's level (the text dropped its 增加); it is not read as a level.
   */
  let breakdownOfChange = false;
  /** Words the reader does not know came after the last figure: a later verb is not about it. */
  let wordsSinceFigure = false;

  let subjectAt = 0;
  const open = (item: ItemId | null, level: Money | undefined): Statement => {
    const s: Statement = { item, qualifier, year, shares: [], sentence, at: subjectAt, place };
    if (level) s.level = level;
    if (whole) s.wholeBefore = whole;
    statements.push(s);
    return s;
  };
  const newCompare = (): Change => ({
    direction: "either",
    verb: "",
    compareYear: null,
    againstLastYear: false,
    againstBudget: false,
  });
  let verbTarget: Statement | null = null;
  const changeOf = (direction: Direction, text: string, base?: Change): Change => ({
    ...(base ?? compare ?? newCompare()),
    direction,
    verb: text,
    from: compare,
  });
  /** A change whose subject the reader does not know: read, so its figure is not taken for a level, and never judged. */
  const orphan = (v: { direction: Direction; text: string }): Statement => {
    const s = open(null, undefined);
    s.change = changeOf(v.direction, v.text);
    return s;
  };
  /**
   * What a verb is about: an item named since the last figure (`公务接待费同口径比2018年减少38万元`);
   * the statement just read, for its change or then its rate (`减少0.5万元，下降2.85%`); a second
   * comparison of the same figure (`比预算增加0万元，比去年增加1.55万元`); else nothing known.
   */
  const verbSubject = (direction: Direction, text: string): Statement | null => {
    if (pending) {
      const s = open(pending.listed ? null : pending.id, undefined);
      pending = null;
      s.change = changeOf(direction, text);
      cur = s;
      return s;
    }
    if (!cur || (wordsSinceFigure && !compare)) return null;
    if (!cur.change?.verb) {
      cur.change = changeOf(direction, text, cur.change);
      return cur;
    }
    if (compare && compare !== cur.change.from && cur.level) {
      const echo: Statement = { ...cur, shares: [], echo: true };
      delete echo.rate;
      delete echo.execution;
      echo.change = changeOf(direction, text);
      statements.push(echo);
      cur = echo;
      return echo;
    }
    return cur.rate ? null : cur;
  };

  /** A change amount just read, and whether a `(` came right after it: `减少1.5万元(42.86%)` gives its rate so. */
  const rateSlot: { change: { owner: Statement; direction: Direction; open: boolean } | null } = { change: null };
  for (const t of tokens) {
    const after = rateSlot.change;
    rateSlot.change = null;
    if (after && !after.open && t.kind === "mark" && t.text === "(") {
      rateSlot.change = { ...after, open: true };
      continue;
    }
    switch (t.kind) {
      case "item":
        if (share) {
          share.whole = t.id;
          break;
        }
        pending = { id: t.id, listed: pending !== null && !cleanSinceMarkAfterList(tokens, t) };
        subjectAt = t.at;
        cleanSinceItem = true;
        qualifier = null;
        compare = null;
        verb = null;
        break;
      case "filler":
        break;
      case "qualifier":
        if (compare) {
          if (t.which === "预算") compare.againstBudget = true;
          if (t.which === "上年") compare.againstLastYear = true;
        } else qualifier = t.which;
        break;
      case "year":
        if (compare) compare.compareYear = t.year;
        else year = t.year;
        break;
      case "mark":
        cleanSinceMark = true;
        if (t.text === "、" && pending) pending.listed = true;
        break;
      case "other":
        changeLast = false;
        cleanSinceItem = false;
        cleanSinceMark = false;
        wordsSinceFigure = true;
        break;
      case "compare":
        compare ??= newCompare();
        break;
      case "whole":
        whole = lastLevel ?? whole;
        breakdownOfChange = changeLast;
        break;
      case "share":
        share = { whole: null };
        break;
      case "execution":
        execution = true;
        break;
      case "verb": {
        verb = { direction: t.direction, text: t.text };
        verbTarget = verbSubject(t.direction, t.text);
        if (t.direction === "flat") verb = null;
        break;
      }
      case "amount":
      case "number": {
        const money: Money | null = t.kind === "amount" ? { figure: t.figure, unit: t.unit } : null;
        const target = cur;
        if (verb) {
          // 比上年减少0.5万元: the change itself; a second one in a row is about something the reader lost.
          const owner = verbTarget?.change && !verbTarget.change.amount ? verbTarget : orphan(verb);
          if (money) owner.change!.amount = money;
          // Only a change stated without its level (`…比2021年增加231,448.10元`) is what a 其中 may break down.
          changeLast = money !== null && !owner.level;
          cur = owner;
          if (money && !owner.rate) rateSlot.change = { owner, direction: verb.direction, open: false };
          verb = null;
        } else if (compare && target && !verb) {
          // 较上年2.08减少…, 较2024年的2190万元减少…: the figure compared with.
          target.change ??= { ...compare };
          target.change.base = money ?? { figure: t.figure, unit: target.level?.unit ?? "万元" };
        } else if (!money) {
          cleanSinceItem = false;
        } else if (pending && cleanSinceItem && breakdownOfChange) {
          pending = null;
          cur = null;
        } else if (pending && cleanSinceItem) {
          cur = open(pending.listed ? null : pending.id, money);
          lastLevel = money;
          changeLast = false;
          pending = null;
          compare = null;
        } else if (
          !pending &&
          cur?.level &&
          cur.item &&
          cleanSinceMark &&
          year !== null &&
          cur.year !== null &&
          year < cur.year
        ) {
          // 接待费2016年预算8万元，2015年预算12.5万元；对比减少4.35万元: the earlier year's figure is the base.
          cur.change = { ...newCompare(), compareYear: year, base: money };
          compare = null;
        } else if (!pending && cur && cleanSinceMark && qualifier && cur.item) {
          // …支出预算为49.9万元，支出决算为7.69万元: the same item, another kind of figure.
          cur = open(cur.item, money);
          lastLevel = money;
          changeLast = false;
          compare = null;
        } else {
          cur = open(null, money);
          lastLevel = money;
          changeLast = false;
          compare = null;
          pending = null;
        }
        qualifier = null;
        cleanSinceMark = false;
        wordsSinceFigure = false;
        break;
      }
      case "percent":
        if (share && cur) cur.shares.push({ figure: t.figure, whole: share.whole });
        else if (execution && cur) cur.execution = t.figure;
        else if (verb && verbTarget && !verbTarget.rate) verbTarget.rate = { direction: verb.direction, figure: t.figure };
        else if (after?.open) after.owner.rate = { direction: after.direction, figure: t.figure };
        share = null;
        execution = false;
        verb = null;
        wordsSinceFigure = false;
        break;
    }
  }
  return { statements, whole, changeLast };
}

/** True when the item follows a mark other than 、 since the previous item: a new clause, not a list. */
function cleanSinceMarkAfterList(tokens: Token[], item: Token): boolean {
  const i = tokens.indexOf(item);
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.kind === "item") return false;
    if (t.kind === "mark" && t.text !== "、") return true;
    if (t.kind === "amount" || t.kind === "percent") return true;
  }
  return true;
}
