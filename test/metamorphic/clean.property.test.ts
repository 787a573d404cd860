import fc from "fast-check";
import type { CleanTable, Skipped } from "../support/layout/clean-tables";
import { TRANSFORMS, Transform } from "../support/layout/transforms";
import {
  PAIRS,
  RUNS,
  setUp,
  caseName,
  chainFor,
  check,
  countSkip,
  fcOptions,
  overTables,
  onQuietSheets,
  show,
  transformed,
} from "./harness";

/**
 * Issue 16: a clean table stays clean when its layout changes but its content does not. Over every
 * clean table of the corpus (test/support/corpus.ts) and every transform, and two in a row: no
 * warning and no error on the workbook's clean sheets (all of a clean fixture's; a wild file's quiet ones). Today's engine fails several: see BASELINE.md.
 */
const { corpus: current, skips } = setUp("干净的表保持干净");

/** Throws with what was reported when the transformed workbook has a warning or an error; a chain the seed makes inapplicable is counted. */
function cleanCase(table: CleanTable, chain: Transform[], seed: number, skipped: Skipped): void {
  const out = transformed(table, chain, seed);
  if ("skip" in out) return void countSkip(skipped, out.skip);
  const found = onQuietSheets(table, check(out.workbook(out.layout.grid.toSnapshot())));
  if (found.length > 0) throw new Error(`${caseName(table, chain, seed)}：\n  ${show(found)}`);
}

describe("a clean table stays clean", () => {
  it("as it is (the baseline: every clean table, no transform)", () => {
    for (const t of current().tables) expect(show(onQuietSheets(t, check(t.file.snapshots)))).toBe("");
  });

  it.each(TRANSFORMS.map((t) => [t.name, t] as const))("after %s", (_name, transform) => {
    const chain = chainFor(transform, current().tables);
    const skipped = skips.for(chain.map((t) => t.name).join(" + "));
    overTables<[number]>(current(), chain, skipped, [fc.nat()], (table, seed) => cleanCase(table, chain, seed, skipped));
  });

  it("after two transforms in a row", () => {
    const skipped = skips.for("两步组合");
    fc.assert(
      fc.property(fc.nat(PAIRS.length - 1), fc.nat(current().tables.length - 1), fc.nat(), (p, i, seed) =>
        cleanCase(current().tables[i], PAIRS[p], seed, skipped),
      ),
      fcOptions(RUNS * 8),
    );
    // Most draws do not apply (join-code needs split codes, …) and are counted; some must have run.
    const drawn = [...skipped.values()].reduce((a, b) => a + b, 0);
    expect(drawn).toBeLessThan(RUNS * 8);
  });
});
