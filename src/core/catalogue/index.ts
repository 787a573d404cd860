import type { RuleEntry } from "./entry";
import { CELLS } from "./cells";
import { COMPARE } from "./compare";
import { CROSS_TABLE } from "./cross-table";
import { INDICATORS } from "./indicators";
import { INDICATOR_LAYOUTS } from "./indicator-layouts";
import { PLAN } from "./plan";
import { SELF_EVALUATION } from "./self-evaluation";
import { SHEET } from "./sheet";
import { TOTALS } from "./totals";

export type { ExampleCell, RuleEntry, RuleExample } from "./entry";

/**
 * The rule catalogue, the index of every rule: its default severity (decided here and nowhere
 * else), title, the module that raises it, help for an accountant, the one-click fix and an
 * example workbook. One file per family; `npm run rules` prints the table of docs/rules.md from it.
 */
const CATALOGUE = {
  ...TOTALS,
  ...CELLS,
  ...CROSS_TABLE,
  ...INDICATORS,
  ...INDICATOR_LAYOUTS,
  ...SELF_EVALUATION,
  ...PLAN,
  ...SHEET,
  ...COMPARE,
};

export type RuleId = keyof typeof CATALOGUE;

export interface RuleInfo extends RuleEntry {
  id: RuleId;
}

/** Every rule, in the order of docs/rules.md. */
export const RULES: readonly RuleInfo[] = (Object.keys(CATALOGUE) as RuleId[]).map((id) => ({ id, ...CATALOGUE[id] }));

const BY_ID = new Map<string, RuleInfo>(RULES.map((r) => [r.id, r]));

export function ruleById(id: RuleId): RuleInfo {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}
