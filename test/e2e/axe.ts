import fs from "fs";
import { Page } from "playwright-core";

const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  /** The first few offending elements, to find them. */
  targets: string[];
}

/**
 * Runs axe-core in the page; returns every violation, for the test to judge by impact.
 * Fluent's focus manager (tabster) adds aria-hidden focus sentinels (`data-tabster-dummy`) that
 * hand focus on the moment they get it; axe reads them as aria-hidden-focus, so they are excluded.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.addScriptTag({ content: AXE });
  return (await page.evaluate(`window.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.html.slice(0, 200)) })))`)) as AxeViolation[];
}

/** Serious and critical violations only: what the issue forbids. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
}
