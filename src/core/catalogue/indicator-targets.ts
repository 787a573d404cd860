import type { RuleFamily } from "./entry";
import { indicatorExample, oneSheet } from "./examples";

/**
 * Targets that name no unit, no money, or the wrong kind of figure (docs/domain.md §6): a bare number
 * in a form without a unit column, a date shown as its serial, money under the wrong category, and a
 * cost with no amount. Examples edit INDICATOR_BLOCK (rows 7–12, values in column D) unless noted.
 */
export const INDICATOR_TARGETS = {
  "IND-BARE-NUMBER": {
    severity: "warning",
    title: "指标值只有数字，表中没有单位",
    module: "src/core/indicators/number-values.ts",
    help: "指标值只写了数字（如“24”），表中既没有度量单位一栏，名称里也没有注明单位，读者无法判断是场、人次还是万元。请把单位写进指标值，例如把“24”改为“≥24场”；比率和满意度写“%”，数量写“个”“项”或“人次”。",
    fix: null,
    example: oneSheet(
      "绩效目标表",
      [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "讲座场次", 24],
        [null, "质量指标", "听众签到率（%）", 95],
        [null, "时效指标", "完成时间", "12月底前"],
        [null, "成本指标", "讲座经费（万元）", 20],
        ["效益指标", "社会效益指标", "居民健康素养", "显著提高"],
        ["满意度指标", "服务对象满意度指标", "听众满意度（%）", 90],
      ],
      "D2",
    ),
  },
  "IND-DATE-SERIAL": {
    severity: "warning",
    title: "时效指标的指标值是 Excel 日期序列号",
    module: "src/core/indicators/number-values.ts",
    help: "时效指标的指标值显示为 44561 这样的五位数，这是 Excel 把日期当作数字显示的序列号（44561 即 2021年12月31日）。请改写为“2021年12月31日前”这样的文字，或把单元格设为日期格式。",
    fix: null,
    example: indicatorExample({ D9: 44561 }, "D9"),
  },
  "IND-MONEY-MISFILED": {
    severity: "warning",
    title: "数量、质量或时效指标下填的是金额",
    module: "src/core/indicators/money-categories.ts",
    help: "数量、质量、时效指标衡量做了多少、做得怎样、是否按时，这里却填了金额（元、万元）。金额目标属于成本指标，请把这一行移到成本指标下，数量指标改填场次、人次等数量。",
    fix: null,
    example: indicatorExample({ C7: "讲座劳务费", D7: "≤2万元" }, "D7"),
  },
  "IND-COST-NO-AMOUNT": {
    severity: "warning",
    title: "成本指标没有写明金额或金额上限",
    module: "src/core/indicators/money-categories.ts",
    help: "成本指标应写明以元或万元计的金额或金额上限，这里写的是“参照标准”“按标准执行”之类的说法、不以元计的数量，或为 0 的单位成本。请改为具体金额，例如“≤20万元”“≤3000元/人”。",
    fix: null,
    example: indicatorExample({ D10: "参照市场价格" }, "D10"),
  },
} satisfies RuleFamily;
