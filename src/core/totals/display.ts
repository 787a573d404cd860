import { Decimal, formatAmount, groupThousands } from "../amount";
import { SheetView } from "../snapshot";

/** How many decimals a column shows, read from its number format. */
export interface AmountStyle {
  decimals: number;
}

/**
 * The style of a number format's positive section (`#,##0.00` → 2 decimals), or null for
 * General and text formats, whose cells show as many decimals as they hold.
 */
function amountStyle(numberFormat: string): AmountStyle | null {
  const section = (numberFormat.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "");
  if (!/[0#?]/.test(section)) return null;
  const point = section.indexOf(".");
  const decimals = point < 0 ? 0 : (section.slice(point + 1).match(/[0#?]/g) ?? []).length;
  return { decimals };
}

/**
 * An amount as a message shows it: the column's decimals (more when the figure holds more, so a
 * message never hides a digit; two for cells in General), always with thousands separators, as the
 * card's 应为/实际/相差 line writes it, so a sentence and its card never disagree on a figure.
 */
export function displayAmount(value: Decimal, style: AmountStyle | null): string {
  return groupThousands(style ? value.toFixed(Math.max(style.decimals, value.decimalPlaces())) : formatAmount(value));
}

/** The style of the cell a message is about. */
export function cellStyle(view: SheetView, row: number, col: number): AmountStyle | null {
  return amountStyle(view.numberFormat(row, col));
}
