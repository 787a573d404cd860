import { convertUnit } from "../amount";
import { shownAmount } from "../excerpt";
import { NarrativeContext, againstOf, agrees, baseOf, directionOf, itemName, placeOf, quoteOf, tableFigureFor } from "./context";
import { Statement } from "./parse";

const WORD = { up: "增加", down: "减少", flat: "持平" } as const;

/**
 * NARR-DIRECTION: the verb contradicts the sign (issue 20). Within the sentence: 增加 with 下降,
 * or a stated base the figure is below. Against the tables: a 增加 where the table's figure fell
 * from last year's (or from the 预算), a 减少 where it rose, a 持平 where it moved.
 */
export function checkDirections(ctx: NarrativeContext): void {
  for (const s of ctx.statements) {
    if (!s.item || !s.level) continue;
    const d = directionOf(s);
    if (d === "conflict") {
      add(ctx, s, `${quoteOf(s)}：前面说${s.change!.verb}，后面说${s.rate!.direction === "up" ? "增长" : "下降"}，方向自相矛盾`);
      continue;
    }
    if (d === "either") continue;
    if (s.change?.base && d !== "flat") {
      const base = baseOf(s)!;
      const rose = s.level.figure.value.gt(base);
      const fell = s.level.figure.value.lt(base);
      if ((d === "up" && fell) || (d === "down" && rose)) {
        add(
          ctx,
          s,
          `${quoteOf(s)}：${s.level.figure.raw} 比 ${s.change.base.figure.raw} ${rose ? "多" : "少"}，却写作${s.change.verb}`,
        );
        continue;
      }
    }
    againstTable(ctx, s, d);
  }
}

function add(ctx: NarrativeContext, s: Statement, message: string): void {
  ctx.report.add({ rule: "NARR-DIRECTION", ...placeOf(s, "NARR-DIRECTION"), message });
}

/** The table's own change, when the statement's figure is the table's and the table shows what it is compared with. */
export function tableChange(ctx: NarrativeContext, s: Statement) {
  const against = s.change ? againstOf(s.change, s, ctx) : null;
  const main = tableFigureFor(s, ctx);
  if (!against || !main || !s.level || !agrees(s.level, main, ctx.band)) return null;
  const base = ctx.facts.base(s.item!, against);
  if (!base) return null;
  return { main, base, against, delta: main.value.minus(convertUnit(base.value, base.unit, main.unit)) };
}

function againstTable(ctx: NarrativeContext, s: Statement, d: "up" | "down" | "flat"): void {
  const t = tableChange(ctx, s);
  if (!t) return;
  const moved = t.delta.abs().gt(ctx.band);
  const wrong = d === "flat" ? moved : moved && (d === "up" ? t.delta.isNegative() : t.delta.isPositive());
  if (!wrong) return;
  const fact = !moved ? "没有变化" : t.delta.isNegative() ? "减少" : "增加";
  add(
    ctx,
    s,
    `${quoteOf(s)}：文中说与${t.against}相比${WORD[d]}，而表中${itemName(s.item!)}从 ${shownAmount(convertUnit(t.base.value, t.base.unit, t.main.unit))} 到 ${shownAmount(t.main.value)}（${t.main.unit}），是${fact}`,
  );
}
