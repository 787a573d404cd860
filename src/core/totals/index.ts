import { CheckContext } from "../context";
import { Finding } from "../finding";
import { SheetKind, StandardTable } from "../classify";
import { SheetView } from "../snapshot";

/** Totals, code trees, formulas and cell checks for one sheet (domain.md §3, §4). */
export function checkTotalsSheet(_view: SheetView, _ctx: CheckContext, _kind: SheetKind, _table?: StandardTable): Finding[] {
  return [];
}

/** Cross-table checks (domain.md §5) over the sheets that were recognised as standard tables. */
export function checkCrossTables(_tables: { view: SheetView; table: StandardTable; ctx: CheckContext }[]): Finding[] {
  return [];
}
