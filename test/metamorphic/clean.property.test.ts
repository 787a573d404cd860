import fc from "fast-check";
import type { Skipped } from "../support/layout/clean-tables";
import { TRANSFORMS, Transform } from "../support/layout/transforms";
import {
  Corpus,
  RUNS,
  applicable,
  chainFor,
  caseName,
  check,
  fcOptions,
  loadTables,
  reportSkipped,
  serious,
  show,
  transformed,
} from "./harness";

/**
 * Issue 16: a clean table stays clean when its layout changes but its content does not. Over every
 * clean table of the corpus (test/support/corpus.ts) and every transform, and two in a row: no
 * warning and no error anywhere in the workbook. Today's engine fails several: see BASELINE.md.
 */
let corpus: Corpus;
const skips = new Map<string, Skipped>();

beforeAll(async () => {
  corpus = await loadTables();
});
afterAll(() => reportSkipped("干净的表保持干净", corpus, skips));

/** The property over the tables a chain applies to; a run whose own seed makes it not apply is counted, not failed. */
function staysClean(chain: Transform[], numRuns = RUNS): void {
  const name = chain.map((t) => t.name).join(" + ");
  const skipped: Skipped = skips.get(name) ?? new Map();
  skips.set(name, skipped);
  const tables = applicable(corpus.tables, chain, skipped);
  expect(tables.length).toBeGreaterThan(0);
  fc.assert(
    // Indices, not tables, are drawn: fast-check prints the counterexample, and a table is large.
    fc.property(fc.nat(tables.length - 1), fc.nat(), (i, seed) => {
      const table = tables[i];
      const out = transformed(table, chain, seed);
      if ("skip" in out) return void skipped.set(out.skip, (skipped.get(out.skip) ?? 0) + 1);
      const found = serious(check(out.workbook(out.layout.grid.toSnapshot())));
      if (found.length > 0) throw new Error(`${caseName(table, chain, seed)}：\n  ${show(found)}`);
    }),
    fcOptions(numRuns),
  );
}

describe("a clean table stays clean", () => {
  it("as it is (the baseline: every clean table, no transform)", () => {
    for (const t of corpus.tables) expect(show(serious(check(t.file.snapshots)))).toBe("");
  });

  it.each(TRANSFORMS.map((t) => [t.name, t] as const))("after %s", (_name, transform) =>
    staysClean(chainFor(transform, corpus.tables)),
  );

  it("after two transforms in a row", () => {
    const pairs = TRANSFORMS.flatMap((a) => TRANSFORMS.filter((b) => b !== a).map((b) => [a, b]));
    const skipped: Skipped = new Map();
    skips.set("两步组合", skipped);
    let ran = 0;
    fc.assert(
      fc.property(fc.nat(pairs.length - 1), fc.nat(corpus.tables.length - 1), fc.nat(), (p, i, seed) => {
        const [pair, table] = [pairs[p], corpus.tables[i]];
        const out = transformed(table, pair, seed);
        if ("skip" in out) return void skipped.set(out.skip, (skipped.get(out.skip) ?? 0) + 1);
        ran++;
        const found = serious(check(out.workbook(out.layout.grid.toSnapshot())));
        if (found.length > 0) throw new Error(`${caseName(table, pair, seed)}：\n  ${show(found)}`);
      }),
      fcOptions(RUNS * 8),
    );
    expect(ran).toBeGreaterThan(RUNS);
  });
});
