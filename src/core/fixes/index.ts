import type { RuleId } from "../catalogue";
import type { Finding } from "../finding";
import { SheetView } from "../snapshot";
import { fractionToPercent, halfWidth, textToNumber } from "./cell-text";
import { FixPlan, FixPlanner, FixRefusal } from "./plan";
import { sumFormula } from "./sum-formula";

export type { CellContent, CellWrite, FixPlan, FixPlanner, FixRefusal } from "./plan";
export { undoWrites } from "./plan";

/**
 * The fix planners, keyed by rule id: the rule layer's own answer to "what would put this right".
 * The catalogue's `fix` sentence describes the planner of its rule, and a test holds the two
 * together (test/catalogue/fixes.test.ts): a rule promises a fix exactly when it has a planner here.
 */
const PLANNERS: Partial<Record<RuleId, FixPlanner>> = {
  "BAL-INCOME": sumFormula(),
  "BAL-SPEND": sumFormula(),
  "BAL-INCOME-TOTAL": sumFormula({ noSkippedFigure: true }),
  "BAL-SPEND-TOTAL": sumFormula({ noSkippedFigure: true }),
  "SUM-ROW": sumFormula(),
  "SUM-COL": sumFormula(),
  "CODE-TREE": sumFormula({ childrenBelow: true }),
  "CELL-TEXTNUM": textToNumber,
  "IND-FRACTION-PERCENT": fractionToPercent,
  "IND-FULLWIDTH": halfWidth,
};

/** The rules that have a planner. */
export const PLANNED_RULES: ReadonlySet<RuleId> = new Set(Object.keys(PLANNERS) as RuleId[]);

/**
 * The fixes a host applies, by rule: the task pane writes cells, so it applies every planner; the
 * page and the command line apply none yet. The catalogue's `fix` sentence is shown only for these.
 */
export type FixHost = ReadonlySet<RuleId>;

export const NO_FIXES: FixHost = new Set();

/** The fix of a finding that the host applies, or null when it has none for this rule or this cell. */
export function planFix(finding: Finding, view: SheetView, host: FixHost = PLANNED_RULES): FixPlan | null {
  const outcome = fixOutcome(finding, view, host);
  return outcome && "writes" in outcome ? outcome : null;
}

/**
 * As planFix, but a fix refused as unsafe says why (`refused`), so a host can show the reason where
 * the button would be, and the command line can list it beside the fixes it made.
 */
export function fixOutcome(finding: Finding, view: SheetView, host: FixHost = PLANNED_RULES): FixPlan | FixRefusal | null {
  const planner = host.has(finding.rule) ? PLANNERS[finding.rule] : undefined;
  const plan = planner?.(finding, view);
  return plan ? { findingId: finding.id, rule: finding.rule, ...plan } : null;
}

export function isRefusal(outcome: FixPlan | FixRefusal | null): outcome is FixRefusal {
  return outcome !== null && "refused" in outcome;
}
