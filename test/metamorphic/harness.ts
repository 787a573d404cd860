import { checkWorkbook } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { loadCorpus } from "../support/corpus";
import { CleanTable, Skipped, cleanTables, describeSkipped } from "../support/layout/clean-tables";
import { Layout, Transform, applyChain, isSkip, transformByName } from "../support/layout/transforms";

/**
 * What the property tests share. Seeded and bounded so CI stays fast: METAMORPHIC_SEED and
 * METAMORPHIC_RUNS (runs per property, default 12) reproduce a failure or search deeper.
 */
export const SEED = Number(process.env.METAMORPHIC_SEED ?? 16);
export const RUNS = Number(process.env.METAMORPHIC_RUNS ?? 12);
export const fcOptions = (numRuns = RUNS) => ({ seed: SEED, numRuns, endOnFailure: true });

export interface Corpus {
  tables: CleanTable[];
  skipped: Skipped;
}

export async function loadTables(): Promise<Corpus> {
  return cleanTables(await loadCorpus());
}

export const serious = (findings: Finding[]) => findings.filter((f) => f.severity !== "info");

export const show = (findings: Finding[], max = 4) =>
  findings
    .slice(0, max)
    .map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}：${f.message}`)
    .join("\n  ") + (findings.length > max ? `\n  …共 ${findings.length} 条` : "");

export const caseName = (t: CleanTable, chain: Transform[], seed: number) =>
  `${t.file.file} 「${t.sheet}」 [${chain.map((x) => x.name).join(" + ") || "不变"}] seed ${seed}`;

/** The table after the chain, and its workbook with that sheet replaced; or why the chain does not apply. */
export function transformed(
  t: CleanTable,
  chain: Transform[],
  seed: number,
): { layout: Layout; workbook: (sheet: SheetSnapshot) => SheetSnapshot[] } | { skip: string } {
  const layout = applyChain(t.layout, chain, seed);
  if (isSkip(layout)) return { skip: `${layout.at}：${layout.skip}` };
  return { layout, workbook: (sheet) => t.file.snapshots.map((s, i) => (i === t.index ? sheet : s)) };
}

export const check = (workbook: SheetSnapshot[]) => checkWorkbook(workbook).findings;

/** Tables on which every transform of the chain applies (for seed 1): the ones a property draws from. */
export function applicable(tables: CleanTable[], chain: Transform[], skipped: Skipped): CleanTable[] {
  return tables.filter((t) => {
    const out = transformed(t, chain, 1);
    if ("skip" in out) skipped.set(out.skip, (skipped.get(out.skip) ?? 0) + 1);
    return !("skip" in out);
  });
}

/**
 * The chain a transform's property runs: the transform alone where it applies to some clean table,
 * else after the transform that makes its input (join-code needs split codes, which the clean
 * fixtures do not have: split then join is the round trip issue 16 asks for).
 */
export function chainFor(transform: Transform, tables: CleanTable[]): Transform[] {
  const alone = tables.some((t) => !("skip" in transformed(t, [transform], 1)));
  return alone || transform.name !== "join-code" ? [transform] : [transformByName("split-code"), transform];
}

/** Counted reasons, printed once per file: a pair that does not apply is never dropped silently. */
export function reportSkipped(title: string, corpus: Corpus, perTransform: Map<string, Skipped>): void {
  const lines = [`${title}：${corpus.tables.length} 张干净的金额表；未取用的工作表：${describeSkipped(corpus.skipped)}`];
  for (const [name, skipped] of perTransform) if (skipped.size > 0) lines.push(`  ${name} 不适用：${describeSkipped(skipped)}`);
  console.log(lines.join("\n"));
}
