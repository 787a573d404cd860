import { toA1 } from "../address";
import { CheckContext } from "../context";
import { Finding, makeFinding } from "../finding";
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

/** Indicator and spending-plan rules for one indicator sheet (domain.md §6). */
export function checkIndicatorSheet(view: SheetView, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  if (view.rowCount === 0) return out;
  // Each block is checked as soon as it is read; see forEachBlock.
  const blockCount = forEachBlock(view, ctx.unit, (block) => {
    const scope: BlockScope = { view, ctx, block, out };
    checkStructure(scope);
    checkValues(scope);
    checkCosts(scope);
    checkPlan(scope);
  });
  if (blockCount === 0) {
    // §8: a sheet that looks like an indicator sheet but has no readable header is said so, not guessed.
    out.push(
      makeFinding({
        rule: "LAYOUT-UNKNOWN",
        sheet: view.name,
        cell: toA1(view.firstRow, view.firstCol),
        anchor: "绩效指标表头",
        message: `工作表「${view.name}」中找不到含“一级指标”“二级指标”或“指标名称”“指标值”的表头行，未检查绩效指标`,
      }),
    );
  }
  return out;
}
