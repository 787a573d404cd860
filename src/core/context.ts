import Decimal from "decimal.js";
import { MoneyUnit } from "./amount";

/** What every rule may consult besides the sheet itself. */
export interface CheckContext {
  /** Rounding band in the table's own unit (docs/domain.md §2); default DEFAULT_TOLERANCE (src/core/tolerance.ts). */
  band: Decimal;
  /** The sheet's money unit as stated in its header, or 万元 when it states none. */
  unit: MoneyUnit;
  /** True when the sheet states its unit; false when `unit` is the assumed default. */
  unitStated: boolean;
}
