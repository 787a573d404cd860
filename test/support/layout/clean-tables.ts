import type { CorpusFile } from "../corpus";
import { Identity, brokenIdentities, deriveIdentities } from "./identities";
import { Layout, isSkip, layoutOf } from "./transforms";

/** A clean amount table of the corpus, with the identities the yardstick reads in it (all of them hold). */
export interface CleanTable {
  file: CorpusFile;
  sheet: string;
  index: number;
  layout: Layout;
  identities: Identity[];
}

/** Counted reasons for quiet sheets that give no table to measure on, never dropped silently. */
export type Skipped = Map<string, number>;

export function cleanTables(corpus: CorpusFile[]): { tables: CleanTable[]; skipped: Skipped } {
  const tables: CleanTable[] = [];
  const skipped: Skipped = new Map();
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
  for (const file of corpus)
    file.snapshots.forEach((s, index) => {
      if (!file.quiet.has(s.name)) return;
      const layout = layoutOf(s);
      if (isSkip(layout)) return skip(`无金额表：${layout.skip}`);
      const identities = deriveIdentities(layout.grid, layout.table);
      if (identities.length === 0) return skip("无可核对的恒等式");
      const broken = brokenIdentities(layout.grid, identities);
      if (broken.length > 0) return skip("标尺的读法与表不符（有恒等式不成立）");
      tables.push({ file, sheet: s.name, index, layout, identities });
    });
  return { tables, skipped };
}

export const describeSkipped = (skipped: Skipped): string => [...skipped].map(([why, n]) => `${why} ×${n}`).join("; ") || "无";
