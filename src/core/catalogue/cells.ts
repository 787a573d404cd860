import type { RuleFamily } from "./entry";
import { ITEMS, edit, oneSheet } from "./examples";

/** What a cell of a table holds (docs/domain.md §4). */
export const CELLS = {
  "CELL-ERROR": {
    severity: "error",
    title: "表内单元格为错误值（#REF!、#VALUE! 等）",
    module: "src/core/totals/cell-values.ts",
    help: "单元格显示 #REF!、#VALUE!、#DIV/0! 等错误值，通常是公式引用的单元格被删除或引用了文本。请点开该单元格检查公式，改正引用或直接填入正确的数；有错误值的合计无法核对。",
    fix: null,
    example: oneSheet("办公经费明细表", edit(ITEMS, { B5: { error: "#REF!" } }), "B5"),
  },
  "CELL-TEXTNUM": {
    severity: "info",
    title: "金额以文本形式存储，Excel 的 SUM 会忽略它",
    module: "src/core/totals/cell-values.ts",
    help: "这个金额是以文本形式存储的数字（单元格左上角常有绿色小三角），Excel 的 SUM 会把它当作 0，合计因此可能偏小。请选中该单元格，点旁边的感叹号选“转换为数字”，或重新输入这个数。",
    fix: "把以文本形式存储的金额改为数值，数额不变，Excel 的 SUM 从此会计入它",
    example: oneSheet("办公经费明细表", edit(ITEMS, { B5: "3.20" }), "B5"),
  },
  "CELL-DECIMALS": {
    severity: "info",
    title: "本列金额都有小数，这个数却显示为整数",
    module: "src/core/totals/cell-decimals.ts",
    help: "同一列的金额都显示两位（或几位）小数，这个数却显示为整数，多半是这个单元格没有设数字格式，或者填的数丢了小数。请核对这个数，并把单元格格式设为与本列相同（例如“数值，2 位小数”）。",
    fix: null,
    example: oneSheet(
      "办公经费明细表",
      [
        ["办公经费明细表", null],
        ["单位：万元", null],
        ["项目", "金额"],
        ["办公费", { value: 12.5, numFmt: "0.00" }],
        ["印刷费", { value: 3.2, numFmt: "0.00" }],
        ["差旅费", 8],
        ["会议费", { value: 4, numFmt: "0.00" }],
        ["合计", { value: 27.7, numFmt: "0.00" }],
      ],
      "B6",
    ),
  },
  "CELL-NOT-NUMBER": {
    severity: "error",
    title: "金额单元格的内容无法识别为数字",
    module: "src/core/totals/cell-values.ts",
    help: "金额列中的这个单元格写的不是数字（如“待定”“约5万”），相关合计无法核对。请改为具体金额；确实没有金额的，请留空或填 0。数字后面带括号说明的（如“10(其中,灾情因素6万元)”），按开头的数字核对相关合计，但 Excel 的 SUM 不计入它：请把说明移到备注栏。",
    fix: null,
    example: oneSheet("办公经费明细表", edit(ITEMS, { B5: "待定" }), "B5"),
  },
  "TABLE-PLACEHOLDER": {
    severity: "info",
    title: "金额表留有未填写的模板占位行（每张表提示一次）",
    module: "src/core/totals/template-rows.ts",
    help: "表中有几行的名称还是模板的占位写法或填写提示（如“本级单位**”“XX单位”“某某”“……”“（此处填写单位名称）”），金额一栏也都空着，像是表样里预留、没有填写也没有删除的行。不需要的占位行可以直接删除；需要的请填上实际的单位名称和金额。",
    fix: null,
    example: oneSheet(
      "资金分配表",
      [
        ["资金分配表", null],
        ["单位：万元", null],
        ["项目", "金额"],
        ["甲县", 12.5],
        ["乙县", 11.2],
        ["本级单位**", null],
        ["本级单位**", null],
        ["合计", 23.7],
      ],
      "A6",
    ),
  },
} satisfies RuleFamily;
