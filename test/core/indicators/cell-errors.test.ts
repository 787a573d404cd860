import { checkWorkbook } from "../../../src/core/check";
import { LiteralCell, gridSheet } from "../../../src/core/snapshot";
import { brief, checkSelfEval } from "./self-eval-grid";
import { check, miniBlock, money } from "./helpers";

/**
 * Error values and odd cells in indicator tables (issue 9): an error value is CELL-ERROR at its
 * cell and no other rule reads it as text; no message quotes more than a short excerpt.
 */
describe("error values in indicator tables", () => {
  test.each([
    ["#REF!", 0, "D7"],
    ["#N/A", 0, "D7"],
    ["#DIV/0!", 1, "D8"],
    ["#VALUE!", 4, "D11"],
  ])("%s in an indicator value is CELL-ERROR only", (error, index, cell) => {
    const rows = miniBlock();
    const at = 6 + index;
    rows[at] = [...rows[at]];
    rows[at][3] = error;
    expect(brief(check(rows))).toEqual([["CELL-ERROR", cell, "error"]]);
  });

  test("#REF! in 预算数 is CELL-ERROR, and the plan is not judged against a budget it cannot read", () => {
    const fs = check(miniBlock({}, { budget: undefined }).map((r, i) => (i === 2 ? ["预算数", "#REF!"] : r)));
    expect(brief(fs)).toEqual([["CELL-ERROR", "B3", "error"]]);
  });

  test("#DIV/0! in a plan cell is CELL-ERROR; the plan around it is still checked", () => {
    expect(brief(check(miniBlock({}, { plan: [money(2), money(5), "#DIV/0!", money(10)] })))).toEqual([
      ["CELL-ERROR", "D5", "error"],
    ]);
    const falls = check(miniBlock({}, { plan: [money(6), "#DIV/0!", money(5), money(10)] }));
    expect(brief(falls)).toEqual([
      ["CELL-ERROR", "C5", "error"],
      ["PLAN-MONOTONIC", "D5", "warning"],
    ]);
  });

  test("an error value in a category or name cell is CELL-ERROR, not an unknown name", () => {
    const rows = miniBlock({ 1: [null, "#REF!", "培训合格率", "≥95%"] });
    expect(brief(check(rows))).toEqual([["CELL-ERROR", "B8", "error"]]);
  });

  test("an error value in a description or basis column is CELL-ERROR too", () => {
    const rows: LiteralCell[][] = [
      ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"],
      ["产出指标", "数量指标", "培训人数", "≥100人", "#N/A"],
      ["效益指标", "社会效益指标", "群众健康素养", "显著提高", "年度计划"],
      ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "年度计划"],
    ];
    expect(brief(check(rows))).toEqual([["CELL-ERROR", "E2", "error"]]);
  });

  test("an error value in 分值 or 得分 is CELL-ERROR and the points are not added", () => {
    expect(brief(checkSelfEval({ F10: "#VALUE!" }))).toEqual([["CELL-ERROR", "F10", "error"]]);
    expect(brief(checkSelfEval({ G4: "#N/A" }))).toEqual([["CELL-ERROR", "G4", "error"]]);
  });

  test("an error value in the funds block is CELL-ERROR and its total is not judged", () => {
    expect(brief(checkSelfEval({ C5: "#REF!" }))).toEqual([["CELL-ERROR", "C5", "error"]]);
  });

  test("through the workbook check too, reported once", () => {
    const rows = miniBlock({ 0: ["产出指标", "数量指标", "培训人数", "#REF!"] });
    const { findings } = checkWorkbook([gridSheet("项目绩效目标表", rows)]);
    expect(brief(findings)).toEqual([["CELL-ERROR", "D7", "error"]]);
  });
});

describe("odd cells never make a message Excel cannot hold", () => {
  const LIMIT = 300;
  const huge = "提".repeat(32767);

  test("a 32,767-character value or name is quoted as a short excerpt", () => {
    const cases: LiteralCell[][][] = [
      miniBlock({ 4: ["效益指标", "社会效益指标", "群众健康素养", huge] }),
      miniBlock({ 0: ["产出指标", "数量指标", huge, null] }),
      miniBlock({ 0: ["产出指标", huge, "培训人数", "≥100人"] }),
      miniBlock({ 5: ["满意度指标", "服务对象满意度指标", huge, "≥90%"] }),
    ];
    for (const rows of cases) {
      const { findings } = checkWorkbook([gridSheet("项目绩效目标表", rows)]);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(f.message.length).toBeLessThan(LIMIT);
    }
  });

  test("a huge text in an amount column or a row label of a funds table above the indicators", () => {
    const m = (v: number): LiteralCell => ({ v, fmt: "0.00" });
    const rows: LiteralCell[][] = [
      ["单位：万元"],
      ["资金来源", "金额"],
      ["财政拨款", m(1)],
      ["上级补助", huge],
      [huge, m(3)],
      ["合计", m(5)],
      [],
      ...miniBlock().slice(5),
    ];
    const { findings } = checkWorkbook([gridSheet("项目绩效目标表", rows)]);
    expect(findings.map((f) => f.rule)).toContain("CELL-NOT-NUMBER");
    for (const f of findings) expect(f.message.length).toBeLessThan(LIMIT);
  });

  test("1e308 as a value, a budget or points", () => {
    const cases = [
      check(miniBlock({ 3: [null, "成本指标", "培训经费", 1e308] })),
      check(miniBlock({}, { budget: 1e308 })),
      checkSelfEval({ F9: 1e308 }),
      checkSelfEval({ C4: 1e308 }),
    ];
    for (const fs of cases) for (const f of fs) expect(f.message.length).toBeLessThan(LIMIT);
    expect(cases[2].length).toBeGreaterThan(0);
  });
});
