import { LiteralCell } from "../../../src/core/snapshot";
import { brief } from "./self-eval-grid";
import { check } from "./helpers";

/**
 * Values split over columns (seed 012's layout): 指标性质 / 指标值 / 度量单位 read as one value, and
 * the 指标值类型 column (定量 / 定性). Invented figures and names.
 */
function splitForm(edit: Record<number, LiteralCell[]> = {}): LiteralCell[][] {
  const rows: LiteralCell[][] = [
    ["产出指标", "数量指标", "养护里程", "≥", 120, "公里"],
    [null, "质量指标", "路面完好率", "≥", 95, "%"],
    [null, "时效指标", "完成时限", "≤", 12, "月"],
    [null, "成本指标", "养护成本", "≤", "80万元", "万元"],
    ["效益指标", "社会效益指标", "群众出行便利度", null, "显著提高", null],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", 90, "%"],
  ];
  for (const [i, row] of Object.entries(edit)) rows[Number(i)] = row;
  return [
    ["乡村道路养护项目绩效目标表", null, null, null, null, "单位：万元"],
    ["项目名称", "乡村道路养护项目"],
    ["预算数", { v: 80, fmt: "0.00" }],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ...rows,
  ];
}

describe("指标性质 / 指标值 / 度量单位 read as one value", () => {
  test("the clean form gives nothing: a bare number takes the unit column's unit (no IND-NO-UNIT)", () => {
    expect(check(splitForm())).toEqual([]);
  });

  test("the combined value is what the rules judge: ≥ 120 % for a satisfaction is out of range", () => {
    const fs = check(splitForm({ 5: ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥", 120, "%"] }));
    expect(brief(fs)).toEqual([["IND-PERCENT-RANGE", "E10", "warning"]]);
    expect(fs[0].message).toContain("120%");
  });

  test("the combined value meets the budget: ≤ 90 万元 over a budget of 80 is IND-COST-BUDGET", () => {
    expect(brief(check(splitForm({ 3: [null, "成本指标", "养护成本", "≤", 90, "万元"] })))).toEqual([
      ["IND-COST-BUDGET", "E8", "warning"],
    ]);
  });

  test("IND-UNIT-CONFLICT: a unit in the value that contradicts the unit column", () => {
    const fs = check(splitForm({ 3: [null, "成本指标", "养护成本", "≤", "80万元", "%"] }));
    expect(brief(fs)).toEqual([["IND-UNIT-CONFLICT", "E8", "warning"]]);
    expect(fs[0].related).toEqual(["F8"]);
    expect(fs[0].message).toContain("万元");
    expect(fs[0].message).toContain("%");
  });

  test("百分比 in the unit column is %", () => {
    expect(check(splitForm({ 1: [null, "质量指标", "路面完好率", "≥", "95%", "百分比"] }))).toEqual([]);
  });

  test("a comparison written both in the value and in 指标性质 is read once", () => {
    expect(check(splitForm({ 0: ["产出指标", "数量指标", "养护里程", "≥", "≥120", "公里"] }))).toEqual([]);
  });
});

function typedForm(edit: Record<number, LiteralCell[]> = {}): LiteralCell[][] {
  const rows: LiteralCell[][] = [
    ["产出指标", "数量指标", "培训人次", "定量", "≥300", "人次"],
    [null, "质量指标", "培训考核合格率", "定量", "≥90", "%"],
    [null, "时效指标", "培训完成时间", "定量", "12月底前", null],
    ["效益指标", "社会效益指标", "从业人员技能水平", "定性", "显著提高", null],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "定量", "≥90", "%"],
  ];
  for (const [i, row] of Object.entries(edit)) rows[Number(i)] = row;
  return [
    ["职业技能培训项目绩效目标表"],
    ["项目名称", "职业技能培训项目"],
    ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "计量单位"],
    ...rows,
  ];
}

describe("指标值类型 (定量 / 定性)", () => {
  test("the clean form gives nothing", () => {
    expect(check(typedForm())).toEqual([]);
  });

  test("IND-VALUE-TYPE: a 定量 row without a number, reported once (not also IND-VAGUE)", () => {
    const fs = check(typedForm({ 1: [null, "质量指标", "培训考核合格率", "定量", "明显改善", null] }));
    expect(brief(fs)).toEqual([["IND-VALUE-TYPE", "E5", "warning"]]);
    expect(fs[0].related).toEqual(["D5"]);
  });

  test("IND-VALUE-TYPE: a 定性 row with a unit", () => {
    const fs = check(typedForm({ 3: ["效益指标", "社会效益指标", "从业人员技能水平", "定性", "显著提高", "%"] }));
    expect(brief(fs)).toEqual([["IND-VALUE-TYPE", "E7", "warning"]]);
  });
});
