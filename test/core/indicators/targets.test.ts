import { LiteralCell } from "../../../src/core/snapshot";
import { brief, checkSelfEval, m2, pct } from "./self-eval-grid";
import { check, miniBlock } from "./helpers";

/**
 * Targets with no unit, money in the wrong category, costs with no amount, dates shown as serials
 * (issue 16). The mini block has units everywhere and a budget of 10.00; rows 7–12. Invented figures.
 */

/** A form whose names carry their units and whose values are bare numbers: no unit column, no unit in a value. */
function bareForm(edit: Record<number, LiteralCell[]> = {}): LiteralCell[][] {
  const rows: LiteralCell[][] = [
    ["产出指标", "数量指标", "营造林面积(亩)", 80000],
    [null, "质量指标", "苗木成活率(%)", 85],
    [null, "时效指标", "项目完成时间", "2023年底"],
    [null, "成本指标", "项目总投入(万元)", 6070],
    ["效益指标", "社会效益指标", "受益人数(人)", 132],
    ["满意度指标", "服务对象满意度指标", "群众满意度(%)", 90],
  ];
  for (const [i, row] of Object.entries(edit)) rows[Number(i)] = row;
  return [["项目支出绩效目标申报表"], ["项目名称", "水源涵养林建设"], ["一级指标", "二级指标", "三级指标", "指标值"], ...rows];
}

describe("a number with no unit", () => {
  test("the form whose names carry the units is clean", () => {
    expect(check(bareForm())).toEqual([]);
  });

  test("IND-BARE-NUMBER: a bare number in a form with no unit anywhere; the likely unit from the name", () => {
    const fs = check(bareForm({ 1: [null, "质量指标", "苗木成活率", 85] }));
    expect(brief(fs)).toEqual([["IND-BARE-NUMBER", "D5", "warning"]]);
    expect(fs[0].message).toContain("%");
    expect(fs[0].message).toContain("85%");
    const count = check(bareForm({ 0: ["产出指标", "数量指标", "举办培训场次", 12] }));
    expect(brief(count)).toEqual([["IND-BARE-NUMBER", "D4", "warning"]]);
    expect(count[0].message).toContain("“12场”");
    const quantity = check(bareForm({ 0: ["产出指标", "数量指标", "设备购置数量", 12] }));
    expect(quantity[0].message).toContain("个、项或人次");
  });

  test("the blank form's placeholder in the name names the unit: 项目总投入(≥**万元)", () => {
    const fs = check(bareForm({ 3: [null, "成本指标", "项目总投入(≥**万元)", 6070] }));
    expect(brief(fs)).toEqual([["IND-BARE-NUMBER", "D7", "warning"]]);
    expect(fs[0].message).toContain("6070万元");
    expect(fs[0].message).toContain("(≥**万元)");
  });

  test("IND-NO-UNIT where the siblings carry units, and it names the likely unit too", () => {
    const fs = check(miniBlock({ 5: ["满意度指标", "服务对象满意度指标", "参训人员满意度", 90] }));
    expect(brief(fs)).toEqual([["IND-NO-UNIT", "D12", "warning"]]);
    expect(fs[0].message).toContain("“90%”");
  });

  test("a bracket that is no unit does not excuse the number: 建设项目个数(含续建)", () => {
    const fs = check(miniBlock({ 0: ["产出指标", "数量指标", "建设项目个数(含续建)", 1] }));
    expect(brief(fs)).toEqual([["IND-NO-UNIT", "D7", "warning"]]);
    expect(fs[0].message).toContain("“1个”");
  });
});

describe("a target written across 三级指标 and 指标值", () => {
  test("one merged sentence is the target: a vague word at most, never IND-EMPTY or IND-SAME-AS-NAME", () => {
    const rows = bareForm({ 4: ["效益指标", "生态效益指标", "提高森林覆盖率,促进生物多样性保护。", null] });
    const merge = { top: 7, bottom: 7, left: 2, right: 3 };
    expect(brief(check(rows, [merge]))).toEqual([["IND-VAGUE", "D8", "info"]]);
    // Without the merge the value is missing.
    expect(brief(check(rows))).toEqual([["IND-EMPTY", "D8", "error"]]);
  });
});

describe("IND-DATE-SERIAL", () => {
  test("a 时效 target of 44561 is 2021-12-31 shown as a number", () => {
    const fs = check(miniBlock({ 2: [null, "时效指标", "资金到位时间", 44561] }));
    expect(brief(fs)).toEqual([["IND-DATE-SERIAL", "D9", "warning"]]);
    expect(fs[0].message).toContain("2021-12-31");
    expect(fs[0].message).toContain("2021年12月31日前");
  });

  test("the same number as a count is a count: no date", () => {
    expect(brief(check(miniBlock({ 0: ["产出指标", "数量指标", "培训人数", "44561人"] })))).toEqual([]);
  });
});

describe("IND-MONEY-MISFILED", () => {
  test("money under 数量, 质量 or 时效 belongs under 成本指标", () => {
    const fs = check(miniBlock({ 0: ["产出指标", "数量指标", "培训补助发放", "≥5万元"] }));
    expect(brief(fs)).toEqual([["IND-MONEY-MISFILED", "D7", "warning"]]);
    expect(fs[0].message).toContain("成本指标");
    expect(brief(check(miniBlock({ 2: [null, "时效指标", "人均补助", "3000元/人"] })))).toEqual([
      ["IND-MONEY-MISFILED", "D9", "warning"],
    ]);
  });

  test("money under 成本 and a rate under 质量 are where they belong", () => {
    expect(check(miniBlock({ 3: [null, "成本指标", "培训经费", "≤8万元"] }))).toEqual([]);
    expect(check(miniBlock({ 1: [null, "质量指标", "资金使用合规率", "100%"] }))).toEqual([]);
  });
});

describe("IND-COST-NO-AMOUNT", () => {
  const cost = (value: LiteralCell) => check(miniBlock({ 3: [null, "成本指标", "培训经费", value] }));

  test("a reference to a standard, a word, a count or a unit that is no money states no amount", () => {
    for (const value of ["参照市场价格", "按标准执行", "符合相关规定", "470人/天", "2次"]) {
      const fs = cost(value);
      expect([value, brief(fs)]).toEqual([value, [["IND-COST-NO-AMOUNT", "D10", "warning"]]]);
    }
    expect(cost("470人/天")[0].message).toContain("人/天");
  });

  test("a unit cost of 0 is a figure lost to an integer format; a total of 0 is a figure", () => {
    expect(brief(cost("0万元/人"))).toEqual([["IND-COST-NO-AMOUNT", "D10", "warning"]]);
    expect(cost("0万元")).toEqual([]);
  });

  test("an amount, a ceiling, a per-head amount, a share of the budget, money in a sentence: fine", () => {
    for (const value of ["≤10万元", "10万元", "≤3000元/人", "≤100%", "严格按照预算标准1000元/人兑付补助"])
      expect([value, cost(value)]).toEqual([value, []]);
  });

  test("a bare number is judged by its missing unit, not twice", () => {
    const fs = cost(8);
    expect(brief(fs)).toEqual([["IND-NO-UNIT", "D10", "warning"]]);
    expect(fs[0].message).toContain("万元");
  });

  test("社会成本 and 生态环境成本 need a measure, not money", () => {
    const rows: LiteralCell[][] = [
      ["项目绩效目标表"],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训人数", "≥100人"],
      ["成本指标", "经济成本指标", "培训经费", "≤10万元"],
      [null, "社会成本指标", "对周边居民的影响", "≤2起"],
      ["效益指标", "社会效益指标", "群众健康素养", "显著提高"],
      ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"],
    ];
    expect(check(rows)).toEqual([]);
  });
});

describe("self-evaluation scores", () => {
  test("the clean form (full points where met, funds 10 × 98% = 9.8) gives nothing", () => {
    expect(checkSelfEval()).toEqual([]);
  });

  test("EVAL-SCORE-UNEXPLAINED: 84% meets ≥80%, 28 of 30 points, no reason given", () => {
    const fs = checkSelfEval({ G12: 28, G14: 97.8 });
    expect(brief(fs)).toEqual([["EVAL-SCORE-UNEXPLAINED", "G12", "warning"]]);
    expect(fs[0].message).toContain("28");
    expect(fs[0].related).toEqual(["F12", "E12", "D12"]);
  });

  test("a deduction with a reason, or where the result misses the target, is not questioned", () => {
    const withReason = checkSelfEval({ G12: 28, G14: 97.8, H8: "偏差原因分析及改进措施", H12: "部分社区宣传不到位" });
    expect(withReason).toEqual([]);
    expect(checkSelfEval({ E12: "78%", G12: 28, G14: 97.8 })).toEqual([]);
    // The reason column left empty on this row: the deduction stays unexplained.
    expect(brief(checkSelfEval({ G12: 28, G14: 97.8, H8: "偏差原因分析及改进措施" }))).toEqual([
      ["EVAL-SCORE-UNEXPLAINED", "G12", "warning"],
    ]);
  });

  test("EVAL-RATE-SCORE: 10 × 98% is 9.8, not 9; said with the figure it should be", () => {
    const fs = checkSelfEval({ G4: 9, G14: 99 });
    expect(brief(fs)).toEqual([["EVAL-RATE-SCORE", "G4", "warning"]]);
    expect(fs[0].message).toContain("= 9.8，按表中得分的 0 位小数取 10");
    expect(brief(checkSelfEval({ G4: 9.5, G14: 99.5 }))).toEqual([["EVAL-RATE-SCORE", "G4", "warning"]]);
  });

  test("EVAL-RATE-SCORE rounds to the form's decimals and caps at 分值", () => {
    // Every score a whole number: 9.8 rounds to 10.
    const whole = checkSelfEval({ G4: 10, G14: 100 });
    expect(whole).toEqual([]);
    // Spent 105% of the budget: the score stops at 10.
    const over = {
      D4: m2(19.425),
      D5: m2(14.7),
      D6: m2(4.725),
      F4: pct(1.05),
      F5: pct(1.05),
      F6: pct(1.05),
    };
    expect(checkSelfEval({ ...over, G4: 10, G14: 100 })).toEqual([]);
    const capped = checkSelfEval({ ...over, G4: 9.5, G14: 99.5 });
    expect(brief(capped)).toEqual([["EVAL-RATE-SCORE", "G4", "warning"]]);
    expect(capped[0].message).toContain("不超过分值");
  });

  test("EVAL-RATE-SCORE on a blank 得分: says the score the rate earns (an unfilled form's funds block)", () => {
    const fs = checkSelfEval({ G4: null, G14: 90 });
    expect(brief(fs)).toEqual([["EVAL-RATE-SCORE", "G4", "warning"]]);
    expect(fs[0].message).toBe("预算执行得分未填写：按 分值 10 × 执行率 98.00% 应为 9.8");
    // Spent beyond the budget: capped at 分值.
    const over = { D4: m2(19.425), D5: m2(14.7), D6: m2(4.725), F4: pct(1.05), F5: pct(1.05), F6: pct(1.05) };
    expect(checkSelfEval({ ...over, G4: null, G14: 90 })[0].message).toContain("应为 10（不超过分值）");
  });

  test("a 得分 marked not applicable, or scored on a part row instead, is no blank score", () => {
    expect(checkSelfEval({ G4: "/", G14: 90 }).filter((f) => f.rule === "EVAL-RATE-SCORE")).toEqual([]);
    expect(checkSelfEval({ G4: null, G5: 9.8 }).filter((f) => f.rule === "EVAL-RATE-SCORE")).toEqual([]);
  });

  test("layout variant: 权重 for 分值 and 预算执行率 for 执行率 give the same blank-score finding", () => {
    const fs = checkSelfEval({ E3: "权重", F3: "预算执行率", G4: null, G14: 90 });
    expect(brief(fs)).toEqual([["EVAL-RATE-SCORE", "G4", "warning"]]);
  });

  test("a wrong 执行率 is EVAL-RATE alone: the score is not judged on it", () => {
    expect(brief(checkSelfEval({ F4: pct(0.89) }))).toEqual([["EVAL-RATE", "F4", "error"]]);
  });
});
