import fc from "fast-check";
import { checkWorkbook } from "../../../src/core/check";
import { isRuleId } from "../../../src/core/catalogue";
import { LiteralCell, gridSheet } from "../../../src/core/snapshot";

// Bad or odd input in a code-keyed table never crashes a rule (a crash shows as the sheet-level
// 「无法解析工作表」 finding) and every finding is well formed.

const cell: fc.Arbitrary<LiteralCell> = fc.oneof(
  fc.constantFrom(
    null,
    "",
    "201",
    "06",
    "6",
    "2010601",
    "301",
    "01",
    "合计",
    "小计",
    "人员经费合计",
    "#REF!",
    "#N/A",
    "待定",
    "—",
    "x1",
    "1,234.50",
  ),
  fc.integer({ min: -50, max: 500 }),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
);

const headers: fc.Arbitrary<string[]> = fc.constantFrom<string[]>(
  ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"],
  ["类", "款", "科目名称", "决算数", "类", "款", "科目名称", "决算数"],
  ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
  ["项目", "行次", "金额", "项目", "行次", "金额"],
);

describe("odd code-keyed tables", () => {
  it("never crash a rule and give well-formed findings", () => {
    fc.assert(
      fc.property(
        headers,
        fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { maxLength: 14 }),
        fc.constantFrom("表", "收支总表", "基本支出决算表", "支出决算表"),
        (header, body, name) => {
          const rows: LiteralCell[][] = [[name], ["单位：万元"], header, ...body.map((r) => r.slice(0, header.length))];
          const { findings } = checkWorkbook([gridSheet(name, rows)]);
          for (const f of findings) {
            expect(isRuleId(f.rule)).toBe(true);
            expect(f.cell).toMatch(/^[A-Z]+\d+$/);
            expect(f.message).not.toMatch(/无法解析工作表/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
