import { Decimal, UNIT_IN_YUAN, convertUnit, detectUnit } from "../../src/core/amount";
import { checkWorkbook } from "../../src/core/check";
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

describe("detectUnit: a unit stated in the column headers (wild file 40)", () => {
  function headerUnit(rows: (string | number | null)[][]) {
    return detectUnit(new SheetView(gridSheet("三公", rows)));
  }

  test("a header that states its unit in brackets states the table's unit", () => {
    expect(headerUnit([["三公经费决算情况"], ["经费项目", "2020年度支出 (万元)", "支出减少情况(万元)"]])).toEqual({
      unit: "万元",
      cell: "B2",
    });
  });

  test("so does one in the second header row, under a group heading, in full-width brackets", () => {
    expect(headerUnit([["三公经费预算表"], ["项目", "预算数", null], [null, "本年（元）", "上年（元）"]])).toEqual({
      unit: "元",
      cell: "B3",
    });
  });

  test("headers that disagree state no unit, and a rate in brackets is no unit", () => {
    expect(headerUnit([["表"], ["项目", "预算数（万元）", "决算数（元）"]])).toBeNull();
    expect(headerUnit([["表"], ["乡镇", "寄宿生(每生每学期625元)", "补助资金合计"]])).toBeNull();
  });

  test("a unit line wins over the headers", () => {
    expect(
      headerUnit([
        ["表", null, "单位：元"],
        ["项目", "预算数（万元）", null],
      ]),
    ).toEqual({ unit: "元", cell: "C1" });
  });

  test.each([
    ["单位:人、元", "元"],
    ["单位：户、人、万元", "万元"],
    ["单位：人次/元", "元"],
  ])("%j, a unit line that names the counts' units first, states %s for the money", (note, unit) => {
    expect(unitOf(note)).toEqual({ unit, cell: "C1" });
  });
});

describe("a table whose headers state the unit is checked in it, without UNIT-MISSING", () => {
  /** wild 40's layout: 总计 at the bottom, the unit in the figure columns' headers. */
  const bottom = [
    ["2020年度三公经费决算情况", null],
    ["经费项目", "2020年度支出 (元)"],
    ["因公出国(境)费", 0],
    ["公务接待费", 7153],
    ["公务用车购置及运行维护费", 185723],
    ["总“三公”经费支出", 192876],
  ];
  /** The same figures with the total on top and the unit in a second header row. */
  const top = [
    ["2020年度三公经费决算情况", null],
    ["项目", "支出"],
    [null, "（元）"],
    ["合计", 192876],
    ["因公出国(境)费", 0],
    ["公务接待费", 7153],
    ["公务用车购置及运行维护费", 185723],
  ];

  test.each([
    ["total at the bottom", bottom],
    ["total on top, unit in a second header row", top],
  ])("%s: quiet, and read in 元", (_name, rows) => {
    const clean = checkWorkbook([gridSheet("三公", rows)]);
    expect(clean.findings.map((f) => f.rule)).toEqual([]);
    expect(clean.sheets[0].unit).toBe("元");
  });

  test("a changed figure is reported in the headers' unit", () => {
    const wrong = top.map((r) => (r[0] === "公务接待费" ? ["公务接待费", 7163] : r));
    const found = checkWorkbook([gridSheet("三公", wrong)]).findings.filter((f) => f.severity !== "info");
    expect(found.map((f) => f.cell)).toEqual(["B4"]);
    expect(found[0].message).toContain("（元）");
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
