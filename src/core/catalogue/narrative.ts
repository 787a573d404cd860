import type { RuleFamily } from "./entry";
import { SANGONG, narrativeSheet, workbook } from "./examples";

const withSangong = (paragraphs: string[], cell: string) =>
  workbook([{ name: SANGONG.name, rows: SANGONG.rows }, narrativeSheet(...paragraphs)], "说明", cell);

/**
 * The 说明 (issue 20): its own arithmetic and verbs, its figures against the tables and against
 * each other. It comes as a sheet of the workbook, as text pasted into the pane or the page, or as
 * `--narrative FILE` on the command line. Only sentences of known shapes are read: a finding needs
 * the sentence's pattern, the item it names and the unit all recognised.
 */
export const NARRATIVE = {
  "NARR-ARITH": {
    severity: "warning",
    title: "说明中的增减率、占比或完成率算错",
    module: "src/core/narrative/arithmetic.ts",
    help: "说明里写的增长（下降）率应等于变化数 ÷ 上年数（本年数 − 变化数），占比应等于该项 ÷ 总数，完成预算的百分比应等于决算数 ÷ 预算数，都按文中写的小数位四舍五入；上年为 0 时不能写“增长100%”。写在表格里的“增减情况说明”一行也按同样的方法核对。这句话的百分数与它自己给出的金额对不上，请重新计算后改正，例如把“下降2.85%”改为“下降2.86%”。",
    fix: null,
    example: withSangong(["2025年公务接待费预算8万元，比上年减少2万元，下降25%。"], "A1"),
  },
  "NARR-DIRECTION": {
    severity: "warning",
    title: "说明中的增减方向与数据相反",
    module: "src/core/narrative/direction.ts",
    help: "说明写的“增加”“减少”“持平”与实际的变化方向相反：同一句里前说增加、后说下降，或表中本年数比上年数（决算数比预算数）少却写“增加”、有变化却写“持平”“无增减”。请按表中的数改正用词。",
    fix: null,
    example: withSangong(["2025年公务接待费预算8万元，比上年增加2万元，下降20%。"], "A1"),
  },
  "NARR-VS-TABLE": {
    severity: "warning",
    title: "说明中的金额与表中不一致",
    module: "src/core/narrative/versus-table.ts",
    help: "说明给出的某项金额（收入总计、支出总计、基本支出、项目支出、“三公”经费及其各项、财政拨款收入、某类支出等）与公开表中的数不同，超出了舍入容差。请以核对无误的表为准改正说明，或改正表中填错的数。说明按自己的小数位取整（如把 36.97 写成 37）不算不一致。",
    fix: null,
    example: withSangong(["2025年“三公”经费预算28万元，其中公务接待费9万元。"], "A1"),
  },
  "NARR-TWO-VALUES": {
    severity: "warning",
    title: "说明对同一项写了两个不同的金额",
    module: "src/core/narrative/two-values.ts",
    help: "说明的前后文对同一项（同为预算数或决算数、同一年度）写了两个不同的金额，读者无从判断哪个对。请核对表中的数，把两处改为一致。",
    fix: null,
    example: workbook(
      [narrativeSheet("2025年公务接待费预算8万元。", "（二）公务接待费预算9万元，主要用于业务往来接待。")],
      "说明",
      "A2",
    ),
  },
} satisfies RuleFamily;
