import type { RuleFamily } from "./entry";
import { BASIC_ECONOMIC, PACKAGE, SANGONG, editPackage, edit, oneSheet, workbook } from "./examples";

const packageExample = (edits: Parameters<typeof editPackage>[0], sheet: string, cell: string) =>
  workbook(editPackage(edits), sheet, cell);

/**
 * The package a 财政局 reviewer receives (issue 20): every table there, an empty one saying why,
 * one year, one 编制单位, no template text left in. These apply to a workbook that holds at least
 * five standard tables of one kind (部门预算 or 部门决算).
 */
export const PACKAGE_RULES = {
  "PKG-MISSING-TABLE": {
    severity: "warning",
    title: "公开表不全：缺少部门预算（决算）公开的某张表",
    module: "src/core/package/rules.ts",
    help: "部门预算（决算）公开应有 9 张表（收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算财政拨款支出表、基本支出表、“三公”经费支出表、政府性基金预算和国有资本经营预算财政拨款支出表），这套表少了一张。请补上缺少的表；本单位没有这项收支的，也要公开这张表，并注明“本单位无…，故本表为空表”。",
    fix: null,
    example: packageExample({ 国有资本经营预算财政拨款支出表: null }, PACKAGE[0].name, "A1"),
  },
  "PKG-EMPTY-NO-NOTE": {
    severity: "warning",
    title: "空表没有说明为什么为空",
    module: "src/core/package/rules.ts",
    help: "这张表没有任何金额（全为空白或 0），表下却没有说明原因，读者会以为漏填了。请在表下加一行注释，写明本单位没有这项收支、故本表为空表，例如“本单位无政府性基金预算财政拨款支出，故本表为空表”。",
    fix: null,
    example: packageExample({ 政府性基金预算财政拨款支出表: { A5: null } }, "政府性基金预算财政拨款支出表", "A1"),
  },
  "PKG-NOTE-NOT-EMPTY": {
    severity: "warning",
    title: "注释说本表为空，表中却有金额",
    module: "src/core/package/rules.ts",
    help: "表下的注释写着本表为空（“故本表为空表”“本表无数据”），表中却填了金额。多半是沿用了往年的注释，或把别的表的数填进了这张表。请核对后删去过时的注释，或把金额移回正确的表。",
    fix: null,
    example: packageExample(
      {
        政府性基金预算财政拨款支出表: {
          C4: 5,
          E4: 5,
          A5: "229",
          B5: "其他支出",
          C5: 5,
          E5: 5,
          A6: "注：本单位无政府性基金预算财政拨款支出，故本表为空表。",
        },
      },
      "政府性基金预算财政拨款支出表",
      "A6",
    ),
  },
  "PKG-YEAR": {
    severity: "warning",
    title: "表头年度与这套表的年度不一致",
    module: "src/core/package/rules.ts",
    help: "这张表标题（或表头“预算年度”）写的年度，与这套表中其他表的年度不同，多半是沿用了往年的表格没有改标题。请把年度改为本次公开的年度，例如把“2024年”改为“2025年”。",
    fix: null,
    example: packageExample({ 支出总表: { A1: "示例局2024年部门支出总表" } }, "支出总表", "A1"),
  },
  "PKG-YEAR-MISSING": {
    severity: "info",
    title: "表头没有注明年度",
    module: "src/core/package/rules.ts",
    help: "这张表的标题和表头都没有写年度，而同一套表的其他表写了。公开表应在标题或表头注明年度（如“2025年部门支出总表”或“预算年度：2025”），以免与往年的表混淆。",
    fix: null,
    example: packageExample({ 支出总表: { A1: "示例局部门支出总表" } }, "支出总表", "A1"),
  },
  "PKG-ORG": {
    severity: "warning",
    title: "各表的编制单位不一致",
    module: "src/core/package/rules.ts",
    help: "这张表表头的编制单位（单位名称），与这套表中其他表写的不同。可能是放进了别的单位的表，或改单位名称时漏改了这一张。请核对后统一为本单位的全称。",
    fix: null,
    example: packageExample({ 收入总表: { A2: "编制单位：另一局" } }, "收入总表", "A2"),
  },
  "PKG-LEFTOVER": {
    severity: "warning",
    title: "留有模板内容（XX、增加（减少）、填写提示、例：等）",
    module: "src/core/package/leftover.ts",
    help: "单元格或说明文字里还留着模板的内容：占位的“XX”“××”，二选一的“增加（减少）”“增长（下降）”，“（此处填写…）”之类的提示或栏目里原样留着的“…(100字以内)”，“例：”开头的示例，或没有填数的“占 %”。请改为本单位的实际内容后再公开。",
    fix: null,
    example: packageExample({ 三公经费支出表: { A10: "注：（此处填写增减变化原因）" } }, "三公经费支出表", "A10"),
  },
} satisfies RuleFamily;

/** The 三公 table against the 基本支出表's economic classification: the same money, told twice. */
export const SANGONG_RULES = {
  "XT-SANGONG-ECON": {
    severity: "warning",
    title: "基本支出表的三公经费科目超过“三公”经费表的同一项",
    module: "src/core/package/sangong-rules.ts",
    help: "一般公共预算基本支出表中 30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置，都是“三公”经费表中同一项的一部分（“三公”经费还包括项目支出中的部分），所以不能比“三公”经费表的数更大。请核对两张表，改正填错的那一张。",
    fix: null,
    example: workbook(
      [
        { name: BASIC_ECONOMIC.name, rows: edit(BASIC_ECONOMIC.rows, { C8: 9, E8: 9, C7: 21, E7: 21 }) },
        { name: SANGONG.name, rows: SANGONG.rows },
      ],
      BASIC_ECONOMIC.name,
      "C8",
    ),
  },
  "XT-SANGONG-ZERO": {
    severity: "warning",
    title: "“三公”经费合计为 0 而其中某项不为 0，或反之",
    module: "src/core/package/sangong-rules.ts",
    help: "“三公”经费合计为 0（或空白）时，因公出国（境）费、公务用车购置及运行维护费、公务接待费都应为 0；合计不为 0 时，至少有一项不为 0。这里两者矛盾，多半是某一项漏填了，或合计是手工录入的。请补上漏填的项，或改正合计。",
    fix: null,
    example: oneSheet(SANGONG.name, edit(SANGONG.rows, { B5: null, B6: null, B7: null, B8: null, B9: null }), "B4"),
  },
} satisfies RuleFamily;
