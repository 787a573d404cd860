import fc from "fast-check";
import { checkWorkbook } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { loadCorpus } from "../support/corpus";
import { CleanTable, Skipped, cleanTables, describeSkipped } from "../support/layout/clean-tables";
import { Layout, TRANSFORMS, Transform, applyChain, isSkip, transformByName } from "../support/layout/transforms";

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

/** Loads the corpus before a test file's tests and prints its counted skips after them. */
export function setUp(title: string): { corpus: () => Corpus; skips: SkipLog } {
  let corpus: Corpus;
  const skips = new SkipLog();
  beforeAll(async () => {
    corpus = cleanTables(await loadCorpus());
  });
  afterAll(() => skips.report(title, corpus));
  return { corpus: () => corpus, skips };
}

export const serious = (findings: Finding[]) => findings.filter((f) => f.severity !== "info");

/** Warnings and errors on the sheets of the table's file that must stay quiet (a wild file's other sheets have real defects). */
export const onQuietSheets = (t: CleanTable, findings: Finding[]) => serious(findings).filter((f) => t.file.quiet.has(f.sheet));

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
    if ("skip" in out) countSkip(skipped, out.skip);
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

/** Every ordered pair of two different transforms. */
export const PAIRS: Transform[][] = TRANSFORMS.flatMap((a) => TRANSFORMS.filter((b) => b !== a).map((b) => [a, b]));

/**
 * Counted reasons why a chain did not apply, per property; printed once per file, so a pair that
 * does not apply is never dropped silently.
 */
export class SkipLog {
  private readonly by = new Map<string, Skipped>();

  for(name: string): Skipped {
    if (!this.by.has(name)) this.by.set(name, new Map());
    return this.by.get(name)!;
  }

  report(title: string, corpus: Corpus): void {
    const lines = [`${title}：${corpus.tables.length} 张干净的金额表；未取用的工作表：${describeSkipped(corpus.skipped)}`];
    for (const [name, skipped] of this.by) if (skipped.size > 0) lines.push(`  ${name} 不适用：${describeSkipped(skipped)}`);
    console.log(lines.join("\n"));
  }
}

export const countSkip = (skipped: Skipped, why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);

/**
 * Runs `body` on tables a chain applies to (drawn by fast-check: indices, not tables, as it prints
 * the counterexample and a table is large), with a seed for the transforms and the body's own choices.
 */
export function overTables<T extends unknown[]>(
  corpus: Corpus,
  chain: Transform[],
  skipped: Skipped,
  choices: { [K in keyof T]: fc.Arbitrary<T[K]> },
  body: (table: CleanTable, ...choices: T) => void,
  numRuns = RUNS,
): void {
  const tables = applicable(corpus.tables, chain, skipped);
  expect(tables.length).toBeGreaterThan(0);
  fc.assert(
    fc.property(fc.nat(tables.length - 1), ...(choices as fc.Arbitrary<unknown>[]), (i: number, ...rest: unknown[]) =>
      body(tables[i], ...(rest as T)),
    ),
    fcOptions(numRuns),
  );
}
