import { Decimal, MoneyUnit, compareWithBand } from "./amount";
import { RuleId, ruleById } from "./catalogue";
import { excerpt, shownAmount, signedDifference } from "./excerpt";
import type { Severity } from "./severity";

/** An identity to judge: `subject` (actual) should equal `expectedPhrase` (expected). */
export interface Identity {
  rule: RuleId;
  /** How the sentence names the judged figure, such as `本年支出合计（合计）`. */
  subject: string;
  actual: Decimal;
  /** How the sentence names what it should equal, such as `各项支出之和`. */
  expectedPhrase: string;
  expected: Decimal;
  /** How the sentence shows an amount: as the table does (display.ts); plain decimals by default. */
  show?: (value: Decimal) => string;
}

/** A broken identity: the severity it earns and the sentence that says so. */
export interface Judgement {
  rule: RuleId;
  severity: Severity;
  /** True when the gap lies within the band: then the finding is info, whatever the rule's default. */
  withinBand: boolean;
  expected: Decimal;
  actual: Decimal;
  /** The money unit, or "" for counts (户数, 人数), which have none a sentence should name. */
  unit: MoneyUnit | "";
  message: string;
}

/**
 * The one judge of identities: exact → null (nothing to report); a gap within the band → info, as
 * a likely rounding difference (docs/domain.md §2); beyond it → the rule's catalogue severity (§7).
 */
export function judgeIdentity(identity: Identity, band: Decimal, unit: MoneyUnit | ""): Judgement | null {
  const { rule, subject, actual, expectedPhrase, expected } = identity;
  const show = identity.show ?? shownAmount;
  const { tolerance, difference } = compareWithBand(expected, actual, band);
  if (tolerance === "exact") return null;
  const withinBand = tolerance === "rounding";
  const message =
    `${excerpt(subject, 60)} ${show(actual)} 与${excerpt(expectedPhrase, 60)} ${show(expected)} 不一致，相差 ${signedDifference(difference, show)}${unit ? `（${unit}）` : ""}` +
    (withinBand ? "，在舍入容差内，可能是四舍五入所致" : "");
  return { rule, severity: withinBand ? "info" : ruleById(rule).severity, withinBand, expected, actual, unit, message };
}
