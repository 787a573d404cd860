import { Decimal, formatAmount, groupThousands } from "../amount";
import { SheetView } from "../snapshot";

/** How a column shows its figures: decimals and thousands separators, read from its number format. */
export interface AmountStyle {
  decimals: number;
  grouped: boolean;
}

/**
 * The style of a number format's positive section (`#,##0.00` → 2 decimals, grouped), or null for
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
  const integer = point < 0 ? section : section.slice(0, point);
  return { decimals, grouped: /[0#?],+[0#?]/.test(integer) };
}

/**
 * An amount as the table shows it: the column's decimals (more when the figure holds more, so a
 * message never hides a digit) and its separators. Cells in General keep today's two decimals.
 */
export function displayAmount(value: Decimal, style: AmountStyle | null): string {
  if (!style) return formatAmount(value);
  const text = value.toFixed(Math.max(style.decimals, value.decimalPlaces()));
  return style.grouped ? groupThousands(text) : text;
}

/** The style of the cell a message is about. */
export function cellStyle(view: SheetView, row: number, col: number): AmountStyle | null {
  return amountStyle(view.numberFormat(row, col));
}
