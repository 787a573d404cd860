import { existsSync, readFileSync } from "fs";
import path from "path";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import type { SheetSnapshot } from "../../src/core/snapshot";

/**
 * The clean files the yardstick measures on: every fixture with clean=true in
 * test/fixtures/manifest.json (all its sheets), and the quiet sheets of every file in
 * test/wild/manifest.json once that corpus exists. Read with the CLI's reader.
 */
export interface CorpusFile {
  file: string;
  origin: "fixture" | "wild";
  snapshots: SheetSnapshot[];
  /** Sheets that must carry no warning or error. */
  quiet: Set<string>;
  /** Declared real defects (wild files): their findings are expected, not false alarms. */
  defects: { sheet: string; cell: string }[];
}

const root = path.resolve(__dirname, "../..");

interface FixtureEntry {
  file: string;
  clean: boolean;
}
interface WildEntry {
  file: string;
  quiet?: string[];
  defects?: { sheet: string; cell: string }[];
}

export interface CorpusEntry extends Omit<CorpusFile, "snapshots" | "quiet"> {
  quiet: string[] | "all";
}

export function corpusEntries(): CorpusEntry[] {
  const fixtures = (
    JSON.parse(readFileSync(path.join(root, "test/fixtures/manifest.json"), "utf8")) as { fixtures: FixtureEntry[] }
  ).fixtures;
  const out: CorpusEntry[] = fixtures
    .filter((f) => f.clean)
    .map((f) => ({ file: f.file, origin: "fixture", defects: [], quiet: "all" }));
  const wild = path.join(root, "test/wild/manifest.json");
  if (!existsSync(wild)) return out;
  const raw = JSON.parse(readFileSync(wild, "utf8")) as WildEntry[] | { files: WildEntry[] };
  const entries = Array.isArray(raw) ? raw : raw.files;
  return [
    ...out,
    ...entries
      .filter((w) => (w.quiet ?? []).length > 0)
      .map((w) => ({
        file: existsSync(path.join(root, w.file)) ? w.file : path.join("test/wild", w.file),
        origin: "wild" as const,
        defects: (w.defects ?? []).map((d) => ({ sheet: d.sheet, cell: d.cell })),
        quiet: w.quiet!,
      })),
  ];
}

export async function loadCorpus(): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  for (const e of corpusEntries()) {
    const snapshots = await readWorkbookFile(path.join(root, e.file));
    const quiet = new Set(e.quiet === "all" ? snapshots.map((s) => s.name) : e.quiet);
    out.push({ file: e.file, origin: e.origin, snapshots, quiet, defects: e.defects });
  }
  return out;
}
