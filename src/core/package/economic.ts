import { Decimal, readAmount } from "../amount";
import { SheetView, compactLabel } from "../snapshot";
import { locateTables } from "../totals/read/table-layout";
import type { SangongItem } from "./sangong";

/**
 * The 经济分类 lines of a 基本支出表 that are 三公 money (issue 20): each is a part of the 三公
 * table's item, since the 三公 table counts 基本 and 项目 spending alike.
 */
export const ECONOMIC_LINES: readonly { code: string; names: RegExp; item: SangongItem; title: string }[] = [
  { code: "30212", names: /^因公出国[（(]?境[)）]?费用?$/, item: "因公出国", title: "因公出国（境）费用" },
  { code: "30217", names: /^公务接待费$/, item: "公务接待", title: "公务接待费" },
  { code: "30231", names: /^公务用车运行维护费$/, item: "公务用车运行", title: "公务用车运行维护费" },
  { code: "31013", names: /^公务用车购置(?:费)?$/, item: "公务用车购置", title: "公务用车购置" },
];

export interface EconomicLine {
  code: string;
  item: SangongItem;
  title: string;
  row: number;
  /**
   * The figure's cell: the first amount column right of the name (the 合计, or the panel's 决算数, in
   * the templates), so a 行次 or 栏次 column between them is never read as money.
   */
  col: number;
  value: Decimal;
}

/**
 * Finds each line by its name and its code on the same row: one code cell (`30217`), the code
 * split over 类 and 款 cells (`302 | 17`), or the code in front of the name (`30217公务接待费`).
 */
export function readEconomicLines(view: SheetView): EconomicLine[] {
  const out: EconomicLine[] = [];
  const tables = locateTables(view);
  for (const r of view.rows()) {
    const cols = view.cols();
    const table = tables.find((t) => r >= t.firstRow && r <= t.lastRow);
    const amountCols = new Set(table?.amountCols ?? []);
    cols.forEach((c, i) => {
      const raw = compactLabel(view.text(r, c));
      if (raw === "") return;
      const prefix = /^(\d{5})(.*)$/.exec(raw);
      const name = prefix ? prefix[2] : raw;
      const line = ECONOMIC_LINES.find((l) => l.names.test(name));
      if (!line || out.some((o) => o.code === line.code)) return;
      const left = cols.slice(Math.max(0, i - 3), i).map((x) => compactLabel(view.text(r, x)));
      const coded =
        prefix?.[1] === line.code ||
        left.includes(line.code) ||
        left.some((t, j) => t === line.code.slice(0, 3) && left[j + 1] === line.code.slice(3));
      if (!coded || i + 1 >= cols.length) return;
      // Without a table reading (a sheet the layout reader does not understand), the next cell.
      const col = amountCols.size ? cols.slice(i + 1).find((c) => amountCols.has(c)) : cols[i + 1];
      if (col === undefined) return;
      const a = readAmount(view.value(r, col));
      const value = a.kind === "number" ? a.value : a.kind === "empty" ? new Decimal(0) : null;
      if (value) out.push({ code: line.code, item: line.item, title: line.title, row: r, col, value });
    });
  }
  return out;
}
