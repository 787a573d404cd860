import { ruleById } from "../core/catalogue";
import { Finding } from "../core/finding";

export interface RuleGroup {
  rule: Finding["rule"];
  title: string;
  findings: Finding[];
}

export interface SheetGroup {
  sheet: string;
  count: number;
  rules: RuleGroup[];
}

/** Groups findings by sheet, then by rule, keeping the core's order (sheet order, then position). */
export function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  const sheets = new Map<string, SheetGroup>();
  for (const f of findings) {
    let sheet = sheets.get(f.sheet);
    if (!sheet) {
      sheet = { sheet: f.sheet, count: 0, rules: [] };
      sheets.set(f.sheet, sheet);
    }
    sheet.count++;
    let rule = sheet.rules.find((r) => r.rule === f.rule);
    if (!rule) {
      rule = { rule: f.rule, title: ruleById(f.rule).title, findings: [] };
      sheet.rules.push(rule);
    }
    rule.findings.push(f);
  }
  return [...sheets.values()];
}
