import { groupThousands } from "../../src/core/amount";
import { makeFinding } from "../../src/core/finding";
import { RESULT_COLUMNS, cellTarget, countBySeverity, resultRows, ruleName } from "../../src/core/results-table";

describe("results table", () => {
  const f = makeFinding({
    rule: "BAL-SPEND",
    sheet: "收支'总表",
    cell: "E20",
    message: "本年支出合计不一致",
    expected: "1852.70",
    actual: "1850.20",
  });

  it("lists a finding in the 检查结果 columns", () => {
    // 项目 and 规则名称 join the first layout; no column was renamed.
    expect(RESULT_COLUMNS).toEqual(["工作表", "单元格", "项目", "规则", "规则名称", "严重程度", "说明", "应为", "实际", "相差"]);
    expect(resultRows([f])[0]).toMatchObject({
      sheet: "收支'总表",
      severity: "错误",
      rule: "BAL-SPEND",
      title: "本年支出合计应等于各项支出之和",
      expected: "1852.70",
      actual: "1850.20",
      difference: "-2.50",
    });
  });

  it("names a line of a 说明 given beside the workbook by its line, with no link: no sheet holds it", () => {
    const onText = makeFinding({ rule: "NARR-ARITH", sheet: "说明.txt", cell: "A4", line: 4, message: "增长率算错" });
    expect(resultRows([onText, f]).map((r) => [r.cell, r.target])).toEqual([
      ["E20", "'收支''总表'!E20"],
      ["第 4 行", null],
    ]);
  });

  it("lists the most severe first, keeping the check's order within a severity", () => {
    const info = { ...f, id: "i", severity: "info" as const, cell: "A1" };
    const warning = { ...f, id: "w", severity: "warning" as const, cell: "A2" };
    const error2 = { ...f, id: "e2", cell: "A3" };
    expect(resultRows([info, f, warning, error2]).map((r) => r.cell)).toEqual(["E20", "A3", "A2", "A1"]);
  });

  it("names a rule by its Chinese title with the id beside it", () => {
    expect(ruleName("BAL-SPEND")).toBe("本年支出合计应等于各项支出之和（BAL-SPEND）");
  });

  it("quotes a sheet name with an apostrophe in the hyperlink target", () => {
    expect(cellTarget("收支'总表", "E20")).toBe("'收支''总表'!E20");
  });

  it("counts by severity", () => {
    expect(countBySeverity([f, { ...f, severity: "info" }])).toEqual({ error: 1, warning: 0, info: 1 });
  });
});

describe("groupThousands", () => {
  it.each([
    ["1852.70", "1,852.70"],
    ["-2.50", "−2.50"],
    ["94995790", "94,995,790"],
    ["999", "999"],
    ["0.001", "0.001"],
    ["abc", "abc"],
  ])("%s → %s", (input, out) => expect(groupThousands(input)).toBe(out));
});
