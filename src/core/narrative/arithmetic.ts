import { Decimal } from "../amount";
import { ITEM_DEFS, ItemId } from "./lexicon";
import { Money, Statement, inYuan } from "./parse";
import { NarrativeContext, baseOf, directionOf, itemName, percentText, placeOf, quoteOf, rounded, signedChange } from "./context";
import { Figure } from "./tokens";

const HUNDRED = new Decimal(100);

/**
 * NARR-ARITH: the 说明's own arithmetic (issue 20). A rate (`增长P%`) is the change over the
 * base, rounded to the decimals the text writes; a share (`占P%`) is the figure over a whole the
 * text states; `完成预算的P%` is the 决算 over the 预算; a growth from a base of 0 has no rate.
 */
export function checkArithmetic(ctx: NarrativeContext): void {
  ctx.statements.forEach((s, i) => {
    if (!s.item || !s.level) return;
    checkRate(ctx, s);
    checkStatedBase(ctx, s);
    for (const share of s.shares) checkShare(ctx, s, share, ctx.statements.slice(0, i));
    checkExecution(ctx, s);
  });
}

function add(ctx: NarrativeContext, s: Statement, message: string): void {
  ctx.report.add({ rule: "NARR-ARITH", ...placeOf(s, "NARR-ARITH"), message });
}

function checkRate(ctx: NarrativeContext, s: Statement): void {
  const rate = s.rate;
  const d = directionOf(s);
  if (!rate || !s.level || (d !== "up" && d !== "down")) return;
  const base = baseOf(s);
  if (base === null || base.isNegative()) return;
  const level = s.level.figure.value;
  const change = s.change?.amount ? signedChange(s)!.abs() : level.minus(base).abs();
  if (base.isZero()) {
    if (rate.figure.value.isZero()) return;
    add(
      ctx,
      s,
      `${quoteOf(s)}：上年为 0，${itemName(s.item!)}从 0 增加无法计算增长率，不应写${d === "up" ? "增长" : "下降"} ${rate.figure.raw}%`,
    );
    return;
  }
  const expected = rounded(change.div(base).times(HUNDRED), rate.figure.decimals);
  if (expected.eq(rate.figure.value)) return;
  add(
    ctx,
    s,
    `${quoteOf(s)}：${change.toFixed()} ÷ ${base.toFixed()} = ${percentText(change.div(base).times(HUNDRED), Math.max(2, rate.figure.decimals + 1))}，` +
      `按文中的小数位应写 ${percentText(expected, rate.figure.decimals)}，文中写 ${rate.figure.raw}%`,
  );
}

/** `较上年2.08减少0.03万元`: the level less the stated base must be the stated change. */
function checkStatedBase(ctx: NarrativeContext, s: Statement): void {
  const c = s.change;
  const delta = signedChange(s);
  if (!c?.base || !s.level || delta === null) return;
  const base = baseOf(s)!;
  const actual = s.level.figure.value.minus(base);
  const decimals = Math.min(s.level.figure.decimals, c.base.figure.decimals, c.amount!.figure.decimals);
  const slack = new Decimal(10).pow(-decimals).div(2);
  if (actual.minus(delta).abs().lte(slack)) return;
  add(
    ctx,
    s,
    `${quoteOf(s)}：${s.level.figure.raw} − ${c.base.figure.raw} = ${actual.toFixed()}，与文中的变化数 ${c.amount!.figure.raw} 对不上`,
  );
}

/** The wholes a share may be of: a whole the sentence names, the figure before 其中, the item's parents as stated before. */
function wholesOf(s: Statement, named: ItemId | null, earlier: readonly Statement[]): Money[] {
  const stated = (id: ItemId): Money | undefined =>
    [...earlier].reverse().find((e) => e.item === id && e.level && e.qualifier === s.qualifier)?.level;
  const out: Money[] = [];
  if (named) {
    const m = stated(named);
    return m ? [m] : [];
  }
  if (s.wholeBefore) out.push(s.wholeBefore);
  for (const parent of ITEM_DEFS.get(s.item!)?.parents ?? []) {
    const m = stated(parent);
    if (m) out.push(m);
  }
  return out;
}

function checkShare(
  ctx: NarrativeContext,
  s: Statement,
  share: { figure: Figure; whole: ItemId | null },
  earlier: readonly Statement[],
): void {
  const wholes = wholesOf(s, share.whole, earlier).filter((w) => !inYuan(w).isZero());
  if (wholes.length === 0) return;
  const part = inYuan(s.level!);
  const ratio = (w: Money) => part.div(inYuan(w)).times(HUNDRED);
  if (wholes.some((w) => rounded(ratio(w), share.figure.decimals).eq(share.figure.value))) return;
  const w = wholes[0];
  add(
    ctx,
    s,
    `${quoteOf(s)}：${s.level!.figure.raw} ÷ ${w.figure.raw} = ${percentText(ratio(w), Math.max(2, share.figure.decimals + 1))}，` +
      `应写占 ${percentText(ratio(w), share.figure.decimals)}，文中写 ${share.figure.raw}%`,
  );
}

/** `预算为49.9万元，支出决算为7.69万元，完成预算的15.41%`: 决算 ÷ 预算, in the same sentence. */
function checkExecution(ctx: NarrativeContext, s: Statement): void {
  if (!s.execution || s.qualifier !== "决算") return;
  const budget = ctx.statements.find(
    (o) => o.sentence === s.sentence && o.place === s.place && o.item === s.item && o.qualifier === "预算" && o.level,
  );
  if (!budget?.level || inYuan(budget.level).isZero()) return;
  const ratio = inYuan(s.level!).div(inYuan(budget.level)).times(HUNDRED);
  if (rounded(ratio, s.execution.decimals).eq(s.execution.value)) return;
  add(
    ctx,
    s,
    `${quoteOf(s)}：${s.level!.figure.raw} ÷ ${budget.level.figure.raw} = ${percentText(ratio, Math.max(2, s.execution.decimals + 1))}，文中写完成预算的 ${s.execution.raw}%`,
  );
}
