import { Finding } from "../../../src/core/finding";
import { parseA1 } from "../../../src/core/address";
import { LiteralCell } from "../../../src/core/snapshot";
import { check } from "./helpers";

/**
 * One block of indicators written in the provinces' forms (issue 16: the header proposes the columns,
 * the rows confirm them). Whatever the layout, the same block gives the same findings on the same
 * rows. The forms follow the wild corpus (test/wild): 四川's 指标性质/指标值/度量单位/权重/指标方向性,
 * 内蒙古's 指标性质 holding 正向/反向 with the comparison in 指标方向, 重庆's unit before 指标性质,
 * 江西's 计算符号, a paired 长期/年度 form. Invented names and figures.
 */
interface Indicator {
  l1: string;
  l2: string;
  name: string;
  cmp: string;
  num: number | string;
  unit: string;
}

const BLOCK: Indicator[] = [
  { l1: "产出指标", l2: "数量指标", name: "培训人数", cmp: "≥", num: 300, unit: "人" },
  // A bare number where the others have units: IND-NO-UNIT.
  { l1: "产出指标", l2: "数量指标", name: "培训班次", cmp: "=", num: 12, unit: "" },
  // Money under 数量: IND-MONEY-MISFILED.
  { l1: "产出指标", l2: "数量指标", name: "培训补助发放", cmp: "≥", num: 5, unit: "万元" },
  { l1: "产出指标", l2: "质量指标", name: "考核合格率", cmp: "≥", num: 95, unit: "%" },
  { l1: "产出指标", l2: "时效指标", name: "完成时间", cmp: "", num: "12月底前", unit: "" },
  // A cost with no amount: IND-COST-NO-AMOUNT.
  { l1: "产出指标", l2: "成本指标", name: "培训成本", cmp: "", num: "参照标准执行", unit: "" },
  // A ceiling a little under the budget of 10: no finding, unless the ≤ is lost (then IND-COST-MISMATCH).
  { l1: "产出指标", l2: "成本指标", name: "培训经费", cmp: "≤", num: 9.95, unit: "万元" },
  { l1: "效益指标", l2: "社会效益指标", name: "从业人员技能水平", cmp: "", num: "显著提高", unit: "" },
  // A satisfaction above 100%: IND-PERCENT-RANGE.
  { l1: "满意度指标", l2: "服务对象满意度指标", name: "学员满意度", cmp: "≥", num: 120, unit: "%" },
];

const EXPECTED = [
  ["IND-NO-UNIT", 2],
  ["IND-MONEY-MISFILED", 3],
  ["IND-COST-NO-AMOUNT", 6],
  ["IND-PERCENT-RANGE", 9],
];

const levels = (x: Indicator, i: number): LiteralCell[] => [i > 0 && BLOCK[i - 1].l1 === x.l1 ? null : x.l1, x.l2, x.name];
const joined = (x: Indicator) => (typeof x.num === "number" ? `${x.cmp === "=" ? "" : x.cmp}${x.num}${x.unit}` : x.num);
const orNull = (s: string): LiteralCell => (s === "" ? null : s);

const FORMS: Record<string, { header: LiteralCell[]; row: (x: Indicator) => LiteralCell[] }> = {
  "4 columns, value and unit in one cell": {
    header: ["一级指标", "二级指标", "三级指标", "指标值"],
    row: (x) => [joined(x)],
  },
  "四川: 指标性质 / 指标值 / 度量单位 / 权重(%) / 指标方向性": {
    header: ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重(%)", "指标方向性"],
    row: (x) => [orNull(x.cmp), x.num, orNull(x.unit), 10, "正向指标"],
  },
  "内蒙古: 指标性质 holds 正向/反向, 指标方向 the comparison, 目标值 / 计量单位 / 分值": {
    header: ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值"],
    row: (x) => [x.l2 === "成本指标" ? "反向" : "正向", orNull(x.cmp), x.num, orNull(x.unit), 10],
  },
  "重庆: 计量单位 before 指标性质": {
    header: ["一级指标", "二级指标", "三级指标", "计量单位", "指标性质", "指标值"],
    row: (x) => [orNull(x.unit), orNull(x.cmp), x.num],
  },
  "江西: 计算符号 / 目标值 / 度量单位 / 指标值说明": {
    header: ["一级指标", "二级指标", "三级指标", "计算符号", "目标值", "度量单位", "指标值说明"],
    row: (x) => [orNull(x.cmp), x.num, orNull(x.unit), "该指标值数据合理"],
  },
};

/** The findings as [rule, indicator row 1…n]: what must not depend on the layout. */
const TOP: LiteralCell[][] = [["职业技能培训项目绩效目标表"], ["项目名称", "职业技能培训"], ["预算数", { v: 10, fmt: "0.00" }]];
const HEADER_ROW = TOP.length;

function byRow(findings: Finding[], headerRow: number): (string | number)[][] {
  return findings
    .map((f) => [f.rule, parseA1(f.cell)!.row - headerRow] as [string, number])
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
}

describe("the same block in several provincial forms gives the same findings", () => {
  test.each(Object.entries(FORMS))("%s", (_name, form) => {
    const rows: LiteralCell[][] = [...TOP, form.header, ...BLOCK.map((x, i) => [...levels(x, i), ...form.row(x)])];
    expect(byRow(check(rows), HEADER_ROW)).toEqual(EXPECTED);
  });

  test("paired 长期 / 年度 columns: each column gets the same findings", () => {
    const rows: LiteralCell[][] = [
      ...TOP,
      ["一级指标", "二级指标", "三级指标", "长期指标值", "年度指标值"],
      ...BLOCK.map((x, i) => [...levels(x, i), joined(x), joined(x)]),
    ];
    const findings = check(rows);
    for (const col of [3, 4])
      expect(
        byRow(
          findings.filter((f) => parseA1(f.cell)!.col === col),
          HEADER_ROW,
        ),
      ).toEqual(EXPECTED);
  });

  test("the national form's placeholder rows added between them change nothing but one info", () => {
    const rows: LiteralCell[][] = [
      ...TOP,
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ...BLOCK.map((x, i) => [...levels(x, i), joined(x)]),
      [null, null, "指标2：", null],
      [null, null, "……", null],
    ];
    const findings = check(rows);
    expect(
      byRow(
        findings.filter((f) => f.rule !== "IND-PLACEHOLDER"),
        HEADER_ROW,
      ),
    ).toEqual(EXPECTED);
    expect(findings.filter((f) => f.rule === "IND-PLACEHOLDER").map((f) => f.severity)).toEqual(["info"]);
  });
});

describe("panels side by side", () => {
  test("中期 | 年度 panels, each with its own 二级 / 三级 / 指标值: a value is judged under its own panel's indicator", () => {
    const rows: LiteralCell[][] = [
      ["项目支出绩效目标申报表"],
      ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "三年培训人数", "≥900人", "数量指标", "年度培训人数", "≥300人"],
      [null, "质量指标", "考核合格率", "≥95%", "质量指标", "考核合格率", "≥120%"],
      ["效益指标", "社会效益指标", "技能水平", "显著提高", "社会效益指标", "技能水平", "有所提高"],
      ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "服务对象满意度指标", "结业人数", "≥280人"],
    ];
    const fs = check(rows);
    expect(fs.map((f) => [f.cell, f.rule, f.related]).sort()).toEqual([
      ["G4", "IND-PERCENT-RANGE", ["F4"]],
      ["G6", "IND-MISFILED", ["F6"]],
    ]);
  });
});

describe("columns the cells confirm", () => {
  const head = (cols: LiteralCell[]) => [["食品安全项目绩效目标表"], ["一级指标", "二级指标", "三级指标", ...cols]];

  test("指标性质 holding 定性 is a 指标值类型 column: a 定性 value with a unit is IND-VALUE-TYPE", () => {
    const rows: LiteralCell[][] = [
      ...head(["指标性质", "指标值", "度量单位", "权重(%)"]),
      ["产出指标", "数量指标", "召开全体会议", null, 2, "次", 20],
      [null, "质量指标", "抽检合格率", null, 98, "%", 20],
      ["效益指标", "社会效益指标", "食品安全整体状况", "定性", "好", "%", 30],
      ["满意度指标", "服务对象满意度指标", "公众满意度", "定性", "较好", null, 20],
    ];
    expect(check(rows).map((f) => [f.rule, f.cell])).toEqual([["IND-VALUE-TYPE", "E5"]]);
  });

  test("one value column per village, with no 指标值 label: every column whose cells read as values is checked", () => {
    const rows: LiteralCell[][] = [
      ...head(["指标解释", "西坪镇尧山村", "桃舟乡吾培村", "芦田镇三洋村"]),
      ["产出指标", "数量指标", "小型水利工程建设(个)", "反映工程开展情况", 1, 1, 1],
      [null, "质量指标", "工程验收合格率", "反映工程质量", "100%", "100%", "1000%"],
      ["效益指标", "社会效益指标", "受益群众", "反映受益情况", "≥500人", "≥300人", "≥200人"],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "反映满意程度", "≥90%", "≥90%", "≥90%"],
    ];
    expect(check(rows).map((f) => [f.rule, f.cell])).toEqual([["IND-PERCENT-RANGE", "G4"]]);
  });

  test("a unit column cell holding a number is no unit: the date serial is found, not read as 44561 44561", () => {
    const rows: LiteralCell[][] = [
      ...head(["指标方向", "目标值", "计量单位"]),
      ["产出指标", "数量指标", "出差人次", "=", 24, "人次"],
      [null, "时效指标", "资金到位时间", "=", { v: 44561, fmt: "#,##0" }, { v: 44561, fmt: "#,##0" }],
      ["效益指标", "社会效益指标", "资源循环利用", null, "显著提高", null],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", 90, "%"],
    ];
    const fs = check(rows);
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([["IND-DATE-SERIAL", "E4"]]);
    expect(fs[0].message).toContain("44,561");
  });
});
