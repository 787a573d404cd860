import { convertUnit } from "../amount";
import { shownAmount, signedDifference } from "../excerpt";
import {
  NarrativeContext,
  agrees,
  directionOf,
  itemName,
  moneyIn,
  placeOf,
  quoteOf,
  signedChange,
  tableFigureFor,
} from "./context";
import { tableChange } from "./direction";

/**
 * NARR-VS-TABLE: a figure the 说明 gives for a table item differs from the table beyond the band
 * (issue 20): the item's figure, and the change it states where the table shows what it is
 * compared with. A figure the text rounds (`37万元` for 36.97) agrees.
 */
export function checkAgainstTables(ctx: NarrativeContext): void {
  for (const s of ctx.statements) {
    if (!s.item || !s.level || s.echo) continue;
    const table = tableFigureFor(s, ctx);
    if (!table) continue;
    const where = `${table.sheet}!${table.cell}`;
    if (!agrees(s.level, table, ctx.band)) {
      const written = moneyIn(s.level, table.unit);
      ctx.report.add({
        rule: "NARR-VS-TABLE",
        ...placeOf(s, "NARR-VS-TABLE"),
        related: [`'${table.sheet}'!${table.cell}`],
        expected: table.value,
        actual: written,
        unit: table.unit,
        message: `${quoteOf(s)}：说明写${itemName(s.item)} ${s.level.figure.raw}${s.level.unit}，表中（${where}）为 ${shownAmount(table.value)}${table.unit}，相差 ${signedDifference(written.minus(table.value))}${table.unit}`,
      });
      continue;
    }
    const t = tableChange(ctx, s);
    const stated = signedChange(s);
    const d = directionOf(s);
    if (!t || stated === null || (d !== "up" && d !== "down")) continue;
    // A change in the wrong direction is NARR-DIRECTION's; here only its size.
    if (t.delta.isNegative() !== stated.isNegative()) continue;
    const writtenDelta = convertUnit(stated, s.level.unit, t.main.unit);
    if (
      agrees(
        { figure: { ...s.change!.amount!.figure, value: stated.abs() }, unit: s.level.unit },
        { ...t.main, value: t.delta.abs() },
        ctx.band,
      )
    )
      continue;
    ctx.report.add({
      rule: "NARR-VS-TABLE",
      ...placeOf(s, "NARR-VS-TABLE"),
      related: [`'${t.main.sheet}'!${t.main.cell}`, `'${t.base.sheet}'!${t.base.cell}`],
      expected: t.delta,
      actual: writtenDelta,
      unit: t.main.unit,
      message: `${quoteOf(s)}：说明写与${t.against}相比${s.change!.verb} ${s.change!.amount!.figure.raw}${s.change!.amount!.unit}，表中${itemName(s.item)}从 ${shownAmount(convertUnit(t.base.value, t.base.unit, t.main.unit))} 到 ${shownAmount(t.main.value)}，变化 ${signedDifference(t.delta)}${t.main.unit}`,
    });
  }
}
