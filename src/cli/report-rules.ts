import { RULES, RuleExample, RuleInfo } from "../core/catalogue";
import { PLANNED_RULES } from "../core/fixes";
import { SEVERITY_LABEL, Severity } from "../core/severity";

/** `--rules --json` (version 1). Field names and order are fixed: other tools read them. */
export interface JsonRules {
  version: 1;
  rules: {
    id: string;
    severity: Severity;
    title: string;
    help: string;
    module: string;
    fix: string | null;
    example: RuleExample;
  }[];
}

export function rulesJson(rules: readonly RuleInfo[] = RULES): JsonRules {
  return {
    version: 1,
    rules: rules.map((r) => ({
      id: r.id,
      severity: r.severity,
      title: r.title,
      help: r.help,
      module: r.module,
      fix: r.fix,
      example: r.example,
    })),
  };
}

/** What the 怎么改 column says: the help, and the one-click fix where the pane has a planner for it. */
export function howToFix(rule: RuleInfo): string {
  return rule.fix && PLANNED_RULES.has(rule.id) ? `${rule.help}任务窗格可一键修复：${rule.fix}。` : rule.help;
}

/** `--rules`: the Markdown table docs/rules.md carries (test/readme.test.ts compares the two). */
export function rulesTable(rules: readonly RuleInfo[] = RULES): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const lines = ["| id | default severity | 说明 | 怎么改 |", "|---|---|---|---|"];
  for (const r of rules)
    lines.push(`| \`${r.id}\` | ${r.severity} ${SEVERITY_LABEL[r.severity]} | ${cell(r.title)} | ${cell(howToFix(r))} |`);
  return lines.join("\n");
}
