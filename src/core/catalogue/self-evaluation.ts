import type { ExampleCell, RuleFamily } from "./entry";
import { edit, money, oneSheet } from "./examples";

/** Self-evaluation forms (绩效自评表, docs/domain.md §6, §8): the funds block, points and scores, results. */

const pct = (value: number): ExampleCell => ({ value, numFmt: "0.00%" });

/** A small 自评表, clean: each example changes one cell. */
const SELF_EVAL: ExampleCell[][] = [
  ["项目名称", "社区健康讲座项目", null, null, null, null, null],
  ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["年度资金总额", money(20), money(18.5), money(18.13), 10, pct(0.98), 9.8],
  ["其中：财政拨款", money(15), money(14), money(13.72), null, pct(0.98), null],
  ["其他资金", money(5), money(4.5), money(4.41), null, pct(0.98), null],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标(40分)", "数量指标", "讲座场次", "≥24场", "26场", 20, 20],
  [null, "质量指标", "听众到场率", "≥85%", "91%", 10, 10],
  [null, "时效指标", "讲座完成时间", "12月底前", "11月底", 10, 10],
  ["效益指标(30分)", "社会效益指标", "居民健康知识知晓率", "≥80%", "84%", 30, 30],
  ["满意度指标(20分)", "服务对象满意度指标", "听众满意度", "≥90%", "93%", 20, 20],
];

const example = (edits: Record<string, ExampleCell>, cell: string) => oneSheet("绩效自评表", edit(SELF_EVAL, edits), cell);

export const SELF_EVALUATION = {
  "EVAL-FUNDS-TOTAL": {
    severity: "error",
    title: "自评表资金块的总额应等于其中各项之和",
    module: "src/core/indicators/funds-block.ts",
    help: "自评表“年度资金总额（总额）”一行的年初预算数、全年预算数、全年执行数，应分别等于下面“其中：财政拨款、上年结转、其他资金”等各行之和。请核对各项金额，或把总额改为公式，如 C3 改为 =SUM(C4:C5)。",
    fix: null,
    example: example({ C3: money(18.6) }, "C3"),
  },
  "EVAL-RATE": {
    severity: "error",
    title: "执行率应等于全年执行数除以全年预算数",
    module: "src/core/indicators/funds-block.ts",
    help: "执行率应为全年执行数 ÷ 全年预算数（调整后预算数），按单元格显示的小数位比较。请重新计算，或改为公式，如 F3 改为 =D3/C3 并设为百分比格式。若总额一行本身不等于其中各项之和，执行率按各项合计核对。",
    fix: null,
    example: example({ F3: pct(0.89) }, "F3"),
  },
  "EVAL-POINTS-SUM": {
    severity: "error",
    title: "各项指标分值之和应等于注明的分值或合计",
    module: "src/core/indicators/points-and-scores.ts",
    help: "一级指标标签中注明的分值（如“产出指标(40分)”）应等于其下各三级指标分值（权重）之和；“绩效指标(90分)”与合计行同理，合计可以包含预算执行情况的分值（10 + 90 = 100）。请调整各项分值，或改正注明的分值。",
    fix: null,
    example: example({ F7: 25 }, "A7"),
  },
  "EVAL-SCORE-OVER": {
    severity: "error",
    title: "得分不应超过分值",
    module: "src/core/indicators/points-and-scores.ts",
    help: "每项指标（以及预算执行情况）的得分不能高于它的分值（权重）。请按评分标准重新打分，使 得分 ≤ 分值。",
    fix: null,
    example: example({ G10: 32 }, "G10"),
  },
  "EVAL-RATE-SCORE": {
    severity: "warning",
    title: "预算执行得分应为分值乘以执行率",
    module: "src/core/indicators/funds-block.ts",
    help: "预算执行情况的得分应为 分值 × 执行率，按表中得分的小数位四舍五入，且不超过分值，例如分值 10、执行率 98% 得 9.8 分；得分空着没有填写的，也给出应得的分数。请按执行率重新计算（或补填）得分；若本地评分办法另有规定，可忽略此提示。",
    fix: null,
    example: example({ G3: 9 }, "G3"),
  },
  "EVAL-SCORE-UNEXPLAINED": {
    severity: "warning",
    title: "实际完成值已达到年度指标值，得分却低于分值且未说明原因",
    module: "src/core/indicators/score-deductions.ts",
    help: "这项指标的实际完成值已经达到年度指标值，得分却低于分值，偏差原因一栏也没有说明为什么扣分。请按评分标准给满分，或在偏差原因中写明扣分理由。",
    fix: null,
    example: example({ G10: 28 }, "G10"),
  },
  "EVAL-ACTUAL-UNQUANTIFIED": {
    severity: "warning",
    title: "年度指标值是数值，实际完成值却没有数值",
    module: "src/core/indicators/actual-values.ts",
    help: "年度指标值给出了数值目标（如“≥24场”），实际完成值只写“完成”“已完成”之类的文字，无法判断目标是否达到。请填写实际达到的数值，如“26场”。",
    fix: null,
    example: example({ E7: "已完成" }, "E7"),
  },
  "EVAL-ACTUAL-NO-UNIT": {
    severity: "info",
    title: "实际完成值没有单位，按年度指标值的单位理解",
    module: "src/core/indicators/actual-values.ts",
    help: "实际完成值只写了数字（如 26），检查按同一行年度指标值的单位（场）理解为 26场。建议写明单位，避免误读。",
    fix: null,
    example: example({ E7: 26 }, "E7"),
  },
  "EVAL-UNFILLED": {
    severity: "warning",
    title: "自评表的实际完成值和得分均未填写",
    module: "src/core/indicators/actual-values.ts",
    help: "这张自评表的实际完成值（完成值）和得分一项都没有填写，像是直接提交或公开了空白表。请逐项填写实际完成情况和得分后再提交。",
    fix: null,
    example: example(
      { E7: null, E8: null, E9: null, E10: null, E11: null, G7: null, G8: null, G9: null, G10: null, G11: null, G3: null },
      "E7",
    ),
  },
} satisfies RuleFamily;
