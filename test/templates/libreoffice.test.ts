import Decimal from "decimal.js";
import { parseA1, toA1 } from "../../src/core/address";
import { INDICATOR_LAYOUT, indicatorSpec } from "../../src/templates/indicator-spec";
import { SUMMARY_LAYOUT, summarySpec } from "../../src/templates/summary-spec";
import { buildTemplateWorkbook } from "../../src/templates/xlsx-writer";
import { Fills, filledTemplate } from "./support/fill";
import { summaryCell } from "./support/fixtures";
import { xlsxToCsvRows } from "./support/libreoffice";

/** A small deterministic generator, so a failure names amounts that can be reproduced. */
function amounts(seed: number, count: number): string[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    const cents = x % 5000000; // up to 49999.99 万元
    return new Decimal(cents).div(100).toFixed(2);
  });
}

describe("a real spreadsheet engine (LibreOffice) computes the template formulas", () => {
  it("totals a filled 收支总表 to the exact decimal sums of its inputs, and the blank 绩效指标 opens intact", async () => {
    const L = SUMMARY_LAYOUT;
    const incomes = amounts(7, L.incomeItemCount);
    const spends = amounts(11, L.lastItemRow - L.firstItemRow + 1);
    const [incomeCarry, spendCarry] = amounts(13, 2);
    const fills: Fills = { [summaryCell.incomeCarry]: Number(incomeCarry), [summaryCell.spendCarry]: Number(spendCarry) };
    incomes.forEach((a, i) => (fills[summaryCell.incomeItem(i)] = Number(a)));
    spends.forEach((a, i) => (fills[summaryCell.spendItem(i)] = Number(a)));

    // Stale cached results (0): the totals below can only come from LibreOffice recalculating.
    const summary = await filledTemplate("收支总表", fills, "stale");
    const indicators = Buffer.from(await buildTemplateWorkbook(["绩效指标"]));
    const [sumRows, indRows] = xlsxToCsvRows([
      { name: "summary.xlsx", bytes: summary },
      { name: "indicators.xlsx", bytes: indicators },
    ]);

    const shown = (address: string) => {
      const { row, col } = parseA1(address)!;
      return sumRows[row]?.[col];
    };
    const sum = (list: string[]) => list.reduce((a, b) => a.plus(b), new Decimal(0));
    const incomeYear = sum(incomes);
    const spendYear = sum(spends);
    expect(shown(summaryCell.incomeYearTotal)).toBe(incomeYear.toFixed(2));
    expect(shown(summaryCell.spendYearTotal)).toBe(spendYear.toFixed(2));
    expect(shown(summaryCell.incomeGrand)).toBe(incomeYear.plus(incomeCarry).toFixed(2));
    expect(shown(summaryCell.spendGrand)).toBe(spendYear.plus(spendCarry).toFixed(2));
    // Inputs come back as typed, formatted 0.00, and the labels survive in UTF-8.
    expect(shown(summaryCell.spendItem(0))).toBe(spends[0]);
    expect(sumRows[0][0]).toBe("部门预算收支总表");
    expect(sumRows[L.yearTotalRow][L.columns.incomeLabel]).toBe("本年收入合计");

    // Every label of the blank indicator template is where the spec put it.
    for (const c of indicatorSpec().cells) {
      if (typeof c.value === "string")
        expect(`${toA1(c.row, c.col)} ${indRows[c.row]?.[c.col]}`).toBe(`${toA1(c.row, c.col)} ${c.value}`);
    }
    expect(indRows[0][0]).toBe(INDICATOR_LAYOUT.title);
  });

  it("computes the blank 收支总表 totals as 0.00", async () => {
    const [rows] = xlsxToCsvRows([{ name: "blank.xlsx", bytes: Buffer.from(await buildTemplateWorkbook(["收支总表"])) }]);
    for (const c of summarySpec().cells.filter((x) => x.formula)) expect(rows[c.row][c.col]).toBe("0.00");
  });
});
