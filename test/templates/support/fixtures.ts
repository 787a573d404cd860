import { toA1 } from "../../../src/core/address";
import { INDICATOR_LAYOUT, blockStartRow } from "../../../src/templates/indicator-spec";
import { SPEND_ITEMS, SUMMARY_LAYOUT } from "../../../src/templates/summary-spec";
import type { Fills } from "./fill";

const S = SUMMARY_LAYOUT;
export const summaryCell = {
  incomeItem: (i: number) => toA1(S.firstItemRow + i, S.columns.income),
  spendItem: (i: number) => toA1(S.firstItemRow + i, S.columns.spend),
  incomeYearTotal: toA1(S.yearTotalRow, S.columns.income),
  spendYearTotal: toA1(S.yearTotalRow, S.columns.spend),
  incomeCarry: toA1(S.carryRow, S.columns.income),
  spendCarry: toA1(S.carryRow, S.columns.spend),
  incomeGrand: toA1(S.grandTotalRow, S.columns.income),
  spendGrand: toA1(S.grandTotalRow, S.columns.spend),
};

/** Seed 001's numbers, with the income split over two sources and a carry-over on both sides. */
export function consistentSummary(): Fills {
  const spendIndex = (name: string) => SPEND_ITEMS.findIndex((n) => n.includes(name));
  return {
    [toA1(S.unitNameCell.row, S.unitNameCell.col)]: "秦皇岛市海港区卫生健康局",
    [toA1(S.yearCell.row, S.yearCell.col)]: 2025,
    [summaryCell.incomeItem(0)]: 24000.5,
    [summaryCell.incomeItem(4)]: 490.41,
    [summaryCell.spendItem(spendIndex("社会保障和就业"))]: 1060.41,
    [summaryCell.spendItem(spendIndex("卫生健康"))]: 23153.16,
    [summaryCell.spendItem(spendIndex("住房保障"))]: 277.34,
    [summaryCell.incomeCarry]: 120,
    [summaryCell.spendCarry]: 120,
  };
}

const O = INDICATOR_LAYOUT.offsets;
const C = INDICATOR_LAYOUT.columns;
export const indicatorCell = {
  name: (block = 0) => toA1(blockStartRow(block) + O.name, 1),
  budget: (block = 0) => toA1(blockStartRow(block) + O.budget, 1),
  plan: (month: number, block = 0) => toA1(blockStartRow(block) + O.planValues, 1 + month),
  goal: (block = 0) => toA1(blockStartRow(block) + O.goal, 1),
  level3: (i: number, block = 0) => toA1(blockStartRow(block) + O.firstIndicator + i, C.level3),
  value: (i: number, block = 0) => toA1(blockStartRow(block) + O.firstIndicator + i, C.value),
  basis: (i: number, block = 0) => toA1(blockStartRow(block) + O.firstIndicator + i, C.basis),
};

/** One indicator per framework row, in the order the template pre-fills them. */
const INDICATORS: [string, string][] = [
  ["开展爱国卫生业务培训人数", "≥100人"],
  ["培训考核合格率", "≥95%"],
  ["资金拨付及时率", "100%"],
  ["预算支出金额", "≤5万元"],
  ["减少群众因病就医支出", "比上年有所提高"],
  ["群众卫生健康意识", "显著提高"],
  ["城乡环境卫生水平", "逐步提高"],
  ["长效管理机制持续发挥作用年限", "≥3年"],
  ["受益群众满意度", "≥95%"],
];

export function consistentIndicators(): Fills {
  const fills: Fills = {
    [indicatorCell.name()]: "爱卫、创卫工作经费",
    [indicatorCell.budget()]: 5,
    [indicatorCell.goal()]: "开展爱国卫生业务培训，提升城乡环境卫生水平。",
  };
  [25, 50, 80, 100].forEach((v, i) => (fills[indicatorCell.plan(i)] = v));
  INDICATORS.forEach(([name, value], i) => {
    fills[indicatorCell.level3(i)] = name;
    fills[indicatorCell.value(i)] = value;
    fills[indicatorCell.basis(i)] = "年初工作计划";
  });
  return fills;
}
