import { Decimal, UNIT_IN_YUAN, convertUnit, detectUnit } from "../../src/core/amount";
import { SheetView, gridSheet } from "../../src/core/snapshot";
import { byRule, check, miniBlock } from "./indicators/helpers";

function unitOf(note: string) {
  return detectUnit(
    new SheetView(
      gridSheet("收支总表", [
        ["2026年部门收支总表", null, note],
        ["项目", "金额"],
      ]),
    ),
  );
}

describe("detectUnit: the money unit stated in the title rows", () => {
  test.each([
    ["单位：万元", "万元"],
    ["单位:元", "元"],
    ["金额单位：亿元", "亿元"],
    ["单位：千元", "千元"],
    ["单位：人民币万元", "万元"],
    ["金额单位：人民币元", "元"],
    ["金额单位：人民币千元", "千元"],
    ["单位： 人民币 万元", "万元"],
  ])("%j states %s", (note, unit) => {
    expect(unitOf(note)).toEqual({ unit, cell: "C1" });
  });

  test.each(["单位：美元万元", "单位：人", "万元"])("%j states no money unit", (note) => {
    expect(unitOf(note)).toBeNull();
  });
});

describe("千元 converts through 元 exactly", () => {
  test("one 千元 is 1000 元, a tenth of a 万元", () => {
    expect(UNIT_IN_YUAN["千元"].toString()).toBe("1000");
    expect(convertUnit(new Decimal("1234.5"), "千元", "万元").toString()).toBe("123.45");
    expect(convertUnit(new Decimal("3"), "万元", "千元").toString()).toBe("30");
    expect(convertUnit(new Decimal("2.5"), "千元", "元").toString()).toBe("2500");
  });
});

describe("indicator blocks stated in 千元", () => {
  /** The mini block with its title note replaced, and a cost value of `cost`. */
  function block(note: string, cost: string) {
    const rows = miniBlock({ 3: [null, "成本指标", "培训经费", cost] });
    rows[0] = ["培训项目绩效目标表", null, null, note];
    return rows;
  }

  test("a budget of 10 千元 and a cost of ≤10千元 agree", () => {
    expect(byRule(check(block("单位：人民币千元", "≤10千元")), "IND-COST-BUDGET")).toEqual([]);
  });

  test("a cost of 2万元 against a budget of 10 千元 is over by 10 千元", () => {
    const fs = byRule(check(block("单位：千元", "≤2万元")), "IND-COST-BUDGET");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain("超出 10.00（千元）");
  });
});
