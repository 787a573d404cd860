/** The templates the add-in and the CLI can write, with the Chinese text the task pane shows. */
export type TemplateKind = "收支总表" | "绩效指标";

export interface TemplateInfo {
  kind: TemplateKind;
  title: string;
  description: string;
}

export const TEMPLATE_CATALOG: readonly TemplateInfo[] = [
  {
    kind: "收支总表",
    title: "部门预算收支总表",
    description: "标准收入、支出左右对照格式，含 31 个功能分类类级科目；本年收入/支出合计与收入/支出总计均为公式，自动计算。",
  },
  {
    kind: "绩效指标",
    title: "项目支出绩效目标表",
    description:
      "项目名称、预算数、资金支出计划（3/6/10/12 月底），以及按产出、效益、满意度预置的三级指标框架；一级、二级指标有下拉选项，指标值有填写提示。",
  },
];

export function isTemplateKind(text: string): text is TemplateKind {
  return TEMPLATE_CATALOG.some((t) => t.kind === text);
}
