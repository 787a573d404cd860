import { RULES, ruleById } from "../../src/core/catalogue";
import { checkWorkbook } from "../../src/core/check";
import { compareWorkbooks } from "../../src/core/compare/year-on-year";
import type { Severity } from "../../src/core/severity";
import { readWorkbookBuffer } from "../../src/cli/xlsx-read";
import { exampleToXlsx } from "../support/example-xlsx";

/**
 * Every rule's example, written to .xlsx and read back as the CLI does, yields that rule at that
 * cell; an example with last year's workbook is compared with it, as `--compare` does.
 */
async function findingsOf(id: (typeof RULES)[number]["id"]) {
  const rule = ruleById(id);
  const sheets = await readWorkbookBuffer(await exampleToXlsx(rule.example));
  const findings = checkWorkbook(sheets).findings;
  if (rule.example.last) {
    const last = await readWorkbookBuffer(await exampleToXlsx({ ...rule.example, sheets: rule.example.last }));
    findings.push(...compareWorkbooks(sheets, last, { lastFile: "上年.xlsx" }).findings);
  }
  return findings.filter((f) => f.rule === id && f.sheet === rule.example.sheet && f.cell === rule.example.cell);
}

const OTHER: Record<Severity, Severity> = { error: "warning", warning: "info", info: "error" };

describe("catalogue examples", () => {
  it.each(RULES.map((r) => [r.id, r] as const))(
    "%s fires at its example's cell, with the catalogue's severity",
    async (id, rule) => {
      expect(rule.example.sheets.map((s) => s.name)).toContain(rule.example.sheet);
      const hits = await findingsOf(id);
      expect(hits.map((f) => [f.rule, f.cell, f.severity])).toEqual([[id, rule.example.cell, rule.severity]]);
    },
  );

  it.each(RULES.map((r) => [r.id] as const))(
    "%s takes its severity from the catalogue: change the entry and the finding follows",
    async (id) => {
      const entry = ruleById(id);
      const saved = entry.severity;
      entry.severity = OTHER[saved];
      try {
        expect((await findingsOf(id)).map((f) => f.severity)).toEqual([OTHER[saved]]);
      } finally {
        entry.severity = saved;
      }
    },
  );
});
