import { Decimal } from "../amount";
import { Finding } from "../finding";
import { reportLeftovers } from "../package/leftover";
import { PackageKind } from "../package/tables";
import { Reporter } from "../reporter";
import { checkArithmetic } from "./arithmetic";
import { NarrativeContext } from "./context";
import { checkDirections } from "./direction";
import { readStatements } from "./parse";
import { Narrative } from "./sources";
import { TableFacts } from "./tables";
import { checkTwoValues } from "./two-values";
import { checkAgainstTables } from "./versus-table";

export { PASTED_NARRATIVE, narrativeFromSheet, narrativeFromText, notesFromSheet } from "./sources";
export type { Narrative, NarrativeText } from "./sources";
export { tableFacts } from "./tables";
export type { FactSheet, TableFacts } from "./tables";
export { narrativeExplainsChange } from "./explains";

/** True when the reader finds at least one figure of an item it knows: the 说明 was read, not only seen. */
export function readsAnything(narrative: Narrative): boolean {
  return readStatements(narrative.lines).some((s) => s.item !== null && s.level !== undefined);
}

/**
 * The 说明 rules over one 说明 (issue 20): its own arithmetic, its verbs, its figures against the
 * tables and against each other, and template text left in it. Only sentences of known shapes are
 * read; a sentence whose item or unit is not recognised gives nothing. `leftovers: false` for the
 * notes inside a table (notesFromSheet), whose template text is the package rule's, not the 说明's.
 */
export function checkNarrative(
  narrative: Narrative,
  facts: TableFacts,
  tables: { year: number | null; kind: PackageKind | null },
  band: Decimal,
  leftovers = true,
): Finding[] {
  const findings: Finding[] = [];
  const report = new Reporter(narrative.sheet, findings);
  const ctx: NarrativeContext = { statements: readStatements(narrative.lines), facts, ...tables, band, report };
  checkArithmetic(ctx);
  checkDirections(ctx);
  checkAgainstTables(ctx);
  checkTwoValues(ctx);
  if (leftovers) reportLeftovers(report, narrative.lines);
  return findings;
}
