import { groupThousands } from "../../core/amount";
import { Finding, figureWords } from "../../core/finding";

/**
 * 「应为 1,852.70 实际 1,850.20 相差 −2.50 万元」 (parts joined by ideographic spaces): one sign convention, 实际 − 应为, as the core's
 * `difference` is computed. The unit is the finding's own, else the sheet's.
 */
export function amountLine(finding: Finding, sheetUnit?: string): string | null {
  if (finding.expected === undefined || finding.actual === undefined) return null;
  const unit = finding.unit ?? sheetUnit ?? "";
  // A ceiling is not a target: 上限 4.00, 填报 40.00, 超出 36.00 — never 应为 4.00 (figureWords).
  const words = figureWords(finding.rule);
  const ceiling = words.expected !== "应为";
  const parts = [`${words.expected} ${groupThousands(finding.expected)}`, `${words.actual} ${groupThousands(finding.actual)}`];
  if (finding.difference !== undefined)
    parts.push(`${words.difference} ${ceiling ? groupThousands(finding.difference) : signed(finding.difference)}`);
  return `${parts.join("　")}${unit ? ` ${unit}` : ""}`;
}

/** A difference always shows its sign, so 多 and 少 never need guessing: +2.50, −2.50, 0.00. */
export function signed(exact: string): string {
  const grouped = groupThousands(exact);
  return /^[-−]|^0(\.0*)?$/.test(grouped) || !/^\d/.test(grouped) ? grouped : `+${grouped}`;
}

/**
 * The project a 绩效指标 finding belongs to. Findings carry it as `project` (set by the indicator rules);
 * a finding read from an older saved id falls back to the anchor, which begins with the project's name on
 * indicator sheets (`rule|sheet|project|…`, see src/core/indicators/scope.ts).
 */
export function projectOf(finding: Finding, sheetKind?: string): string | null {
  if (finding.project) return finding.project;
  if (sheetKind !== "indicators") return null;
  const prefix = `${finding.rule}|${finding.sheet}|`;
  if (!finding.id.startsWith(prefix)) return null;
  const anchor = finding.id.slice(prefix.length);
  const cut = anchor.indexOf("|");
  if (cut <= 0) return null;
  const name = anchor.slice(0, cut);
  return name === "绩效指标表头" ? null : name;
}
