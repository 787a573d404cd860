import { readAmount } from "../amount";
import { SheetView } from "../snapshot";
import { locateTables } from "../totals/read/table-layout";
import type { Stated } from "./meta";

/**
 * A note that says why a table is empty, as real packages write it: 本单位无…, 本表为空表,
 * 故本表无数据, 空表列示, 无政府性基金预算…. A note that only says an item is nil is not one.
 */
const EMPTY_NOTE =
  /本表为空|此表为空|为空表|空表列示|本表无数据|故本表无|故.{0,12}为空|(?:本|我)(?:单位|部门|局)(?:本年度?|当年|年度)?(?:无|没有|未安排|不涉及)|^(?:注|说明|备注)?[:：]?\s*(?:本年度?|当年)?(?:无|没有|未安排|不涉及).{0,30}(?:预算|决算|支出|收入|拨款|经费|资金)/;

/** A note that names this table as empty: only these can contradict a table that holds amounts. */
const TABLE_EMPTY_NOTE = /本表为空|此表为空|为空表|空表列示|本表无数据|故本表无|故(?:本|此)表.{0,8}为空/;

export interface Emptiness {
  /** False when no amount column could be read: then nothing is said. */
  readable: boolean;
  /** Some amount cell of the table holds a figure other than 0. */
  hasAmounts: boolean;
  /** A cell that says the table is empty (any of EMPTY_NOTE), and whether it names the table (TABLE_EMPTY_NOTE). */
  note: (Stated<string> & { namesTable: boolean }) | null;
}

export function emptinessOf(view: SheetView): Emptiness {
  const tables = locateTables(view);
  let hasAmounts = false;
  const inAmounts = new Set<string>();
  for (const t of tables)
    for (const r of view.rows()) {
      if (r < t.firstRow || r > t.lastRow) continue;
      for (const c of t.amountCols) {
        inAmounts.add(`${r}|${c}`);
        const a = readAmount(view.value(r, c));
        if (a.kind === "number" && !a.value.isZero()) hasAmounts = true;
      }
    }
  return { readable: tables.some((t) => t.amountCols.length > 0), hasAmounts, note: emptyNote(view, inAmounts) };
}

function emptyNote(view: SheetView, skip: Set<string>): Emptiness["note"] {
  for (const r of view.rows())
    for (const c of view.cols()) {
      if (skip.has(`${r}|${c}`)) continue;
      const text = view.text(r, c).replace(/[\s\u3000]+/g, "");
      if (text.length < 4 || !EMPTY_NOTE.test(text)) continue;
      return { value: text, row: r, col: c, namesTable: TABLE_EMPTY_NOTE.test(text) };
    }
  return null;
}
