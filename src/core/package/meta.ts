import { SheetView } from "../snapshot";
import { unitNameOf } from "../unit-name";

/** Where a table states something about itself, and what. */
export interface Stated<T> {
  value: T;
  row: number;
  col: number;
}

/** The rows above a table's header where titles, years and 编制单位 are written. */
const HEADER_ROWS = 6;

const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
/** A cell that only states the year: `预算年度：2025`, `2024年度`, `（2023年）`. */
const YEAR_CELL = /^(?:(?:预算|决算|会计)?年度\s*[:：]\s*((?:19|20)\d{2})\s*年?度?|[（(]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?)$/;

/** The year a table states: in its title, or in a cell of the header rows that says only the year. */
export function statedYear(view: SheetView, title: { row: number; col: number; text: string }): Stated<number> | null {
  const inTitle = TITLE_YEAR.exec(title.text.replace(/\s+/g, ""));
  if (inTitle) return { value: Number(inTitle[1]), row: title.row, col: title.col };
  for (const r of headerRows(view))
    for (const c of view.cols()) {
      const m = YEAR_CELL.exec(view.text(r, c).trim());
      if (m) return { value: Number(m[1] ?? m[2]), row: r, col: c };
    }
  return null;
}

/** A label before the name that is not part of it (`部门：`, `编制单位：`). */
const NAME_LABEL = /^(?:编制|填报|预算|主管)?(?:部门|单位)(?:名称)?\s*[:：]\s*/;

/** The name as a message shows it and as names are compared: no label, no white space. */
export function cleanOrgName(name: string): string {
  return name.replace(/[\s\u3000]+/g, "").replace(NAME_LABEL, "");
}

/**
 * The 编制单位 a table names in its header rows, read by the batch report's reader
 * (src/core/unit-name.ts), and the cell that holds it.
 */
export function statedOrg(view: SheetView, snapshotName: Parameters<typeof unitNameOf>[0][number]): Stated<string> | null {
  const found = unitNameOf([snapshotName]);
  if (!found) return null;
  for (const r of headerRows(view))
    for (const c of view.cols()) if (view.text(r, c).includes(found)) return { value: cleanOrgName(found), row: r, col: c };
  return null;
}

function headerRows(view: SheetView): number[] {
  const last = view.stepRow(view.firstRow, HEADER_ROWS - 1);
  return view.rows().filter((r) => r <= last);
}

/** The value most entries carry (ties: the first seen), or null. */
export function majority<T>(values: readonly T[], key: (v: T) => string = String): T | null {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k) ?? { value: v, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  let best: { value: T; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best ? best.value : null;
}
