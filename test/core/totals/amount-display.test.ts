import { LiteralCell, gridSheet } from "../../../src/core/snapshot";
import { check } from "./helpers";

// docs/domain.md §8 "Units and numbers": messages show amounts as the table does (its thousands
// separators and decimals) with its unit, and the band is in the table's own unit.

const block = (unit: string, fmt: string, values: number[]): LiteralCell[][] => [
  [`单位：${unit}`],
  ["项目", "金额"],
  ["财政拨款", { v: values[0], fmt }],
  ["其他资金", { v: values[1], fmt }],
  ["合计", { v: values[2], fmt }],
];

describe("amounts in messages", () => {
  it("shows a whole-元 table's figures as whole numbers with separators; a 1 元 gap is an error", () => {
    const f = check([gridSheet("表", block("元", "#,##0", [60000000, 34995790, 94995791]))]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "SUM-ROW",
      cell: "B5",
      severity: "error",
      expected: "94995790.00",
      actual: "94995791.00",
      difference: "1.00",
    });
    expect(f[0].message).toBe("合计 94,995,791 与本块各明细行之和 94,995,790 不一致，相差 +1（元）");
  });

  it("keeps four decimals where the table shows four", () => {
    const f = check([gridSheet("表", block("万元", "0.0000", [12.3456, 1.2, 13.5656]))]);
    expect(f[0].message).toBe("合计 13.5656 与本块各明细行之和 13.5456 不一致，相差 +0.0200（万元）");
    expect(f[0].severity).toBe("error");
  });

  it("calls a 0.01 gap in a 2-decimal 万元 table rounding (info), with separators as formatted", () => {
    const f = check([gridSheet("表", block("万元", "#,##0.00", [2106.66, 833.4, 2940.05]))]);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("info");
    expect(f[0].message).toBe(
      "合计 2,940.05 与本块各明细行之和 2,940.06 不一致，相差 −0.01（万元），在舍入容差内，可能是四舍五入所致",
    );
  });

  it("keeps two decimals for General cells, as before", () => {
    const f = check([gridSheet("表", block("万元", "General", [20, 5, 26]))]);
    expect(f[0].message).toBe("合计 26.00 与本块各明细行之和 25.00 不一致，相差 +1.00（万元）");
  });
});
