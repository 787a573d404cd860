import { NarrativeContext, itemName, placeOf, quoteOf, same } from "./context";
import { Statement } from "./parse";

/**
 * NARR-TWO-VALUES: the 说明 gives one item two different figures (issue 20). Figures are
 * compared only when nothing tells them apart: the same item, the same 预算 / 决算 / 上年, the
 * same year. The finding goes on the later one.
 */
export function checkTwoValues(ctx: NarrativeContext): void {
  const first = new Map<string, Statement>();
  // A sentence that names no year speaks of the year the tables (or the 说明's first year) name.
  const year = ctx.year ?? ctx.statements.find((s) => s.year !== null)?.year ?? null;
  for (const s of ctx.statements) {
    if (!s.item || !s.level || s.echo) continue;
    const key = `${s.item}|${s.qualifier ?? ""}|${s.year ?? year ?? ""}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, s);
      continue;
    }
    if (same(earlier.level!, s.level)) continue;
    const where = earlier.place.line !== undefined ? `第 ${earlier.place.line} 行` : earlier.place.cell;
    ctx.report.add({
      rule: "NARR-TWO-VALUES",
      ...placeOf(s, "NARR-TWO-VALUES"),
      related: earlier.place.line === undefined ? [earlier.place.cell] : [],
      message: `${quoteOf(s)}：${itemName(s.item)}在这里是 ${s.level.figure.raw}${s.level.unit}，而前文（${where}）写的是 ${earlier.level!.figure.raw}${earlier.level!.unit}`,
    });
  }
}
