import { byRule, check, miniBlock, money } from "./helpers";

/** Every rule: the clean mini block gives nothing, and one edit gives exactly the finding. */
describe("indicator rules on literal grids", () => {
  const clean = check(miniBlock());

  test("the clean mini block gives no finding at all", () => {
    expect(clean).toEqual([]);
  });

  test("IND-EMPTY: an indicator without value", () => {
    const fs = byRule(check(miniBlock({ 0: ["产出指标", "数量指标", "培训人数", null] })), "IND-EMPTY");
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ cell: "D7", severity: "error", related: ["C7"] });
    expect(fs[0].message).toContain("培训人数");
  });

  test("IND-UNUSED: a category row with neither indicator nor value", () => {
    const rows = miniBlock(
      { 5: [null, "生态效益指标", null, null] },
      { extra: [["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"]] },
    );
    const fs = check(rows);
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-UNUSED", "D12", "info"]]);
    expect(fs[0].related).toEqual(["B12"]);
  });

  test("IND-SAME-AS-NAME: value restates the indicator", () => {
    const fs = check(miniBlock({ 4: ["效益指标", "社会效益指标", "群众健康素养提升", "群众健康素养提升"] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-SAME-AS-NAME", "D11", "warning"]]);
  });

  test("IND-NO-UNIT: a bare number where siblings have units; not when the name carries the unit", () => {
    const fs = check(miniBlock({ 0: ["产出指标", "数量指标", "签约人数", 5000] }));
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([["IND-NO-UNIT", "D7"]]);
    expect(check(miniBlock({ 0: ["产出指标", "数量指标", "签约人数（人）", 5000] }))).toEqual([]);
  });

  test("IND-FRACTION-PERCENT: judged on the displayed text", () => {
    const fs = check(miniBlock({ 1: [null, "质量指标", "培训合格率", 0.85] }));
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([["IND-FRACTION-PERCENT", "D8"]]);
    expect(fs[0].message).toContain("85%");
    // 0.9 formatted as 0% shows 90%: fine.
    expect(check(miniBlock({ 1: [null, "质量指标", "培训合格率", { v: 0.9, fmt: "0%" }] }))).toEqual([]);
  });

  test("IND-PERCENT-RANGE: a satisfaction above 100%; growth rates may pass 100%", () => {
    const fs = check(miniBlock({ 5: ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥120%"] }));
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([["IND-PERCENT-RANGE", "D12"]]);
    expect(fs[0].message).toContain("20");
    expect(check(miniBlock({ 0: ["产出指标", "数量指标", "门诊量增长率", "≥120%"] }))).toEqual([]);
    expect(byRule(check(miniBlock({ 1: [null, "质量指标", "培训合格率", "-5%"] })), "IND-PERCENT-RANGE")).toHaveLength(1);
  });

  test("IND-QUAL-IN-QUANT: a word under 数量 (under 成本 it is IND-COST-NO-AMOUNT); grades under 质量 and periods under 时效 are fine", () => {
    const fs = check(miniBlock({ 0: ["产出指标", "数量指标", "培训人数", "基本完成"] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-QUAL-IN-QUANT", "D7", "warning"]]);
    expect(check(miniBlock({ 3: [null, "成本指标", "培训经费", "节约开支"] })).map((f) => [f.rule, f.cell])).toEqual([
      ["IND-COST-NO-AMOUNT", "D10"],
    ]);
    expect(check(miniBlock({ 1: [null, "质量指标", "培训质量", "合格"] }))).toEqual([]);
    expect(check(miniBlock({ 2: [null, "时效指标", "资金拨付", "按季度拨付资金"] }))).toEqual([]);
    expect(check(miniBlock({ 2: [null, "时效指标", "完成时间", "2022年度"] }))).toEqual([]);
  });

  test("IND-VAGUE: a verb with no target, and 不适用 beside a named indicator", () => {
    const fs = check(miniBlock({ 4: ["效益指标", "社会效益指标", "群众健康素养", "加强"] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-VAGUE", "D11", "info"]]);
    const na = check(miniBlock({ 4: ["效益指标", "社会效益指标", "群众健康素养", "不适用"] }));
    expect(na.map((f) => f.rule)).toEqual(["IND-VAGUE"]);
    expect(check(miniBlock({ 4: ["效益指标", "社会效益指标", "不适用", "不适用"] }))).toEqual([]);
  });

  test("IND-COST-BUDGET: cost above the budget, in 万元 or converted from 元", () => {
    const fs = check(miniBlock({ 3: [null, "成本指标", "培训经费", "≤12万元"] }));
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([["IND-COST-BUDGET", "D10"]]);
    expect(fs[0]).toMatchObject({ related: ["C10", "B3"], expected: "10.00", actual: "12.00", difference: "2.00" });
    const yuan = check(miniBlock({ 3: [null, "成本指标", "培训经费", "≤150000元"] }));
    expect(yuan.map((f) => f.rule)).toEqual(["IND-COST-BUDGET"]);
    expect(check(miniBlock({ 3: [null, "成本指标", "培训经费", "≤100000元"] }))).toEqual([]);
    expect(check(miniBlock({ 3: [null, "成本指标", "人均培训成本", "≤3000元/人"] }))).toEqual([]);
  });

  test("IND-COST-MISMATCH: an exact cost a little off the budget", () => {
    const fs = check(miniBlock({ 3: [null, "成本指标", "培训经费", "9.95万元"] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-COST-MISMATCH", "D10", "info"]]);
    expect(fs[0].difference).toBe("-0.05");
    expect(check(miniBlock({ 3: [null, "成本指标", "培训经费", "10万元"] }))).toEqual([]);
    expect(check(miniBlock({ 3: [null, "成本指标", "培训经费", "5万元"] }))).toEqual([]);
  });

  test("IND-HIERARCHY: a 二级 under the wrong 一级, a mix of frameworks; unknown names are IND-UNKNOWN-NAME", () => {
    const wrong = check(miniBlock({ 4: ["效益指标", "质量指标", "群众健康素养", "≥90%"] }));
    expect(wrong.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-HIERARCHY", "B11", "error"]]);
    expect(wrong[0].message).toContain("产出指标");
    // docs/domain.md §8: an unknown name is at most one warning per block, never an error.
    const unknown2 = check(miniBlock({ 4: ["效益指标", "影响力指标", "群众健康素养", "显著提高"] }));
    expect(unknown2.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-UNKNOWN-NAME", "B11", "warning"]]);
    const unknown1 = byRule(
      check(miniBlock({ 4: ["其他指标", "社会效益指标", "群众健康素养", "显著提高"] })),
      "IND-UNKNOWN-NAME",
    );
    expect(unknown1.map((f) => f.cell)).toEqual(["A11"]);
    const mixed = check(miniBlock({}, { extra: [["成本指标", "经济成本指标", "人员成本", "≤5万元"]] }));
    expect(byRule(mixed, "IND-HIERARCHY").map((f) => f.cell)).toEqual(["B13"]);
  });

  test("IND-HIERARCHY: the 2021 framework with 成本 as level 1 is accepted on its own", () => {
    const rows = miniBlock({ 3: ["成本指标", "经济成本指标", "培训经费", "≤10万元"] });
    expect(check(rows)).toEqual([]);
    // Its cost rows are still held against the budget.
    const over = check(miniBlock({ 3: ["成本指标", "经济成本指标", "培训经费", "≤20万元"] }));
    expect(over.map((f) => f.rule)).toEqual(["IND-COST-BUDGET"]);
  });

  test("IND-MISFILED: a 满意度 row that is not about satisfaction", () => {
    const fs = check(miniBlock({ 5: ["满意度指标", "服务对象满意度指标", "门诊量增长率", "≥5%"] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-MISFILED", "D12", "warning"]]);
    expect(check(miniBlock({ 5: ["满意度指标", "服务对象满意度指标", "有效投诉率", "≤1%"] }))).toEqual([]);
  });

  test("IND-MISSING-CATEGORY: a block without 满意度 rows", () => {
    const fs = check(miniBlock({ 5: [null, "社会效益指标", "群众知晓率", "≥80%"] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-MISSING-CATEGORY", "A6", "warning"]]);
    expect(fs[0].message).toContain("满意度指标");
  });

  test("IND-DUPLICATE: the same indicator twice in one block", () => {
    const fs = check(miniBlock({ 1: [null, "质量指标", "培训 人数", "≥95%"] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-DUPLICATE", "D8", "info"]]);
    expect(fs[0].related).toEqual(["C8", "C7"]);
  });

  test("IND-FULLWIDTH: full-width signs are read and reported", () => {
    const fs = check(miniBlock({ 5: ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≧９０％"] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["IND-FULLWIDTH", "D12", "info"]]);
    expect(fs[0].message).toContain("≥90%");
  });

  test("PLAN-MONOTONIC: a cumulative amount that falls", () => {
    const fs = check(miniBlock({}, { plan: [money(2), money(5), money(4), money(10)] }));
    expect(fs.map((f) => [f.rule, f.cell, f.severity])).toEqual([["PLAN-MONOTONIC", "D5", "warning"]]);
    expect(fs[0].related).toEqual(["C5"]);
    expect(fs[0].message).toContain("1.00");
  });

  test("PLAN-END: amount, percent and fraction forms", () => {
    const short = check(miniBlock({}, { plan: [money(2), money(5), money(8), money(9)] }));
    expect(short.map((f) => [f.rule, f.cell, f.severity])).toEqual([["PLAN-END", "E5", "warning"]]);
    expect(short[0]).toMatchObject({ expected: "10.00", actual: "9.00", related: ["B3"] });
    expect(check(miniBlock({}, { plan: ["20%", "50%", "80%", "100%"] }))).toEqual([]);
    expect(
      check(
        miniBlock(
          {},
          {
            plan: [
              { v: 0.2, fmt: "0%" },
              { v: 0.5, fmt: "0%" },
              { v: 0.8, fmt: "0%" },
              { v: 1, fmt: "0%" },
            ],
          },
        ),
      ),
    ).toEqual([]);
    expect(check(miniBlock({}, { plan: [20, 50, 80, 100] }))).toEqual([]);
    const pct = check(miniBlock({}, { plan: ["20%", "50%", "80%", "90%"] }));
    expect(pct.map((f) => [f.rule, f.severity])).toEqual([["PLAN-END", "warning"]]);
    const rounding = check(miniBlock({}, { plan: [money(2), money(5), money(8), money(10.01)] }));
    expect(rounding.map((f) => [f.rule, f.severity])).toEqual([["PLAN-END", "info"]]);
    const blank = check(miniBlock({}, { plan: [money(2), money(5), money(8), null] }));
    expect(blank.map((f) => [f.rule, f.cell, f.severity])).toEqual([["PLAN-END", "E5", "warning"]]);
  });
});

describe("layouts", () => {
  test("一级 merged over its group is carried down, and a new 一级 forgets the old 二级", () => {
    const rows = miniBlock({
      1: [null, null, "培训合格率", "≥95%"],
      4: ["效益指标", null, "群众健康素养", "显著提高"],
    });
    const fs = check(rows, [{ top: 6, left: 0, bottom: 9, right: 0 }]);
    // Row 8 carries 数量 from row 7 (no finding); row 11 has no 二级 under the new 一级: nothing to judge.
    expect(fs).toEqual([]);
  });

  test("指标名称 layout with two value columns: each column is checked", () => {
    const rows = [
      ["项目名称", "示例项目"],
      ["一级指标", "二级指标", "指标名称", "年度指标值", "2026年指标值", "指标解释"],
      ["产出指标", "数量指标", "培训人数", "≥100人", null, "说明"],
      [null, "质量指标", "培训合格率", "≥95%", "≥96%", "说明"],
      ["效益指标", "社会效益指标", "健康素养", "显著提高", "显著提高", "说明"],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "0.92", "说明"],
    ];
    const fs = check(rows);
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([
      ["IND-EMPTY", "E3"],
      ["IND-FRACTION-PERCENT", "E6"],
    ]);
    expect(fs[0].message).toContain("2026年指标值");
    expect(fs[0].id).toBe("IND-EMPTY|项目绩效目标表|示例项目|培训人数|2026年指标值");
  });

  test("short names: 产出 / *数量 are the classic categories", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出", "*数量", "培训人数", "≥100人"],
      ["产出", "*质量", "合格率", "100%"],
      ["效益", "*社会效益", "健康素养", "显著提高"],
      ["满意度", "*服务对象满意度", "满意度", "≥90%"],
    ];
    expect(check(rows)).toEqual([]);
  });

  test("a sheet without an indicator header says so", () => {
    const fs = check([
      ["项目", "金额"],
      ["甲", 1],
    ]);
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([["LAYOUT-UNKNOWN", "A1"]]);
  });
});
