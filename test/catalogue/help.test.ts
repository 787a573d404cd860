import { RULES } from "../../src/core/catalogue";

/** Help is for an accountant: plain Chinese, two or three sentences; fixes exist only where the pane can apply one. */
describe("catalogue help and fixes", () => {
  it.each(RULES.map((r) => [r.id, r.help] as const))("%s: help is two or three Chinese sentences", (_id, help) => {
    const sentences = help.split("。").filter((s) => s.trim() !== "");
    expect(help.endsWith("。")).toBe(true);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(help).toMatch(/[\u4e00-\u9fff]/);
    expect(help).not.toMatch(/待补|TODO/);
  });

  it("offers a one-click fix exactly for text numbers, typed totals, full-width signs and fraction percentages", () => {
    const fixable = RULES.filter((r) => r.fix !== null).map((r) => r.id);
    expect(fixable).toEqual([
      "BAL-INCOME",
      "BAL-SPEND",
      "BAL-INCOME-TOTAL",
      "BAL-SPEND-TOTAL",
      "SUM-ROW",
      "SUM-COL",
      "CODE-TREE",
      "CELL-TEXTNUM",
      "IND-FRACTION-PERCENT",
      "IND-FULLWIDTH",
    ]);
    for (const r of RULES) if (r.fix !== null) expect(r.fix).toMatch(/^[^。]*[\u4e00-\u9fff][^。]*$/);
  });
});
