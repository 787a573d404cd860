import { capPerRule, moreOfTheSameText, SHOWN_PER_RULE } from "../../src/core/cap-findings";
import { makeFinding } from "../../src/core/finding";
import type { RuleId } from "../../src/core/catalogue";

const f = (rule: RuleId, sheet: string, row: number) =>
  makeFinding({ rule, sheet, cell: `B${row}`, message: `${rule} ${sheet} ${row}` });

describe("capPerRule: at most N findings of a rule on a sheet in a list", () => {
  it("keeps the order, shows the first N of each rule and sheet, and marks the last shown with how many more", () => {
    const list = [
      f("CELL-ERROR", "甲", 1),
      f("CELL-TEXTNUM", "甲", 1),
      f("CELL-ERROR", "甲", 2),
      f("CELL-ERROR", "乙", 2),
      f("CELL-ERROR", "甲", 3),
      f("CELL-TEXTNUM", "甲", 4),
      f("CELL-ERROR", "甲", 5),
    ];
    const shown = capPerRule(list, 2);
    expect(shown.map((s) => [s.finding.message, s.more])).toEqual([
      ["CELL-ERROR 甲 1", 0],
      ["CELL-TEXTNUM 甲 1", 0],
      ["CELL-ERROR 甲 2", 2],
      ["CELL-ERROR 乙 2", 0],
      ["CELL-TEXTNUM 甲 4", 0],
    ]);
  });

  it("leaves a list within the limit as it is, and defaults to SHOWN_PER_RULE", () => {
    const list = Array.from({ length: SHOWN_PER_RULE + 5 }, (_, i) => f("CELL-ERROR", "表", i + 1));
    const shown = capPerRule(list);
    expect(shown).toHaveLength(SHOWN_PER_RULE);
    expect(shown[SHOWN_PER_RULE - 1].more).toBe(5);
    expect(capPerRule(list.slice(0, 3)).every((s) => s.more === 0)).toBe(true);
    expect(moreOfTheSameText(5)).toBe("另有 5 处同类问题");
  });
});
