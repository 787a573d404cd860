import type { Severity } from "../finding";

/**
 * The rule catalogue: one entry per rule, with a stable id, its default severity and a one-line
 * Chinese description. A finding may lower the severity (a rounding gap is info); the README
 * lists this table (`npm run check -- --rules`).
 */
export const RULES = [
  // 收支总表 identities (domain.md §3)
  { id: "BAL-INCOME", severity: "error", title: "本年收入合计应等于各项收入之和" },
  { id: "BAL-SPEND", severity: "error", title: "本年支出合计应等于各项支出之和" },
  { id: "BAL-INCOME-TOTAL", severity: "error", title: "收入总计应等于本年收入合计加上年结转结余等调整项" },
  { id: "BAL-SPEND-TOTAL", severity: "error", title: "支出总计应等于本年支出合计加年终结转结余（及结余分配）" },
  { id: "BAL-BALANCE", severity: "error", title: "收入总计应等于支出总计" },
  // Totals in any table (§4)
  { id: "SUM-ROW", severity: "error", title: "合计/小计/总计行应等于本块各明细行之和" },
  { id: "SUM-COL", severity: "error", title: "合计/小计列应等于同一行各组成列之和" },
  { id: "CODE-TREE", severity: "error", title: "科目编码上级数应等于下级数之和" },
  { id: "CODE-ORPHAN", severity: "error", title: "科目编码与其上级编码不衔接" },
  { id: "FORMULA-OMITS", severity: "warning", title: "合计公式漏掉了本块的明细行" },
  { id: "FORMULA-CONST", severity: "warning", title: "合计为手工录入的常数，而同类合计均为公式" },
  { id: "CELL-ERROR", severity: "error", title: "表内单元格为错误值（#REF!、#VALUE! 等）" },
  { id: "CELL-TEXTNUM", severity: "info", title: "金额以文本形式存储，Excel 的 SUM 会忽略它" },
  { id: "CELL-NOT-NUMBER", severity: "error", title: "金额单元格的内容无法识别为数字" },
  // Cross-table checks (§5)
  { id: "XT-SPEND-CLASS", severity: "error", title: "收支总表各类支出应等于支出总表对应类级科目" },
  { id: "XT-INCOME-TOTAL", severity: "error", title: "收支总表收入总计应等于收入总表合计" },
  { id: "XT-GPB-SPEND", severity: "error", title: "支出总表合计/基本/项目应等于一般公共预算财政拨款支出表" },
  { id: "XT-BASIC", severity: "error", title: "支出总表基本支出应等于基本支出表合计" },
  { id: "XT-BASIC-SPLIT", severity: "error", title: "基本支出表合计应等于人员经费加公用经费" },
  { id: "XT-SANGONG", severity: "error", title: "“三公”经费合计应等于因公出国（境）费、公务用车购置及运维费、公务接待费之和" },
  // Performance indicators (§6)
  { id: "IND-EMPTY", severity: "error", title: "三级指标未填写指标值" },
  { id: "IND-UNUSED", severity: "info", title: "指标类别行既无三级指标也无指标值" },
  { id: "IND-SAME-AS-NAME", severity: "warning", title: "指标值只是重复了指标名称" },
  { id: "IND-NO-UNIT", severity: "warning", title: "指标值是没有单位的数字，而同类指标带单位" },
  { id: "IND-FRACTION-PERCENT", severity: "warning", title: "应为百分比的指标值写成了小数" },
  { id: "IND-PERCENT-RANGE", severity: "warning", title: "比率或满意度百分比小于 0 或大于 100" },
  { id: "IND-QUAL-IN-QUANT", severity: "warning", title: "数量或成本指标的指标值没有量化" },
  { id: "IND-VAGUE", severity: "info", title: "指标值表述模糊，不在规范用语之列" },
  { id: "IND-COST-BUDGET", severity: "warning", title: "成本指标金额超过本项目预算数" },
  { id: "IND-COST-MISMATCH", severity: "info", title: "成本指标金额与预算数略有出入" },
  { id: "IND-HIERARCHY", severity: "error", title: "二级指标不属于其一级指标，或指标名称不规范" },
  { id: "IND-MISFILED", severity: "warning", title: "满意度指标下的三级指标与满意度无关" },
  { id: "IND-MISSING-CATEGORY", severity: "warning", title: "项目缺少产出、效益或满意度指标" },
  { id: "IND-DUPLICATE", severity: "info", title: "同一项目中三级指标重复" },
  { id: "IND-FULLWIDTH", severity: "info", title: "指标值使用了全角符号" },
  { id: "PLAN-MONOTONIC", severity: "warning", title: "资金支出计划的累计数出现下降" },
  { id: "PLAN-END", severity: "warning", title: "资金支出计划 12 月底应达到预算数（或 100%）" },
  // Sheet-level
  { id: "LAYOUT-UNKNOWN", severity: "warning", title: "无法识别表格结构，未检查" },
  { id: "UNIT-MISSING", severity: "info", title: "表头未注明金额单位" },
] as const satisfies readonly { id: string; severity: Severity; title: string }[];

export type RuleId = (typeof RULES)[number]["id"];

export interface RuleInfo {
  id: RuleId;
  severity: Severity;
  title: string;
}

const BY_ID = new Map<string, RuleInfo>(RULES.map((r) => [r.id, r]));

export function ruleById(id: RuleId): RuleInfo {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown rule ${id}`);
  return rule;
}

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}
