import { makeFinding } from "../../src/core/finding";
import {
  amountLine,
  groupFindings,
  navigationOrder,
  orderFindings,
  projectOf,
  signed,
  step,
  summaryText,
} from "../../src/ui/findings";

type Rule = "SUM-ROW" | "CELL-ERROR" | "UNIT-MISSING" | "CELL-TEXTNUM";
const f = (sheet: string, cell: string, rule: Rule) => makeFinding({ rule, sheet, cell, message: `${sheet}${cell}` });

describe("the order an accountant works through", () => {
  const findings = [
    f("甲", "B2", "CELL-TEXTNUM"),
    f("甲", "B3", "CELL-ERROR"),
    f("甲", "B9", "SUM-ROW"),
    f("乙", "A1", "UNIT-MISSING"),
    f("乙", "A5", "CELL-ERROR"),
  ];

  test("severity first, then sheet order, then position", () => {
    expect(orderFindings(findings, ["甲", "乙"]).map((x) => `${x.severity}:${x.sheet}${x.cell}`)).toEqual([
      "error:甲B3",
      "error:甲B9",
      "error:乙A5",
      "info:甲B2",
      "info:乙A1",
    ]);
    // Sheet order comes from the workbook, not from the names.
    expect(orderFindings(findings, ["乙", "甲"])[0].sheet).toBe("乙");
  });

  test("groups by severity and sheet, then rule with its title; navigation follows the groups", () => {
    const groups = groupFindings(findings, ["甲", "乙"]);
    expect(
      groups.map((g) => [g.severity, g.sheet, g.count, g.rules.map((r) => [r.rule, r.findings.map((x) => x.cell)])]),
    ).toEqual([
      [
        "error",
        "甲",
        2,
        [
          ["CELL-ERROR", ["B3"]],
          ["SUM-ROW", ["B9"]],
        ],
      ],
      ["error", "乙", 1, [["CELL-ERROR", ["A5"]]]],
      ["info", "甲", 1, [["CELL-TEXTNUM", ["B2"]]]],
      ["info", "乙", 1, [["UNIT-MISSING", ["A1"]]]],
    ]);
    expect(groups[0].rules[1].title).toBe("合计/小计/总计行应等于本块各明细行之和");
    const order = navigationOrder(groups);
    expect(order.map((x) => x.cell)).toEqual(["B3", "B9", "A5", "B2", "A1"]);
    expect(step(order, null, 1)?.cell).toBe("B3");
    expect(step(order, null, -1)?.cell).toBe("A1");
    expect(step(order, order[1].id, 1)?.cell).toBe("A5");
    expect(step(order, order[0].id, -1)).toBeNull();
    expect(step(order, order[4].id, 1)).toBeNull();
  });
});

describe("the finding card's words", () => {
  test("one sign convention, 实际 − 应为, with thousands separators and the unit", () => {
    const wrong = makeFinding({
      rule: "SUM-ROW",
      sheet: "表",
      cell: "E20",
      message: "m",
      expected: "1852.70",
      actual: "1850.20",
    });
    expect(amountLine(wrong, "万元")).toBe("应为 1,852.70　实际 1,850.20　相差 −2.50 万元");
    const over = makeFinding({
      rule: "SUM-ROW",
      sheet: "表",
      cell: "E20",
      message: "m",
      expected: "24488.41",
      actual: "24490.91",
    });
    expect(amountLine(over)).toBe("应为 24,488.41　实际 24,490.91　相差 +2.50");
    expect(amountLine({ ...over, unit: "元" } as typeof over, "万元")).toMatch(/ 元$/);
    expect(amountLine(makeFinding({ rule: "CELL-ERROR", sheet: "表", cell: "A1", message: "m" }))).toBeNull();
    // A ceiling is not a target (issue 19).
    const cost = makeFinding({
      rule: "IND-COST-BUDGET",
      sheet: "绩效",
      cell: "D9",
      message: "m",
      expected: "4.00",
      actual: "40.00",
    });
    expect(amountLine(cost, "万元")).toBe("上限 4.00　填报 40.00　超出 36.00 万元");
    expect(signed("0.00")).toBe("0.00");
  });

  test("an indicator finding names its project; other sheets have none", () => {
    const ind = makeFinding({ rule: "IND-EMPTY", sheet: "绩效", cell: "D9", anchor: "甲项目|完成率", message: "m" });
    expect(projectOf(ind, "indicators")).toBe("甲项目");
    expect(projectOf(ind, "summary")).toBeNull();
    expect(projectOf(makeFinding({ rule: "IND-EMPTY", sheet: "绩效", cell: "D9", message: "m" }), "indicators")).toBeNull();
    expect(projectOf({ ...ind, project: "乙项目" } as typeof ind, "indicators")).toBe("乙项目");
  });

  test("the copied summary counts by severity and sheet and lists the errors", () => {
    const text = summaryText([f("甲", "B3", "CELL-ERROR"), f("乙", "A1", "UNIT-MISSING")], ["甲", "乙"]);
    expect(text.split("\n")).toEqual([
      "预算表检查结果：共检查 2 张表，错误 1 项，疑似 0 项，提示 1 项。",
      "「甲」：错误 1，疑似 0，提示 0",
      "「乙」：错误 0，疑似 0，提示 1",
      "错误：",
      "1. 甲!B3　甲B3",
    ]);
  });
});
