import { byRule, check, miniBlock } from "./helpers";

/** A value that is only the unit (`%`, `≥%`, `％`) lost its number: an empty value, not a vague phrase. */
describe("IND-EMPTY for a value with the unit but no number", () => {
  const cases: Array<[string, string]> = [
    ["%", "%"],
    ["％", "％"],
    ["≥%", "≥%"],
    [" ≥ % ", "≥ %"],
    ["%以上", "%以上"],
    ["‰", "‰"],
  ];

  test.each(cases)("value %j on a quality row is IND-EMPTY (error) and nothing else", (raw, shown) => {
    const fs = check(miniBlock({ 1: [null, "质量指标", "培训合格率", raw] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-EMPTY", "D8", "error"]]);
    expect(fs[0].message).toBe(`三级指标「培训合格率」的指标值只有“${shown}”，缺少数值`);
  });

  test("on an effect row (where prose is allowed) a bare % is still IND-EMPTY, not IND-VAGUE", () => {
    const fs = check(miniBlock({ 4: ["效益指标", "社会效益指标", "群众健康素养", "%"] }));
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([["IND-EMPTY", "D11"]]);
  });

  test("on a quantity row it is IND-EMPTY rather than IND-QUAL-IN-QUANT", () => {
    const fs = check(miniBlock({ 0: ["产出指标", "数量指标", "培训人数", "≥%"] }));
    expect(fs.map((f) => f.rule)).toEqual(["IND-EMPTY"]);
  });

  test("values with a number, or real prose, are untouched", () => {
    expect(check(miniBlock({ 1: [null, "质量指标", "培训合格率", "≥95%"] }))).toEqual([]);
    expect(check(miniBlock({ 1: [null, "质量指标", "培训合格率", "100%"] }))).toEqual([]);
    const prose = check(miniBlock({ 4: ["效益指标", "社会效益指标", "群众健康素养", "逐步增长"] }));
    expect(byRule(prose, "IND-EMPTY")).toEqual([]);
    expect(byRule(prose, "IND-VAGUE")).toHaveLength(1);
  });
});
