import fc from "fast-check";
import { RectRef } from "../../../src/core/address";
import { isRuleId } from "../../../src/core/catalogue";
import { LiteralCell } from "../../../src/core/snapshot";
import { check } from "./helpers";

const vocabulary: LiteralCell[] = [
  "一级指标",
  "二级指标",
  "三级指标",
  "指标名称",
  "指标值",
  "年度指标值",
  "绩效指标描述",
  "指标值确定依据",
  "项目名称",
  "预算数",
  "本年度项目金额（万元）:",
  "资金支出计划（%）",
  "3月底",
  "6月底",
  "12月底",
  "单位：万元",
  "产出指标",
  "效益指标",
  "满意度指标",
  "成本指标",
  "数量指标",
  "*数量",
  "质量指标",
  "时效指标",
  "经济成本指标",
  "社会效益指标",
  "服务对象满意度指标",
  "≥95%",
  "≤40万元",
  "基本完成",
  "不适用",
  "0.85",
  "≥80％",
  "每月≥4次",
  "1次/周",
  "90%~100%",
  "#REF!",
  "",
  " ",
  "绩效目标表",
  0,
  1,
  -3,
  0.25,
  1e300,
  true,
];

const cell: fc.Arbitrary<LiteralCell> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.record({ v: fc.double({ noNaN: true }), fmt: fc.constantFrom("0%", "0.00", "General") }) },
);

const merge: fc.Arbitrary<RectRef> = fc
  .tuple(fc.nat(20), fc.nat(7), fc.nat(4), fc.nat(3))
  .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));

describe("checkIndicatorSheet on arbitrary grids", () => {
  test("never throws and returns well-formed findings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 24 }),
        fc.array(merge, { maxLength: 4 }),
        (rows, merges) => {
          const fs = check(rows, merges);
          for (const f of fs) {
            expect(isRuleId(f.rule)).toBe(true);
            expect(f.cell).toMatch(/^[A-Z]+\d+$/);
            expect(f.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  test("a large stacked sheet is read block by block (many blocks, rows tied to their own budget)", () => {
    const rows: LiteralCell[][] = [];
    for (let b = 0; b < 300; b++) {
      rows.push(["项目名称", `项目${b}`], ["预算数", { v: 10, fmt: "0.00" }], ["一级指标", "二级指标", "三级指标", "指标值"]);
      rows.push(["产出指标", "数量指标", "人数", "≥100人"], [null, "成本指标", "经费", b % 2 === 0 ? "≤20万元" : "≤10万元"]);
      rows.push(["效益指标", "社会效益指标", "素养", "显著提高"], ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"]);
    }
    const fs = check(rows);
    expect(fs.filter((f) => f.rule === "IND-COST-BUDGET")).toHaveLength(150);
    expect(fs).toHaveLength(150);
  });
});
