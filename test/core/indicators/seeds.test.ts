import { Finding } from "../../../src/core/finding";
import { readBlocks } from "../../../src/core/indicators";
import { SheetView, gridSheet } from "../../../src/core/snapshot";
import { byRule, check } from "./helpers";
import { BLOCK_000, BLOCK_001_1, BLOCK_001_4, BLOCK_001_47, BLOCK_001_6, BLOCK_001_8, BLOCK_003_1 } from "./seed-blocks";

const serious = (fs: Finding[]) => fs.filter((f) => f.severity !== "info");

describe("real blocks from the seeds", () => {
  test("001 #1 爱卫、创卫工作经费 is clean: no error, no warning", () => {
    const fs = check(BLOCK_001_1);
    expect(serious(fs)).toEqual([]);
  });

  test("001 blocks are read with their budget, plan and rows", () => {
    const view = new SheetView(gridSheet("s", [...BLOCK_001_1, [], ...BLOCK_001_6]));
    const blocks = readBlocks(view, "万元");
    expect(blocks.map((b) => b.project.name)).toEqual([
      "爱卫、创卫工作经费",
      "国家基本公共卫生服务项目督导、考核、培训、宣传经费",
    ]);
    expect(blocks.map((b) => b.project.budget?.toFixed(2))).toEqual(["5.00", "4.00"]);
    expect(blocks[0].rows).toHaveLength(9);
    expect(blocks[0].project.plan?.points.map((p) => p.value?.toFixed(2) ?? null)).toEqual([null, "1.50", "3.50", "5.00"]);
    expect(blocks[0].project.plan?.percentHeader).toBe(true);
    // 一级 is carried down over blank cells; 二级 is written on every row.
    expect(blocks[0].rows[3].level1?.name).toBe("产出");
    expect(blocks[0].rows[3].level2?.name).toBe("成本");
    expect(blocks[1].rows[0].name).toBe("资金拨付基层医疗机构的数量");
  });

  test("001 #4: values that restate the indicator are IND-SAME-AS-NAME", () => {
    const fs = byRule(check(BLOCK_001_4), "IND-SAME-AS-NAME");
    expect(fs.map((f) => f.cell)).toEqual(["F13", "F14", "F15"]);
    expect(fs[0].severity).toBe("warning");
    expect(fs[0].related).toEqual(["D13"]);
    expect(fs[0].message).toContain("减少对医疗收入的影响");
  });

  test("001 #6: cost ≤40万元 above the 4.00 budget is IND-COST-BUDGET", () => {
    const fs = check(BLOCK_001_6);
    const cost = byRule(fs, "IND-COST-BUDGET");
    expect(cost).toHaveLength(1);
    expect(cost[0].cell).toBe("F12");
    expect(cost[0].related).toEqual(["D12", "C3"]);
    expect(cost[0].difference).toBe("36.00");
    expect(serious(fs).map((f) => f.rule)).toEqual(["IND-COST-BUDGET"]);
  });

  test("001 #8: cost 203.76万元 against budget 203.77 is IND-COST-MISMATCH (info)", () => {
    const fs = check(BLOCK_001_8);
    const mm = byRule(fs, "IND-COST-MISMATCH");
    expect(mm).toHaveLength(1);
    expect(mm[0]).toMatchObject({ cell: "F12", severity: "info", expected: "203.77", actual: "203.76", difference: "-0.01" });
    expect(mm[0].message).toContain("相差 −0.01");
    expect(byRule(fs, "IND-COST-BUDGET")).toEqual([]);
    // Its 效益 values restate the names too, including one with a stray space.
    expect(byRule(fs, "IND-SAME-AS-NAME").map((f) => f.cell)).toEqual(["F13", "F14", "F15"]);
  });

  test("001 #47: a fraction plan under a （%） header is PLAN-FORM info", () => {
    const fs = check(BLOCK_001_47);
    expect(byRule(fs, "PLAN-END")).toEqual([]);
    const end = byRule(fs, "PLAN-FORM");
    expect(end).toHaveLength(1);
    expect(end[0]).toMatchObject({ cell: "F6", severity: "info" });
    expect(end[0].related).toEqual(["C3"]);
    expect(serious(fs)).toEqual([]);
  });

  test("003: 基本完成 under *数量 is IND-QUAL-IN-QUANT", () => {
    const fs = check(BLOCK_003_1);
    const q = byRule(fs, "IND-QUAL-IN-QUANT");
    expect(q.map((f) => f.cell)).toEqual(["D12"]);
    expect(q[0].message).toContain("基本完成");
    expect(q[0].id).toBe("IND-QUAL-IN-QUANT|项目绩效目标表|综合业务管理（医疗集团）|下转患者数、各中心诊断病例数稳步增长");
    expect(byRule(fs, "IND-HIERARCHY")).toEqual([]);
    expect(serious(fs).map((f) => f.rule)).toEqual(["IND-QUAL-IN-QUANT"]);
  });

  test("003: the budget is 本年度项目金额, not the multi-year total", () => {
    const blocks = readBlocks(new SheetView(gridSheet("s", BLOCK_003_1)), "万元");
    expect(blocks[0].project.budget?.toFixed(2)).toBe("400.00");
  });

  test("000: the 4-column layout reads every value form; only the full-width value is noted", () => {
    const fs = check(BLOCK_000);
    expect(serious(fs)).toEqual([]);
    expect(fs.map((f) => [f.rule, f.cell])).toEqual([["IND-FULLWIDTH", "E7"]]);
  });

  test("stacked blocks keep each row tied to its own budget", () => {
    const fs = check([...BLOCK_001_1, ...BLOCK_001_6, ...BLOCK_001_8, ...BLOCK_001_47]);
    expect(byRule(fs, "IND-COST-BUDGET")).toHaveLength(1);
    expect(byRule(fs, "IND-COST-MISMATCH")).toHaveLength(1);
    expect(byRule(fs, "PLAN-FORM")).toHaveLength(1);
    expect(new Set(fs.map((f) => f.id)).size).toBe(fs.length);
  });

  test("finding ids survive inserted rows above", () => {
    const before = check(BLOCK_001_6).map((f) => f.id);
    const after = check([[], [], ...BLOCK_001_6]).map((f) => f.id);
    expect(after).toEqual(before);
  });
});
