import { Narrative, NarrativeText, narrativeExplainsChange, narrativeFromSheet, narrativeFromText } from "../narrative";
import { SheetSnapshot, SheetView } from "../snapshot";
import type { YearChange } from "./year-on-year";

/**
 * The 说明 that may explain a large change (issue 21): the text given beside the workbook (pasted in
 * the pane or the page, `--narrative`) and every 说明 sheet of this year's workbook. A YOY-CHANGE one
 * of them explains is dropped (issue 20's reader decides, src/core/narrative/explains.ts); with no
 * 说明 at all, undefined, and every large change is reported.
 */
export function explainedByNarrative(
  thisYear: readonly SheetSnapshot[],
  given?: NarrativeText,
): ((change: YearChange) => boolean) | undefined {
  const narratives: Narrative[] = given ? [narrativeFromText(given)] : [];
  for (const snapshot of thisYear) {
    try {
      const sheet = narrativeFromSheet(new SheetView(snapshot));
      if (sheet) narratives.push(sheet);
    } catch {
      // A sheet the 说明 reader cannot take is no 说明: its changes stay reported.
    }
  }
  if (narratives.length === 0) return undefined;
  return (c) => narratives.some((n) => narrativeExplainsChange(n.lines, c.item, c.last, c.current, c.unit));
}
