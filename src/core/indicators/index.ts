import { CheckContext } from "../context";
import { Finding } from "../finding";
import { Reporter } from "../reporter";
import { reportNoIndicatorHeader } from "../sheet-rules";
import { SheetView } from "../snapshot";
import { forEachBlock } from "./read/blocks";
import { checkCosts } from "./cost-vs-budget";
import { checkPlan } from "./spending-plan";
import { BlockScope } from "./scope";
import { checkStructure } from "./indicator-structure";
import { checkValues } from "./indicator-values";

export { parseIndicatorValue } from "./read/value-grammar";
export type { IndicatorValue, IndicatorForm, Comparator } from "./read/value-grammar";
export { readBlocks } from "./read/blocks";
export type { IndicatorBlock, IndicatorRow } from "./read/blocks";

/** Indicator and spending-plan rules for one indicator sheet (docs/domain.md §6). */
export function checkIndicatorSheet(view: SheetView, ctx: CheckContext): Finding[] {
  const report = new Reporter(view.name);
  if (view.rowCount === 0) return report.findings;
  // Each block is checked as soon as it is read; see forEachBlock.
  const blockCount = forEachBlock(view, ctx.unit, (block) => {
    const scope: BlockScope = { view, ctx, block, report };
    checkStructure(scope);
    checkValues(scope);
    checkCosts(scope);
    checkPlan(scope);
  });
  if (blockCount === 0) reportNoIndicatorHeader(report, view);
  return report.findings;
}
