import { Decimal, readAmount } from "../amount";
import { SheetView, compactLabel } from "../snapshot";
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
   * The figure's cell: the first cell right of the name that is not a 行次 or 序号, the 合计 (or the
   * panel's 决算数) in the templates.
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
  for (const r of view.rows()) {
    const cols = view.cols();
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
      // The figure is right of the name, past a 行次/序号 column a table may put there.
      let next = i + 1;
      while (next < cols.length && serialColumn(view, r, cols[next])) next++;
      if (!coded || next >= cols.length) return;
      const col = cols[next];
      const a = readAmount(view.value(r, col));
      const value = a.kind === "number" ? a.value : a.kind === "empty" ? new Decimal(0) : null;
      if (value) out.push({ code: line.code, item: line.item, title: line.title, row: r, col, value });
    });
  }
  return out;
}

/** A 行次/栏次/序号 column: the nearest text above the row in it is that header. */
function serialColumn(view: SheetView, row: number, col: number): boolean {
  for (let r = view.prevRow(row); r >= view.firstRow; r = view.prevRow(r)) {
    const v = view.value(r, col);
    if (typeof v === "string" && v.trim() !== "") return /^(序号|栏次|行次)$/.test(compactLabel(v));
  }
  return false;
}
