import { checkWorkbook } from "../../../src/core/check";
import { LiteralCell, gridSheet } from "../../../src/core/snapshot";
import { brief, checkSelfEval, m2, pct, selfEvalRows } from "./self-eval-grid";

/**
 * Self-evaluation forms (绩效自评表, docs/domain.md §8): the funds block, points and scores, and the
 * 实际完成值 column, each rule with its clean form and one planted defect.
 */
describe("self-evaluation forms", () => {
  test("the clean form gives no finding at all", () => {
    expect(brief(checkSelfEval())).toEqual([]);
  });

  describe("funds block", () => {
    test("EVAL-FUNDS-TOTAL: 年度资金总额 is not the sum of its parts", () => {
      const fs = checkSelfEval({ C4: m2(18.6) });
      expect(brief(fs)).toEqual([["EVAL-FUNDS-TOTAL", "C4", "error"]]);
      expect(fs[0]).toMatchObject({ expected: "18.50", actual: "18.60", related: ["C5", "C6"] });
      expect(fs[0].message).toContain("全年预算数");
    });

    test("EVAL-FUNDS-TOTAL: a gap within the band is info", () => {
      expect(brief(checkSelfEval({ C4: m2(18.51) }))).toEqual([["EVAL-FUNDS-TOTAL", "C4", "info"]]);
    });

    test("EVAL-RATE: 执行率 that is not 全年执行数 ÷ 全年预算数", () => {
      const fs = checkSelfEval({ F4: pct(0.89) });
      expect(brief(fs)).toEqual([["EVAL-RATE", "F4", "error"]]);
      expect(fs[0].related).toEqual(["D4", "C4"]);
      expect(fs[0].message).toContain("98.00%");
    });

    test("EVAL-RATE: judged to the decimals the cell shows; text and fractions are read too", () => {
      expect(checkSelfEval({ F4: { v: 0.98, fmt: "0%" } })).toEqual([]);
      expect(checkSelfEval({ F4: "98.00%" })).toEqual([]);
      expect(checkSelfEval({ F4: 0.98 })).toEqual([]);
      expect(brief(checkSelfEval({ F5: "90%" }))).toEqual([["EVAL-RATE", "F5", "error"]]);
    });

    test("a total that does not add up: its 执行率 is judged on the parts, one finding per wrong figure", () => {
      // 总额 typed as 0 / 0 / 0 over real parts, 执行率 0: the total and the rate are both wrong.
      const fs = checkSelfEval({ B4: 0, C4: 0, D4: 0, F4: 0 });
      expect(brief(fs)).toEqual([
        ["EVAL-FUNDS-TOTAL", "B4", "error"],
        ["EVAL-FUNDS-TOTAL", "C4", "error"],
        ["EVAL-FUNDS-TOTAL", "D4", "error"],
        ["EVAL-RATE", "F4", "error"],
      ]);
    });

    test("a project without budget (预算数 0) has no rate to check", () => {
      expect(
        checkSelfEval({
          B4: m2(0),
          C4: m2(0),
          D4: m2(0),
          B5: m2(0),
          C5: m2(0),
          D5: m2(0),
          B6: m2(0),
          C6: m2(0),
          D6: m2(0),
          F4: pct(0),
          F5: pct(0),
          F6: pct(0),
        }),
      ).toEqual([]);
    });

    test("“/” in a part's 分值 and 得分 means not applicable", () => {
      expect(checkSelfEval({ E5: "/", G5: "/", E6: "/", G6: "/" })).toEqual([]);
    });

    test("EVAL-SCORE-OVER: the funds block's 得分 above its 分值", () => {
      expect(brief(checkSelfEval({ G4: 12, G14: 102 }))).toEqual([["EVAL-SCORE-OVER", "G4", "error"]]);
    });
  });

  describe("points and scores", () => {
    test("EVAL-POINTS-SUM: a group's points differ from its label's (40分); reported once, at the label", () => {
      const fs = checkSelfEval({ F9: 25 });
      expect(brief(fs)).toEqual([["EVAL-POINTS-SUM", "A9", "error"]]);
      expect(fs[0].message).toContain("40");
      expect(fs[0].message).toContain("45");
    });

    test("EVAL-POINTS-SUM: the 合计 row differs from the points (+ the funds block's 分值)", () => {
      const fs = checkSelfEval({ F14: 95 });
      expect(brief(fs)).toEqual([["EVAL-POINTS-SUM", "F14", "error"]]);
      // 合计 equal to the indicators alone (90) is a form without the funds share: accepted.
      expect(checkSelfEval({ F14: 90, G14: 90 })).toEqual([]);
    });

    test("EVAL-SCORE-OVER: 得分 above 分值", () => {
      const fs = checkSelfEval({ G12: 32, G14: 101.8 });
      expect(brief(fs)).toEqual([["EVAL-SCORE-OVER", "G12", "error"]]);
      expect(fs[0].related).toEqual(["F12"]);
    });

    test("points are read from labels: 产出指标(40分) is 产出指标", () => {
      expect(checkSelfEval().some((f) => f.rule === "IND-HIERARCHY" || f.rule === "IND-UNKNOWN-NAME")).toBe(false);
    });
  });

  describe("实际完成值", () => {
    test("EVAL-ACTUAL-UNQUANTIFIED: a word where the target is a number", () => {
      const fs = checkSelfEval({ E9: "已完成" });
      expect(brief(fs)).toEqual([["EVAL-ACTUAL-UNQUANTIFIED", "E9", "warning"]]);
      expect(fs[0].related).toContain("D9");
    });

    test("a word beside a qualitative target is fine (达成预期指标)", () => {
      expect(checkSelfEval({ D12: "显著提高", E12: "达成预期指标" })).toEqual([]);
    });

    test("EVAL-ACTUAL-NO-UNIT: a bare number is read in the target's unit, and said so as info", () => {
      const fs = checkSelfEval({ E9: 26 });
      expect(brief(fs)).toEqual([["EVAL-ACTUAL-NO-UNIT", "E9", "info"]]);
      expect(fs[0].message).toContain("场");
    });

    test("IND-PERCENT-RANGE also on the actual value", () => {
      expect(brief(checkSelfEval({ E13: "103%" }))).toEqual([["IND-PERCENT-RANGE", "E13", "warning"]]);
    });

    test("EVAL-UNFILLED: no 实际完成值 and no 得分 at all is one warning, not an error per row", () => {
      const blank = {
        E9: null,
        E10: null,
        E11: null,
        E12: null,
        E13: null,
        G9: null,
        G10: null,
        G11: null,
        G12: null,
        G13: null,
        G14: null,
        G4: null,
      };
      const fs = checkSelfEval(blank);
      // The indicators' blanks are one EVAL-UNFILLED; the funds block's blank 得分 has a known answer
      // (分值 10 × 执行率 98% = 9.8), said once on its own cell (EVAL-RATE-SCORE).
      expect(brief(fs)).toEqual([
        ["EVAL-RATE-SCORE", "G4", "warning"],
        ["EVAL-UNFILLED", "E9", "warning"],
      ]);
    });

    test("one actual value missing among filled ones is IND-EMPTY at that cell", () => {
      expect(brief(checkSelfEval({ E10: null }))).toEqual([["IND-EMPTY", "E10", "error"]]);
    });
  });

  test("a funds block after the last indicator table (a form cut before its indicators) is still checked", () => {
    const rows = selfEvalRows();
    const next: LiteralCell[][] = [
      [],
      ["项目名称", "社区义诊项目"],
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", m2(6), m2(6), m2(5.4), 10, pct(0.9), 9],
      ["其中：财政拨款", m2(5), m2(5), m2(4.5), null, pct(0.9), null],
      ["其他资金", m2(1), m2(1), m2(0.9), null, pct(0.9), null],
    ];
    expect(checkWorkbook([gridSheet("绩效自评表", [...rows, ...next])]).findings).toEqual([]);
    next[3][3] = m2(5.8);
    const fs = checkWorkbook([gridSheet("绩效自评表", [...rows, ...next])]).findings;
    // The 执行率 90% is right for the parts (5.4 ÷ 6): the total is the one wrong figure.
    expect(brief(fs)).toEqual([["EVAL-FUNDS-TOTAL", "D18", "error"]]);
  });

  test("the form is checked whatever the sheet is called", () => {
    expect(brief(checkSelfEval({ F9: 25 }, "Sheet1"))).toEqual([["EVAL-POINTS-SUM", "A9", "error"]]);
  });
});
