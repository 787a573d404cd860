import { toA1 } from "../core/address";
import { AMOUNT_FORMAT, CellSpec, TemplateSpec, ValidationSpec, absA1, emptyPart, rect } from "./spec-types";

/** Income rows as in the published 部门预算收支总表 (seed 001, first table). */
export const INCOME_ITEMS: readonly string[] = [
  "一、一般公共预算拨款收入",
  "二、政府性基金预算拨款收入",
  "三、国有资本经营预算拨款收入",
  "四、财政专户管理资金收入",
  "五、单位资金",
];

/** The 31 功能分类 类 rows, named exactly as the published table names them. */
export const SPEND_ITEMS: readonly string[] = [
  "一、一般公共服务支出",
  "二、外交支出",
  "三、国防支出",
  "四、公共安全支出",
  "五、教育支出",
  "六、科学技术支出",
  "七、文化旅游体育与传媒支出",
  "八、社会保障和就业支出",
  "九、社会保险基金支出",
  "十、卫生健康支出",
  "十一、节能环保支出",
  "十二、城乡社区支出",
  "十三、农林水支出",
  "十四、交通运输支出",
  "十五、资源勘探工业信息等支出",
  "十六、商业服务业等支出",
  "十七、金融支出",
  "十八、援助其他地区支出",
  "十九、自然资源海洋气象等支出",
  "二十、住房保障支出",
  "二十一、粮油物资储备支出",
  "二十二、国有资本经营预算支出",
  "二十三、灾害防治及应急管理支出",
  "二十四、预备费",
  "二十五、其他支出",
  "二十六、转移性支出",
  "二十七、债务还本支出",
  "二十八、债务付息支出",
  "二十九、债务发行费用支出",
  "三十、抗疫特别国债安排的支出",
  "三十一、人行科目",
];

const COL = { serial: 0, incomeLabel: 1, income: 2, spendLabel: 3, spend: 4 } as const;
const FIRST_ITEM_ROW = 5;
const LAST_ITEM_ROW = FIRST_ITEM_ROW + SPEND_ITEMS.length - 1;

/** Where things are, for the tests and for anyone filling the sheet programmatically. */
export const SUMMARY_LAYOUT = {
  columns: COL,
  unitNameCell: { row: 1, col: 1 },
  yearCell: { row: 1, col: 3 },
  firstItemRow: FIRST_ITEM_ROW,
  lastItemRow: LAST_ITEM_ROW,
  incomeItemCount: INCOME_ITEMS.length,
  yearTotalRow: LAST_ITEM_ROW + 1,
  carryRow: LAST_ITEM_ROW + 2,
  grandTotalRow: LAST_ITEM_ROW + 3,
} as const;

const AMOUNT_VALIDATION_ERROR = {
  title: "金额格式不正确",
  message: "请输入数字金额（单位：万元），不要输入文字、空格或全角数字。",
  style: "stop" as const,
};

export function summarySpec(): TemplateSpec {
  const part = emptyPart();
  const cells = part.cells;
  const L = SUMMARY_LAYOUT;
  const add = (c: CellSpec) => cells.push(c);

  add({ row: 0, col: 0, role: "title", value: "部门预算收支总表" });
  // The whole merged title is styled, as Excel styles a merged area: both writers then agree.
  for (let col = 1; col <= 4; col++) add({ row: 0, col, role: "title" });
  part.merges.push(rect(0, 0, 0, 4));
  part.rowHeights.push({ row: 0, height: 30 });

  add({ row: 1, col: 0, role: "note", value: "单位名称", align: "right" });
  add({ row: 1, col: 1, role: "input", align: "left" });
  add({ row: 1, col: 2, role: "note", value: "预算年度", align: "right" });
  add({ row: 1, col: 3, role: "input", numberFormat: "0", align: "left" });
  add({ row: 1, col: 4, role: "note", value: "单位：万元", align: "right" });

  add({ row: 2, col: 0, role: "header", value: "序号" });
  add({ row: 2, col: 1, role: "header", value: "收入" });
  add({ row: 2, col: 2, role: "header" });
  add({ row: 2, col: 3, role: "header", value: "支出" });
  add({ row: 2, col: 4, role: "header" });
  add({ row: 3, col: 0, role: "header" });
  ["项目", "预算数", "项目", "预算数"].forEach((value, i) => add({ row: 3, col: i + 1, role: "header", value }));
  part.merges.push(rect(2, 0, 3, 0), rect(2, 1, 2, 2), rect(2, 3, 2, 4));
  add({ row: 4, col: 0, role: "header", value: "栏次" });
  [1, 2, 3, 4].forEach((value, i) => add({ row: 4, col: i + 1, role: "header", value }));

  SPEND_ITEMS.forEach((name, i) => {
    const row = FIRST_ITEM_ROW + i;
    add({ row, col: COL.serial, role: "serial", value: i + 1 });
    const income = INCOME_ITEMS[i];
    if (income) {
      add({ row, col: COL.incomeLabel, role: "label", value: income });
      add({ row, col: COL.income, role: "input", numberFormat: AMOUNT_FORMAT });
    } else {
      add({ row, col: COL.incomeLabel, role: "blank" });
      add({ row, col: COL.income, role: "blank", numberFormat: AMOUNT_FORMAT });
    }
    add({ row, col: COL.spendLabel, role: "label", value: name });
    add({ row, col: COL.spend, role: "input", numberFormat: AMOUNT_FORMAT });
  });

  const incomeCol = (row: number) => toA1(row, COL.income);
  const spendCol = (row: number) => toA1(row, COL.spend);
  const sumItems = (col: (row: number) => string) => `=SUM(${col(FIRST_ITEM_ROW)}:${col(LAST_ITEM_ROW)})`;
  const bottom: [number, string, string | null, string, string | null][] = [
    [L.yearTotalRow, "本年收入合计", sumItems(incomeCol), "本年支出合计", sumItems(spendCol)],
    [L.carryRow, "上年结转结余", null, "年终结转结余", null],
    [
      L.grandTotalRow,
      "收入总计",
      `=${incomeCol(L.yearTotalRow)}+${incomeCol(L.carryRow)}`,
      "支出总计",
      `=${spendCol(L.yearTotalRow)}+${spendCol(L.carryRow)}`,
    ],
  ];
  bottom.forEach(([row, incomeLabel, incomeFormula, spendLabel, spendFormula], i) => {
    add({ row, col: COL.serial, role: "serial", value: SPEND_ITEMS.length + i + 1 });
    add({ row, col: COL.incomeLabel, role: "totalLabel", value: incomeLabel });
    add(amountCell(row, COL.income, incomeFormula));
    add({ row, col: COL.spendLabel, role: "totalLabel", value: spendLabel });
    add(amountCell(row, COL.spend, spendFormula));
  });

  part.validations.push(...summaryValidations());
  // An unbalanced table turns both grand totals red while the user is still typing.
  const grandIncome = absA1(L.grandTotalRow, COL.income);
  const grandSpend = absA1(L.grandTotalRow, COL.spend);
  for (const col of [COL.income, COL.spend]) {
    part.conditionalFormats.push({
      range: rect(L.grandTotalRow, col),
      formula: `=${grandIncome}<>${grandSpend}`,
      fill: "FFC7CE",
      fontColor: "9C0006",
    });
  }

  return {
    ...part,
    kind: "收支总表",
    sheetName: "收支总表",
    columnWidths: [8, 34, 16, 36, 16],
    freeze: { rows: 5, cols: 0 },
    protect: true,
    print: { orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: { first: 0, last: 4 } },
  };
}

function amountCell(row: number, col: number, formula: string | null): CellSpec {
  return formula
    ? { row, col, role: "formula", formula, numberFormat: AMOUNT_FORMAT }
    : { row, col, role: "input", numberFormat: AMOUNT_FORMAT };
}

function summaryValidations(): ValidationSpec[] {
  const L = SUMMARY_LAYOUT;
  const amount = (top: number, bottom: number, col: number): ValidationSpec => ({
    range: rect(top, col, bottom, col),
    rule: { kind: "decimal", min: -1e12, max: 1e12 },
    error: AMOUNT_VALIDATION_ERROR,
  });
  return [
    amount(L.firstItemRow, L.firstItemRow + L.incomeItemCount - 1, COL.income),
    amount(L.firstItemRow, L.lastItemRow, COL.spend),
    amount(L.carryRow, L.carryRow, COL.income),
    amount(L.carryRow, L.carryRow, COL.spend),
    {
      range: rect(L.yearCell.row, L.yearCell.col),
      rule: { kind: "whole", min: 2000, max: 2099 },
      prompt: { title: "预算年度", message: "填写四位年份，如 2025。" },
      error: { title: "年度不正确", message: "预算年度应为 2000 至 2099 之间的四位年份。", style: "stop" },
    },
  ];
}
