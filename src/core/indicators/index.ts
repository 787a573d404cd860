import { CheckContext } from "../context";
import { Finding } from "../finding";
import { SheetView } from "../snapshot";

/** Indicator and spending-plan rules for one indicator sheet (domain.md §6). */
export function checkIndicatorSheet(_view: SheetView, _ctx: CheckContext): Finding[] {
  return [];
}
