import { Decimal, convertUnit } from "../amount";
import { PackageKind } from "../package/tables";
import { quotedAround } from "../package/leftover";
import { Reporter } from "../reporter";
import { ITEM_DEFS, ItemId } from "./lexicon";
import { Change, Money, Statement, inYuan } from "./parse";
import { TableFacts, TableFigure } from "./tables";
import { Figure } from "./tokens";

/** What every 说明 rule reads: the statements, the tables' facts, the package's year and kind. */
export interface NarrativeContext {
  statements: Statement[];
  facts: TableFacts;
  year: number | null;
  kind: PackageKind | null;
  /** The rounding band, in each table's own unit. */
  band: Decimal;
  report: Reporter;
}

/** Where a statement's finding goes: the 说明 cell, or the line of the text given beside the workbook. */
export function placeOf(s: Statement, rule: string) {
  return { cell: s.place.cell, line: s.place.line, anchor: `${rule}|${s.place.cell}|${s.at}` };
}

/** What a message quotes of the sentence: at most 40 characters, from the statement's item on. */
export function quoteOf(s: Statement): string {
  return quotedAround(s.sentence, s.at + 8).replace(/[,;:()]/g, (c) => FULL_WIDTH[c]);
}

/** The reader scans half-width punctuation; a message shows the Chinese the user wrote. */
const FULL_WIDTH: Record<string, string> = { ",": "，", ";": "；", ":": "：", "(": "（", ")": "）" };

export const itemName = (id: ItemId) => ITEM_DEFS.get(id)?.name ?? id;

/** A decimal rounded half up to the text's decimals, as an accountant rounds (5.555… → 5.56). */
export function rounded(value: Decimal, decimals: number): Decimal {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

export function percentText(value: Decimal, decimals: number): string {
  return `${rounded(value, decimals).toFixed(decimals)}%`;
}

/** A text figure in another unit (万元 written, 元 in the table). */
export const moneyIn = (m: Money, unit: TableFigure["unit"]) => convertUnit(m.figure.value, m.unit, unit);

/**
 * True when the text's figure is the table's, within the band or as the text rounds it: `37万元`
 * for 36.97 is a rounding, not a contradiction.
 */
export function agrees(text: Money, table: TableFigure, band: Decimal): boolean {
  const written = moneyIn(text, table.unit);
  if (written.minus(table.value).abs().lte(band)) return true;
  const asWritten = rounded(convertUnit(table.value, table.unit, text.unit), text.figure.decimals);
  return asWritten.eq(text.figure.value);
}

/** The change as a signed figure in the level's unit: +B for 增加, −B for 减少; null when the verb says neither. */
export function signedChange(s: Statement): Decimal | null {
  const c = s.change;
  if (!c?.amount || !s.level) return null;
  const d = directionOf(s);
  if (d !== "up" && d !== "down") return null;
  const b = convertUnit(c.amount.figure.value, c.amount.unit, s.level.unit);
  return d === "up" ? b : b.negated();
}

/**
 * The statement's direction: its change verb's, else its rate verb's; "conflict" when the two say
 * opposite things (NARR-DIRECTION's case), "either" when neither says (the template's 增加（减少）).
 */
export function directionOf(s: Statement): "up" | "down" | "flat" | "either" | "conflict" {
  const a = s.change?.direction;
  const b = s.rate?.direction;
  const firm = (d: string | undefined) => d === "up" || d === "down";
  if (firm(a) && firm(b) && a !== b) return "conflict";
  if (firm(a)) return a as "up" | "down";
  if (firm(b)) return b as "up" | "down";
  if (a === "flat") return "flat";
  return "either";
}

/** The base of a change, in the level's unit: the figure compared with, or the level less the change. */
export function baseOf(s: Statement): Decimal | null {
  if (!s.level) return null;
  if (s.change?.base) return convertUnit(s.change.base.figure.value, s.change.base.unit, s.level.unit);
  const delta = signedChange(s);
  return delta === null ? null : s.level.figure.value.minus(delta);
}

/** What a comparison is against, as far as the tables can show it: last year's column, or the 预算 beside a 决算. */
export function againstOf(change: Change, s: Statement, ctx: NarrativeContext): "上年" | "预算" | null {
  const year = s.year ?? ctx.year;
  if (change.compareYear !== null) {
    if (year !== null && change.compareYear === year - 1) return "上年";
    if (year !== null && change.compareYear === year && change.againstBudget) return "预算";
    return null;
  }
  if (change.againstLastYear) return "上年";
  if (change.againstBudget && (ctx.kind === "部门决算" || s.qualifier === "决算")) return "预算";
  return null;
}

/** The table figure a statement's level speaks of, when its year and kind match the table's; else null. */
export function tableFigureFor(s: Statement, ctx: NarrativeContext): TableFigure | null {
  if (!s.item || !s.level || s.qualifier === "上年") return null;
  if (s.year !== null && ctx.year !== null && s.year !== ctx.year) return null;
  if (s.qualifier === "预算" && ctx.kind === "部门决算") return ctx.facts.budget(s.item);
  if (s.qualifier === "决算" && ctx.kind === "部门预算") return null;
  return ctx.facts.figure(s.item);
}

export const same = (a: Money, b: Money) => inYuan(a).eq(inYuan(b));

export const shown = (f: Figure) => f.raw;
