import { RULES } from "../../src/core/catalogue";
import { checkWorkbook } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import { PLANNED_RULES, planFix } from "../../src/core/fixes";
import { SheetView } from "../../src/core/snapshot";
import { applyWrites, exampleSheets } from "../support/example-grid";

/** The catalogue's `fix` sentence is a promise; the planners in src/core/fixes keep it. */
describe("catalogue fixes", () => {
  it.each(RULES.map((r) => [r.id, r] as const))("%s promises a fix exactly when a planner makes one", (id, rule) => {
    expect(rule.fix !== null).toBe(PLANNED_RULES.has(id));
  });

  const promised = RULES.filter((r) => r.fix !== null);
  it.each(promised.map((r) => [r.id, r] as const))(
    "%s: its example's finding gets a fix, after which the rule holds and nothing new is left",
    (id, rule) => {
      const { example } = rule;
      let sheets = exampleSheets(example);
      const before = checkWorkbook(sheets).findings;
      const where = (f: { rule: string; sheet: string; cell: string }) => `${f.rule}@${f.sheet}!${f.cell}`;
      const known = new Set(before.map(where));
      const finding = before.find((f) => f.rule === id && f.sheet === example.sheet && f.cell === example.cell);
      expect(finding).toBeDefined();
      const planFor = (f: Finding) => planFix(f, new SheetView(sheets.find((s) => s.name === f.sheet)!));
      let plan = planFor(finding!);
      expect(plan?.writes.length).toBeGreaterThan(0);

      sheets = applyWrites(sheets, plan!.writes);
      let after = checkWorkbook(sheets).findings;
      expect(after.map(where)).not.toContain(where(finding!));
      // A fix may bring to light the next wrong total up a tree (a parent typed equal to the child's
      // wrong figure, so it agreed with it): that finding's own fix must put it right in turn.
      for (let round = 0; round < 3; round++) {
        const fresh = after.filter((f) => !known.has(where(f)));
        if (fresh.length === 0) break;
        plan = planFor(fresh[0]);
        expect(plan).not.toBeNull();
        sheets = applyWrites(sheets, plan!.writes);
        after = checkWorkbook(sheets).findings;
      }
      expect(after.map(where).filter((w) => !known.has(w))).toEqual([]);
    },
  );
});
