import { checkWorkbook } from "../../../src/core/check";
import { LiteralCell, gridSheet } from "../../../src/core/snapshot";
import { brief, checkSelfEval } from "./self-eval-grid";
import { check } from "./helpers";

/**
 * What a blank form leaves (issue 16): placeholder rows said once per block (IND-PLACEHOLDER), a part
 * of the form left blank said once (IND-PART-BLANK), never an error per row. Invented figures.
 */
const HEADER: LiteralCell[] = ["一级指标", "二级指标", "三级指标", "指标值"];

function nationalForm(extra: LiteralCell[][] = []): LiteralCell[][] {
  return [
    ["项目支出绩效目标申报表"],
    ["项目名称", "社区健康讲座"],
    HEADER,
    ["产出指标", "数量指标", "指标1：讲座场次", "≥24场"],
    [null, null, "指标2：", null],
    [null, "质量指标", "指标1：听众签到率", "≥95%"],
    [null, null, "……", null],
    ["效益指标", "社会效益指标", "指标1：居民健康素养", "显著提高"],
    [null, null, "指标2", null],
    ["满意度指标", "服务对象满意度指标", "指标1：听众满意度", "≥90%"],
    ...extra,
  ];
}

describe("IND-PLACEHOLDER", () => {
  test("the national form's unfilled 指标2 / …… rows: one info for the block, no IND-EMPTY, no IND-DUPLICATE", () => {
    const fs = check(nationalForm());
    expect(brief(fs)).toEqual([["IND-PLACEHOLDER", "C5", "info"]]);
    expect(fs[0].message).toBe("3 行模板占位行未填写，可删除");
    expect(fs[0].related).toEqual(["C7", "C9"]);
  });

  test("a filled form with the template's 指标1: prefixes is clean", () => {
    const filled = nationalForm().filter((r) => r[2] === null || !/^(?:指标2|……)/.test(String(r[2])));
    expect(check(filled)).toEqual([]);
  });

  test("a placeholder row with a target is a real indicator: judged as one", () => {
    const rows = nationalForm();
    rows[4] = [null, null, "指标2：", "12"];
    expect(brief(check(rows)).map(([rule]) => rule)).toEqual(["IND-PLACEHOLDER", "IND-NO-UNIT"]);
  });

  test("a real indicator without value is still IND-EMPTY, an error", () => {
    const rows = nationalForm();
    rows[3] = ["产出指标", "数量指标", "指标1：讲座场次", null];
    expect(brief(check(rows)).sort()).toEqual([
      ["IND-EMPTY", "D4", "error"],
      ["IND-PLACEHOLDER", "C5", "info"],
    ]);
  });

  test("placeholder 二级 names (…, 具体指标) are the template's, not unknown names", () => {
    const rows = nationalForm([[null, "具体指标", null, null]]);
    expect(brief(check(rows))).toEqual([["IND-PLACEHOLDER", "C5", "info"]]);
    expect(check(rows)[0].message).toMatch(/^4 行/);
  });
});

describe("IND-PART-BLANK", () => {
  const paired: LiteralCell[][] = [
    ["项目绩效目标表"],
    ["一级指标", "二级指标", "三级指标", "长期指标值", "年度指标值"],
    ["产出指标", "数量指标", "讲座场次", null, "≥24场"],
    [null, "质量指标", "听众签到率", null, "≥95%"],
    ["效益指标", "社会效益指标", "居民健康素养", null, "显著提高"],
    ["满意度指标", "服务对象满意度指标", "听众满意度", null, "≥90%"],
  ];

  test("every 长期 value blank while the 年度 ones are filled: one info, no IND-EMPTY per row", () => {
    const fs = check(paired);
    expect(brief(fs)).toEqual([["IND-PART-BLANK", "D3", "info"]]);
    expect(fs[0].message).toContain("长期指标值");
  });

  test("one 长期 value missing among filled ones is IND-EMPTY at that cell", () => {
    const rows = paired.map((r, i) => (i >= 2 && i !== 3 ? [...r.slice(0, 3), "≥1项", r[4]] : r));
    expect(brief(check(rows))).toEqual([["IND-EMPTY", "D4", "error"]]);
  });

  test("a block with nothing filled in (a blank 长期绩效指标 sheet): one info instead of IND-UNUSED per row", () => {
    const blank: LiteralCell[][] = [
      ["长期绩效指标", "一级指标", "二级指标", "指标内容", "指标值", "备注"],
      [null, "产出指标", "数量指标", null, null, null],
      [null, null, "质量指标", null, null, null],
      [null, null, "…", null, null, null],
      [null, "效益指标", "社会效益指标", null, null, null],
      [null, "服务对象满意度指标", "具体指标", null, null, null],
    ];
    const fs = checkWorkbook([gridSheet("长期绩效指标", blank)]).findings;
    expect(brief(fs)).toEqual([["IND-PART-BLANK", "E1", "info"]]);
    expect(fs[0].message).toContain("5 行");
  });

  test("a target form's empty 实际完成值 column is one info; a self-evaluation's is EVAL-UNFILLED", () => {
    const target: LiteralCell[][] = [
      ["区域绩效目标表"],
      ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "未达到指标值原因"],
      ["产出指标", "数量指标", "受助学生数", "≥300人", null, null],
      ["效益指标", "社会效益指标", "教育公平", "显著提高", null, null],
      ["满意度指标", "服务对象满意度指标", "学生满意度", "≥90%", null, null],
    ];
    expect(brief(check(target))).toEqual([["IND-PART-BLANK", "E3", "info"]]);
    // A self-evaluation without results, its scores filled or not: one EVAL-UNFILLED.
    const blankResults = checkSelfEval({ E9: null, E10: null, E11: null, E12: null, E13: null });
    expect(brief(blankResults)).toEqual([["EVAL-UNFILLED", "E9", "warning"]]);
    expect(blankResults[0].message).not.toContain("和得分");
    const blankAll = checkSelfEval({
      ...{ E9: null, E10: null, E11: null, E12: null, E13: null },
      ...{ G9: null, G10: null, G11: null, G12: null, G13: null, G14: null, G4: null },
    });
    // The funds block's blank 得分 is its own finding, with the score the rate earns (EVAL-RATE-SCORE).
    expect(brief(blankAll)).toEqual([
      ["EVAL-RATE-SCORE", "G4", "warning"],
      ["EVAL-UNFILLED", "E9", "warning"],
    ]);
    expect(blankAll[1].message).toContain("和得分");
  });
});

describe("a title alone does not make an indicator sheet", () => {
  test("the project facts sheet of a multi-sheet 申报表 (no 指标 in it) raises no LAYOUT-UNKNOWN", () => {
    const facts: LiteralCell[][] = [
      ["财政支出项目绩效目标申报表"],
      ["项目名称", null],
      ["项目资金申请(万元)", "资金总额:", null],
      [null, "财政拨款:", null],
    ];
    const { findings, sheets } = checkWorkbook([gridSheet("项目基本情况", facts)]);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(sheets[0].kind).toBe("other");
    const indicators = [...facts, ["绩效指标", "详见长期绩效指标、年度绩效指标"]];
    expect(checkWorkbook([gridSheet("项目基本情况", indicators)]).sheets[0].kind).toBe("indicators");
  });
});
