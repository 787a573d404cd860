import { LiteralCell } from "../../../src/core/snapshot";
import { brief } from "./self-eval-grid";
import { check } from "./helpers";

/**
 * Category names as provinces write them (docs/domain.md §8): normalisation, aliases, satisfaction
 * categories in a form's own words, unknown names, two-level forms and the 二级-in-一级 shift.
 * Invented names and figures.
 */
function form(rows: LiteralCell[][], header: LiteralCell[] = ["一级指标", "二级指标", "三级指标", "指标值"]): LiteralCell[][] {
  return [["老年助餐服务项目绩效目标表"], ["项目名称", "老年助餐服务项目"], header, ...rows];
}

const CLEAN: LiteralCell[][] = [
  ["产出指标", "数量指标", "助餐服务人次", "≥5000人次"],
  [null, "质量指标", "食品安全抽检合格率", "100%"],
  [null, "时效指标", "服务覆盖时间", "2024年度"],
  ["效益指标", "社会效益指标", "老年人就餐便利程度", "显著提高"],
  ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"],
];

describe("category names", () => {
  test("the clean form gives nothing", () => {
    expect(check(form(CLEAN))).toEqual([]);
  });

  test("normalised before matching: *, spaces, brackets, points and a trailing 指标", () => {
    const rows: LiteralCell[][] = [
      ["产出指标（60分）", "* 数量指标", "助餐服务人次", "≥5000人次"],
      [null, "质量(20分)", "食品安全抽检合格率", "100%"],
      [null, "【时效指标】", "服务覆盖时间", "2024年度"],
      ["效益指标 (20分)", "社会效益", "老年人就餐便利程度", "显著提高"],
      ["满意度指标(10分)", "服务对象满意度", "老年人满意度", "≥90%"],
    ];
    expect(check(form(rows))).toEqual([]);
  });

  test("aliases: 效果 is 效益, 进度 is 时效, 环境效益 is 生态效益", () => {
    const rows: LiteralCell[][] = [
      ["产出指标", "数量指标", "助餐服务人次", "≥5000人次"],
      [null, "进度指标", "服务覆盖时间", "2024年度"],
      ["效果指标", "社会效果指标", "老年人就餐便利程度", "显著提高"],
      [null, "环境效益指标", "餐厨垃圾减量", "显著提高"],
      ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"],
    ];
    expect(check(form(rows))).toEqual([]);
  });

  test("a 二级 under 满意度 that speaks of 满意 is a satisfaction category", () => {
    for (const name of ["群众满意度指标", "社会公众满意度", "满意度指标", "受益群体满意度"]) {
      const rows = CLEAN.map((r) => (r[0] === "满意度指标" ? ["满意度指标", name, "老年人满意度", "≥90%"] : r));
      expect([name, check(form(rows))]).toEqual([name, []]);
    }
  });

  test("IND-UNKNOWN-NAME: unknown names are one warning per block, never an error per row", () => {
    const rows: LiteralCell[][] = [
      ...CLEAN.slice(0, 3),
      [null, "特色工作指标", "助餐点星级评定", "≥3星"],
      [null, "特色工作指标", "志愿者参与人次", "≥200人次"],
      ...CLEAN.slice(3),
      ["创新指标", "亮点指标", "智慧助餐平台上线", "12月底前"],
    ];
    const fs = check(form(rows));
    expect(brief(fs)).toEqual([["IND-UNKNOWN-NAME", "B7", "warning"]]);
    expect(fs[0].message).toContain("特色工作");
    expect(fs[0].message).toContain("创新");
    expect(fs.some((f) => f.rule === "IND-HIERARCHY")).toBe(false);
  });

  test("IND-HIERARCHY stays for a known 二级 under the wrong 一级", () => {
    const rows = CLEAN.map((r) => (r[1] === "社会效益指标" ? ["效益指标", "质量指标", "老年人就餐便利程度", "100%"] : r));
    expect(brief(check(form(rows)))).toEqual([["IND-HIERARCHY", "B7", "error"]]);
  });

  test("101号 names: 经济成本指标 under 成本指标 is fine; under 产出指标 it mixes the frameworks", () => {
    const cost101: LiteralCell[][] = [...CLEAN, ["成本指标", "经济成本指标", "助餐补贴成本", "≤60万元"]];
    expect(check(form(cost101))).toEqual([]);
    const mixed: LiteralCell[][] = [...CLEAN, ["产出指标", "经济成本指标", "助餐补贴成本", "≤60万元"]];
    const fs = check(form(mixed));
    expect(brief(fs)).toEqual([["IND-HIERARCHY", "B9", "error"]]);
    expect(fs[0].message).toContain("成本指标");
    // The row is still a cost row: a word there states no amount.
    const word: LiteralCell[][] = [...CLEAN, ["产出指标", "经济成本指标", "助餐补贴成本", "控制在预算内"]];
    expect(check(form(word)).map((f) => f.rule)).toEqual(["IND-HIERARCHY", "IND-COST-NO-AMOUNT"]);
  });
});

describe("two-level forms and the level shift", () => {
  test("一级 / 二级 / 指标内容 / 指标值 with no 三级 column", () => {
    const rows: LiteralCell[][] = CLEAN.map((r) => [...r]);
    expect(check(form(rows, ["一级指标", "二级指标", "指标内容", "指标值"]))).toEqual([]);
    rows[0][3] = null;
    expect(brief(check(form(rows, ["一级指标", "二级指标", "指标内容", "指标值"])))).toEqual([["IND-EMPTY", "D4", "error"]]);
  });

  const SHIFTED: LiteralCell[][] = [
    ["数量指标", "助餐服务人次", "≥5000人次"],
    ["质量指标", "食品安全抽检合格率", "100%"],
    ["社会效益指标", "老年人就餐便利程度", "显著提高"],
    ["服务对象满意度指标", "老年人满意度", "≥90%"],
  ];

  test("IND-LEVEL-SHIFT: 二级 names in the 一级 column are read one level down, said once as info", () => {
    const fs = check(form(SHIFTED, ["一级指标", "二级指标", "指标值"]));
    expect(brief(fs)).toEqual([["IND-LEVEL-SHIFT", "A4", "info"]]);
  });

  test("after the shift the values are checked one level down", () => {
    const rows = SHIFTED.map((r) => (r[0] === "数量指标" ? ["数量指标", "助餐服务人次", "基本完成"] : r));
    const fs = check(form(rows, ["一级指标", "二级指标", "指标值"]));
    expect(brief(fs)).toEqual([
      ["IND-LEVEL-SHIFT", "A4", "info"],
      ["IND-QUAL-IN-QUANT", "C4", "warning"],
    ]);
  });

  test("the shift with an empty 三级 column", () => {
    const rows = SHIFTED.map((r) => [r[0], r[1], null, r[2]]);
    expect(brief(check(form(rows)))).toEqual([["IND-LEVEL-SHIFT", "A4", "info"]]);
  });
});
