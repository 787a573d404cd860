import { Decimal } from "./amount";
import type { SheetReport } from "./check";
import type { StandardTable } from "./classify";
import { Finding } from "./finding";
import {
  Narrative,
  NarrativeText,
  checkNarrative,
  narrativeFromSheet,
  narrativeFromText,
  notesFromSheet,
  readsAnything,
  tableFacts,
} from "./narrative";
import { PackageInfo, checkPackage } from "./package";
import { reportLeftovers, textPlaces } from "./package/leftover";
import { Reporter } from "./reporter";
import type { Flagged } from "./package/sangong-rules";
import { SheetSnapshot, SheetView } from "./snapshot";

/** What the check made of a sheet: its view and, where it is one, the standard table it is. */
export interface SheetRead {
  view: SheetView;
  table?: StandardTable;
}

/**
 * What a 财政局 reviewer checks beyond the sums (issue 20), after every sheet's own check: the
 * package (PKG-*, 三公 against 经济分类) and each 说明, from a sheet of the workbook or given
 * beside it. A 说明 sheet is read as text, not as a table: its report says so, and the caller drops
 * what the table rules made of it (`narrativeSheets`).
 */
export function checkPackageAndNarrative(
  snapshots: readonly SheetSnapshot[],
  reports: SheetReport[],
  band: Decimal,
  given?: NarrativeText,
  flagged?: Flagged,
  classified?: ReadonlyMap<SheetSnapshot, SheetRead>,
): { findings: Finding[]; info: PackageInfo | null; narrativeSheets: Set<string> } {
  const findings: Finding[] = [];
  const narratives: Narrative[] = [];
  const tables: SheetSnapshot[] = [];
  // One view per sheet for every pass below: the check's own where it made one.
  const views = new Map<SheetSnapshot, SheetView>();
  const viewOf = (snapshot: SheetSnapshot) => {
    let view = views.get(snapshot) ?? classified?.get(snapshot)?.view;
    if (!view) view = new SheetView(snapshot);
    views.set(snapshot, view);
    return view;
  };
  for (const snapshot of snapshots) {
    let narrative: Narrative | null = null;
    try {
      narrative = narrativeFromSheet(viewOf(snapshot));
    } catch {
      narrative = null;
    }
    if (narrative) narratives.push(narrative);
    else tables.push(snapshot);
  }
  // A 说明 sheet the reader finds nothing in keeps its note: it was not checked, and must not read 未发现问题.
  const read = new Set(narratives.filter(safely(readsAnything)).map((n) => n.sheet));
  for (const report of reports)
    if (read.has(report.name)) {
      delete report.note;
      delete report.table;
      report.kind = "other";
      report.narrative = true;
    }
  const narrativeSheets = read;

  const unitOf = (name: string) => reports.find((r) => r.name === name)?.unit;
  let pkg: ReturnType<typeof checkPackage> | null = null;
  try {
    pkg = checkPackage(
      tables.map((snapshot) => ({
        snapshot,
        view: viewOf(snapshot),
        unit: unitOf(snapshot.name),
        classified: classified?.get(snapshot),
      })),
      band,
      flagged,
    );
    findings.push(...pkg.findings);
  } catch {
    // The package checks are a bonus: a table they cannot read must not hide the sheets' findings.
  }
  const info = pkg?.info ?? null;
  // A package's tables had every text cell read (PKG-LEFTOVER); the other sheets, their fields' prompts.
  const allText = new Set(info?.kind ? info.tables.map((t) => t.sheet) : []);
  for (const snapshot of tables) {
    if (allText.has(snapshot.name)) continue;
    try {
      reportLeftovers(new Reporter(snapshot.name, findings), textPlaces(viewOf(snapshot), "prompts"), "prompts");
    } catch {
      // As below: a sheet the reader trips over must not take the other findings with it.
    }
  }
  const kind = info?.kind ?? pkg?.titledKind ?? null;
  const facts = tableFacts(
    (pkg?.sheets ?? []).map((s) => ({ view: s.view, table: s.table, unit: unitOf(s.view.name) ?? null })),
    kind,
    info?.year ?? null,
  );
  if (given) narratives.push(narrativeFromText(given));
  const context = { year: info?.year ?? null, kind };
  for (const narrative of narratives) {
    try {
      findings.push(...checkNarrative(narrative, facts, context, band));
    } catch {
      // As above: a 说明 the reader trips over must not take the tables' findings with it.
    }
  }
  // A 说明 written inside a table (a merged 增减情况说明 row) is read by the same reader, with the same figures.
  for (const snapshot of tables) {
    try {
      for (const note of notesFromSheet(viewOf(snapshot))) findings.push(...checkNarrative(note, facts, context, band, false));
    } catch {
      // As above.
    }
  }
  return { findings, info, narrativeSheets };
}

/** A 说明 the reader trips over is as one it finds nothing in. */
function safely(test: (n: Narrative) => boolean): (n: Narrative) => boolean {
  return (n) => {
    try {
      return test(n);
    } catch {
      return false;
    }
  };
}
