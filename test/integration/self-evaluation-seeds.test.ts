import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { CheckResult, checkWorkbook } from "../../src/core/check";

/**
 * Seeds 011–013, the self-evaluation forms (test/fixtures/seed01[123]-ziping.xlsx): every error and
 * warning is a real defect of the published form (or, in 011, the copy being cut inside its last
 * row), and the well-formed values give none.
 */
const results = new Map<string, Promise<CheckResult>>();
const check = (file: string) => {
  if (!results.has(file))
    results.set(
      file,
      readWorkbookFile(file).then((s) => checkWorkbook(s)),
    );
  return results.get(file)!;
};
const serious = async (file: string) =>
  (await check(file)).findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.rule}`);

describe("seed 011 (池州 棠溪镇 自评表)", () => {
  const file = "test/fixtures/seed011-ziping.xlsx";

  it("reports the 0/0/0 总额 over its parts, the 执行率 0, and the unquantified cost; nothing else but the cut last row", async () => {
    expect(await serious(file)).toEqual([
      "B7 EVAL-FUNDS-TOTAL",
      "C7 EVAL-FUNDS-TOTAL",
      "D7 EVAL-FUNDS-TOTAL",
      "F7 EVAL-RATE",
      "D21 IND-COST-NO-AMOUNT",
      // The copy ends inside 满意度指标(10分) | 满意度指标 | 公众满…: the row has no value.
      "D26 IND-EMPTY",
      "D26 IND-MISFILED",
      "E26 IND-EMPTY",
    ]);
  });

  it("reads points in the 一级 labels and adds them up (产出 50, 效益 30): no points finding", async () => {
    const { findings } = await check(file);
    expect(
      findings.filter((f) => f.rule.startsWith("EVAL-POINTS") || f.rule === "IND-UNKNOWN-NAME" || f.rule === "IND-HIERARCHY"),
    ).toEqual([]);
  });

  it("reads the bare 实际完成值 in the target's unit, as info", async () => {
    const { findings } = await check(file);
    expect(findings.filter((f) => f.rule === "EVAL-ACTUAL-NO-UNIT").map((f) => [f.cell, f.severity])).toEqual([
      ["E16", "info"],
      ["E17", "info"],
      ["E20", "info"],
    ]);
  });

  it("judges the cost target against the budget set at the start of the year (90), not the 0 of the broken 总额", async () => {
    const { findings } = await check(file);
    expect(findings.filter((f) => f.rule === "IND-COST-BUDGET" || f.rule === "IND-COST-MISMATCH")).toEqual([]);
  });
});

describe("seed 012 (青神县发改局 自评表, published unfilled)", () => {
  const file = "test/fixtures/seed012-ziping.xlsx";

  it("reads 指标性质 / 指标值 / 度量单位 as one value and the 权重 as 90 + 10 = 100: only the unfilled form and the missing 满意度 remain", async () => {
    // Unfilled: the funds block's 得分 (10 × 100.00% = 10), the results, and four fields still holding their prompts.
    expect(await serious(file)).toEqual([
      "D6 PKG-LEFTOVER",
      "G10 EVAL-RATE-SCORE",
      "A16 IND-MISSING-CATEGORY",
      "G17 EVAL-UNFILLED",
      "B20 PKG-LEFTOVER",
      "B21 PKG-LEFTOVER",
      "B22 PKG-LEFTOVER",
    ]);
    const { findings } = await check(file);
    expect(findings.filter((f) => f.severity === "info")).toEqual([]);
  });
});

describe("seed 013 (大英县司法局 自评表)", () => {
  const file = "test/fixtures/seed013-ziping.xlsx";

  it("reports 经济成本指标 under 产出指标, the 完成值 “完成”, and the form with a single indicator", async () => {
    expect(await serious(file)).toEqual(["B1 IND-MISSING-CATEGORY", "C2 IND-HIERARCHY", "H2 EVAL-ACTUAL-UNQUANTIFIED"]);
  });

  it("accepts the second form's funds block (年初 0.00, 调整后 3.36, 执行 3.36, 100.00%) and the 合计 of 100 over 90 points", async () => {
    const { findings } = await check(file);
    expect(findings.filter((f) => f.rule.startsWith("EVAL-") && f.rule !== "EVAL-ACTUAL-UNQUANTIFIED")).toEqual([]);
    expect(findings.filter((f) => f.severity === "info")).toEqual([]);
  });
});
