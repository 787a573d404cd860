import { decimalFromCellNumber } from "../amount";
import { excerpt } from "../excerpt";
import { SheetChecker } from "./sheet-checker";
import { columnName, rowLabelNear } from "./read/table-helpers";
import { TableLayout } from "./read/table-layout";

/** Figures of a column that must show one number of decimals before another is called odd. */
const MIN_ALIKE = 3;

/**
 * CELL-DECIMALS (docs/domain.md §8): a figure shown as a whole number in a column whose other figures
 * all show decimals (`1` among `28.00`, `0.00`): a format left unset, or a total that lost its
 * decimals. Judged on what the user sees, the text with the number format applied: the column's
 * decimals are a format only where some figure shows more decimals than its value has (a trailing
 * zero, `28.00`). Figures that show just their own decimals (`1116.7`, `502.5`) look the same under
 * General, where a whole total (`6490`) is no odd one out.
 */
export function checkDecimals(ck: SheetChecker, table: TableLayout): void {
  const { view } = ck;
  const fixedOf = new Map<string, number | null>();
  const fixed = (format: string) => {
    let d = fixedOf.get(format);
    if (d === undefined) {
      const m = /0\.(0+)(?![0#])/.exec(format.split(";")[0]);
      d = m ? m[1].length : null;
      fixedOf.set(format, d);
    }
    return d;
  };
  for (const col of table.amountCols) {
    // Without a format that fixes decimals there is nothing to stand out from (most tables): that
    // is settled before anything is collected.
    let anyFixed = false;
    for (let row = table.firstRow; row <= table.lastRow && !anyFixed; row = view.nextRow(row))
      if (typeof view.value(row, col) === "number" && fixed(view.numberFormat(row, col))) anyFixed = true;
    if (!anyFixed) continue;
    // Decimals a cell's number format fixes (`0.00` → 2); General shows what the value holds.
    const shown: { row: number; decimals: number | null }[] = [];
    for (let row = table.firstRow; row <= table.lastRow; row = view.nextRow(row))
      if (typeof view.value(row, col) === "number") shown.push({ row, decimals: fixed(view.numberFormat(row, col)) });
    for (const s of shown) if (s.decimals === null && /^[−-]?[\d,]+$/.test(view.text(s.row, col).trim())) s.decimals = 0;
    const counts = new Map<number, number>();
    for (const s of shown) if (s.decimals) counts.set(s.decimals, (counts.get(s.decimals) ?? 0) + 1);
    const [decimals, alike] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    if (!shown.some((s) => s.decimals && s.decimals > ownDecimals(view.value(s.row, col)))) continue;
    const whole = shown.filter((s) => s.decimals === 0 && view.value(s.row, col) !== 0);
    if (alike < MIN_ALIKE || alike < (shown.length - whole.length) * 0.8 || whole.length * 5 > shown.length) continue;
    for (const { row } of whole) {
      const label = rowLabelNear(view, table, row, col);
      const header = columnName(view, table, col);
      ck.report.add({
        rule: "CELL-DECIMALS",
        cell: view.address(row, col),
        anchor: `${label}|${header}|小数`,
        message: `${excerpt(label)}（${excerpt(header, 20)}）显示为“${excerpt(view.text(row, col))}”，而本列其他金额都显示 ${decimals} 位小数：可能漏设了数字格式，或这个数丢了小数`,
      });
    }
  }
}

/** Decimals the value itself has (`28` → 0, `1116.7` → 1), whatever its format shows. */
function ownDecimals(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? decimalFromCellNumber(value).decimalPlaces() : 0;
}
