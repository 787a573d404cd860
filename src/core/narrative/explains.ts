import { Decimal, MoneyUnit, convertUnit } from "../amount";
import { stripNumbering } from "../totals/read/labels";
import { rounded } from "./context";
import { ALIASES, ItemId, normalize } from "./lexicon";
import { Money, NarrativeLine, readStatements } from "./parse";

/** Words that give a reason: the 说明 explains, not only restates, a change. */
const REASON = /原因|由于|因为|主要是|系因/;

/** The item a table's row label names (`三、公务接待费`, `卫生健康支出`), or null when the 说明 reader does not know it. */
export function itemOfLabel(label: string): ItemId | null {
  const l = stripNumbering(normalize(label).replace(/^其中[:：]?/, ""));
  return ALIASES.find((a) => a.text === l && !a.after)?.id ?? null;
}

/** A written figure agrees with the table's when it is the table's as the text rounds it. */
function writes(m: Money | undefined, value: Decimal, unit: MoneyUnit): boolean {
  if (!m) return true;
  return rounded(convertUnit(value, unit, m.unit), m.figure.decimals).eq(m.figure.value);
}

/**
 * Does this 说明 explain a change of the item from `from` to `to` (in `unit`)? For the year-on-year
 * check (issue 21), which drops a large change the 说明 explains. True when a sentence names the item
 * (a 三公 item, a 收支 total, 基本/项目支出, a 类 …), says it changed in the same direction (持平 for
 * no change), any figure it gives agrees with `to` and with the change, and its paragraph gives a
 * reason (原因, 由于 …). Fails closed: an item the reader does not know is never explained.
 */
export function narrativeExplainsChange(
  narrative: string | readonly NarrativeLine[],
  item: string,
  from: Decimal,
  to: Decimal,
  unit: MoneyUnit,
): boolean {
  const id = itemOfLabel(item);
  if (!id) return false;
  const lines =
    typeof narrative === "string"
      ? narrative
          .split(/\r\n|\r|\n/)
          .map((text, i) => ({ text, cell: `A${i + 1}`, line: i + 1 }))
          .filter((l) => l.text.trim())
      : narrative;
  const delta = to.minus(from);
  const direction = delta.isZero() ? "flat" : delta.isPositive() ? "up" : "down";
  return readStatements(lines).some((s) => {
    if (s.item !== id || !s.change || s.change.direction !== direction) return false;
    if (!writes(s.level, to, unit)) return false;
    if (!writes(s.change.amount, delta.abs(), unit)) return false;
    const paragraph = normalize(s.place.text);
    return REASON.test(paragraph.slice(Math.max(0, paragraph.indexOf(s.sentence))));
  });
}
