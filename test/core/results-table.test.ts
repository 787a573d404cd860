import { groupThousands } from "../../src/core/amount";
import { makeFinding } from "../../src/core/finding";
import { RESULT_COLUMNS, cellTarget, countBySeverity, resultRows } from "../../src/core/results-table";

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
    expect(RESULT_COLUMNS).toEqual(["工作表", "单元格", "严重程度", "规则", "说明", "应为", "实际", "相差"]);
    expect(resultRows([f])[0]).toMatchObject({
      sheet: "收支'总表",
      severity: "错误",
      expected: "1852.70",
      actual: "1850.20",
      difference: "-2.50",
    });
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
