import { toA1 } from "../core/address";
import { AMOUNT_FORMAT, SpecPart, TemplateSpec, appendPart, emptyPart, rect } from "./spec-types";

/** The classic framework every seed uses: 一级 → its 二级 names, in the published order. */
export const CLASSIC_FRAMEWORK: readonly { level1: string; level2: readonly string[] }[] = [
  { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标", "成本指标"] },
  { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
  { level1: "满意度指标", level2: ["服务对象满意度指标"] },
];

const LEVEL1_CHOICES = CLASSIC_FRAMEWORK.map((g) => g.level1);
// 其他满意度指标 is offered because some forms add it; the rows only pre-fill the classic set.
const LEVEL2_CHOICES = [...CLASSIC_FRAMEWORK.flatMap((g) => g.level2), "其他满意度指标"];
const FRAMEWORK_ROWS = CLASSIC_FRAMEWORK.flatMap((g) => g.level2.map((level2) => ({ level1: g.level1, level2 })));

export const PLAN_MONTHS: readonly string[] = ["3月底", "6月底", "10月底", "12月底"];

const OFFSET = { name: 0, budget: 1, planLabels: 2, planValues: 3, goal: 4, header: 5, firstIndicator: 6 } as const;
const BLOCK_HEIGHT = OFFSET.firstIndicator + FRAMEWORK_ROWS.length;

/** Row offsets inside a block, and where blocks start; blocks are separated by one empty row. */
export const INDICATOR_LAYOUT = {
  firstBlockRow: 2,
  offsets: OFFSET,
  blockHeight: BLOCK_HEIGHT,
  blockStride: BLOCK_HEIGHT + 1,
  frameworkRows: FRAMEWORK_ROWS,
  columns: { level1: 0, level2: 1, level3: 2, value: 3, basis: 4 },
  title: "项目支出绩效目标表",
} as const;

const VALUE_PROMPT = "可填写：≥95%、≤5万元、100人、比上年有所提高。数量、成本请写明数字和单位，满意度、比率用百分数。";

/** One blank project block whose first row is `startRow`; used for the first block and every appended one. */
export function projectBlockSpec(startRow: number): SpecPart {
  const part = emptyPart();
  const cells = part.cells;
  const r = (offset: number) => startRow + offset;

  cells.push(
    { row: r(OFFSET.name), col: 0, role: "label", value: "项目名称" },
    { row: r(OFFSET.name), col: 1, role: "input" },
    { row: r(OFFSET.name), col: 2, role: "input" },
    { row: r(OFFSET.name), col: 3, role: "label", value: "项目编码" },
    { row: r(OFFSET.name), col: 4, role: "input", numberFormat: "@" },
    { row: r(OFFSET.budget), col: 0, role: "label", value: "预算数（万元）" },
    { row: r(OFFSET.budget), col: 1, role: "input", numberFormat: AMOUNT_FORMAT },
    { row: r(OFFSET.budget), col: 2, role: "label", value: "资金用途" },
    { row: r(OFFSET.budget), col: 3, role: "input" },
    { row: r(OFFSET.budget), col: 4, role: "input" },
    { row: r(OFFSET.planLabels), col: 0, role: "label", value: "资金支出计划（%）" },
    { row: r(OFFSET.planValues), col: 0, role: "label" },
  );
  PLAN_MONTHS.forEach((month, i) => {
    cells.push({ row: r(OFFSET.planLabels), col: i + 1, role: "header", value: month });
    cells.push({ row: r(OFFSET.planValues), col: i + 1, role: "input", numberFormat: AMOUNT_FORMAT });
  });
  cells.push({ row: r(OFFSET.goal), col: 0, role: "label", value: "绩效目标" });
  for (let c = 1; c <= 4; c++) cells.push({ row: r(OFFSET.goal), col: c, role: "input", align: "left" });
  ["一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据"].forEach((value, col) =>
    cells.push({ row: r(OFFSET.header), col, role: "header", value }),
  );
  FRAMEWORK_ROWS.forEach(({ level1, level2 }, i) => {
    const row = r(OFFSET.firstIndicator) + i;
    cells.push(
      { row, col: 0, role: "input", value: level1 },
      { row, col: 1, role: "input", value: level2 },
      { row, col: 2, role: "input" },
      { row, col: 3, role: "input" },
      { row, col: 4, role: "input" },
    );
  });

  part.merges.push(
    rect(r(OFFSET.name), 1, r(OFFSET.name), 2),
    rect(r(OFFSET.budget), 3, r(OFFSET.budget), 4),
    rect(r(OFFSET.planLabels), 0, r(OFFSET.planValues), 0),
    rect(r(OFFSET.goal), 1, r(OFFSET.goal), 4),
  );
  part.rowHeights.push({ row: r(OFFSET.goal), height: 48 });

  const first = r(OFFSET.firstIndicator);
  const last = first + FRAMEWORK_ROWS.length - 1;
  part.validations.push(
    {
      range: rect(first, 0, last, 0),
      rule: { kind: "list", items: LEVEL1_CHOICES },
      error: { title: "一级指标", message: "请从下拉列表选择一级指标：产出指标、效益指标或满意度指标。", style: "warning" },
    },
    {
      range: rect(first, 1, last, 1),
      rule: { kind: "list", items: LEVEL2_CHOICES },
      error: { title: "二级指标", message: "请从下拉列表选择与一级指标对应的二级指标。", style: "warning" },
    },
    {
      range: rect(first, 3, last, 3),
      rule: { kind: "textLength", max: 255 },
      prompt: { title: "指标值填写示例", message: VALUE_PROMPT },
      error: { title: "指标值过长", message: "指标值不超过 255 个字符。", style: "stop" },
    },
    {
      range: rect(r(OFFSET.budget), 1),
      rule: { kind: "decimal", min: 0, max: 1e12 },
      prompt: { title: "预算数", message: "填写项目预算金额，单位：万元。" },
      error: { title: "金额格式不正确", message: "请输入数字金额（单位：万元），不要输入文字。", style: "stop" },
    },
    {
      range: rect(r(OFFSET.planValues), 1, r(OFFSET.planValues), 4),
      rule: { kind: "decimal", min: 0, max: 100 },
      prompt: { title: "资金支出计划", message: "填写截至该月底的累计支出进度百分数，如 25 表示 25%；12月底应为 100。" },
      error: { title: "支出进度不正确", message: "累计支出进度应为 0 至 100 之间的百分数。", style: "stop" },
    },
  );

  // Cumulative plan values must not fall, and the year must end at 100%.
  const planRow = r(OFFSET.planValues);
  const at = (col: number) => toA1(planRow, col);
  part.conditionalFormats.push(
    {
      range: rect(planRow, 2, planRow, 4),
      formula: `=AND(ISNUMBER(${at(2)}),ISNUMBER(${at(1)}),${at(2)}<${at(1)})`,
      fill: "FFC7CE",
      fontColor: "9C0006",
    },
    {
      range: rect(planRow, 4),
      formula: `=AND(ISNUMBER(${at(4)}),${at(4)}<>100)`,
      fill: "FFC7CE",
      fontColor: "9C0006",
    },
  );
  return part;
}

/** The first row of the `index`-th block (0-based) of a template sheet. */
export function blockStartRow(index: number): number {
  return INDICATOR_LAYOUT.firstBlockRow + index * INDICATOR_LAYOUT.blockStride;
}

export function indicatorSpec(blocks = 1): TemplateSpec {
  if (!Number.isInteger(blocks) || blocks < 1 || blocks > 200)
    throw new RangeError(`项目块数量应为 1 至 200 之间的整数：${blocks}`);
  const part = emptyPart();
  part.cells.push(
    { row: 0, col: 0, role: "title", value: INDICATOR_LAYOUT.title },
    { row: 1, col: 4, role: "note", value: "单位：万元", align: "right" },
  );
  for (let col = 1; col <= 4; col++) part.cells.push({ row: 0, col, role: "title" });
  part.merges.push(rect(0, 0, 0, 4));
  part.rowHeights.push({ row: 0, height: 30 });
  for (let i = 0; i < blocks; i++) appendPart(part, projectBlockSpec(blockStartRow(i)));
  return {
    ...part,
    kind: "绩效指标",
    sheetName: "项目支出绩效目标表",
    columnWidths: [16, 22, 30, 20, 36],
    freeze: { rows: 2, cols: 0 },
    protect: true,
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: { first: 0, last: 1 } },
  };
}
