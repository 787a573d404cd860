import { gridSheet } from "../../../src/core/snapshot";
import { formulaRanges } from "../../../src/core/totals/read/formulas";
import { at, check, checkSeed, seedRow } from "./helpers";

describe("formula ranges", () => {
  it("parses simple SUM and + forms", () => {
    expect(formulaRanges("=SUM(D9:D11)")).toEqual([{ top: 8, left: 3, bottom: 10, right: 3 }]);
    expect(formulaRanges("=sum($D$9, D11)+D12")).toHaveLength(3);
    expect(formulaRanges("=D9+D10")).toEqual([
      { top: 8, left: 3, bottom: 8, right: 3 },
      { top: 9, left: 3, bottom: 9, right: 3 },
    ]);
  });
  it("leaves other formulas alone", () => {
    expect(formulaRanges("=D9-D10")).toBeNull();
    expect(formulaRanges("=ROUND(SUM(D9:D10),2)")).toBeNull();
    expect(formulaRanges("=Sheet2!D9+D10")).toBeNull();
  });
});

describe("FORMULA-OMITS", () => {
  it("accepts a SUM that covers every item", () => {
    expect(checkSeed("支出总表", { edits: { D8: { v: 1060.41, f: "SUM(D9:D11)" } } })).toEqual([]);
  });

  it("names the left-out item as a warning and reports the wrong value under the identity's own rule", () => {
    const f = checkSeed("支出总表", { edits: { D8: { v: 701.5, f: "SUM(D9:D10)" } } });
    const hit = at(f, "D8");
    expect(hit.map((x) => `${x.rule}:${x.severity}`).sort()).toEqual(["CODE-TREE:error", "FORMULA-OMITS:warning"]);
    expect(at(f, "D8", "FORMULA-OMITS")[0].message).toContain("漏掉了明细单元格 D11");
    const sum = at(f, "D8", "CODE-TREE")[0];
    expect(sum.message).toContain("701.50");
    expect(sum.message).toContain("1,060.41");
    expect(sum.expected).toBe("1060.41");
    expect(sum.actual).toBe("701.50");
  });

  it("never reports FORMULA-OMITS above its catalogue severity", () => {
    const f = checkSeed("收支总表", { edits: { [`E${seedRow(32)}`]: { v: 24213.57, f: "SUM(E6:E20)" } } });
    const omits = f.filter((x) => x.rule === "FORMULA-OMITS");
    expect(omits.length).toBeGreaterThan(0);
    expect(omits.every((x) => x.severity === "warning")).toBe(true);
  });

  it("warns when the cached value still matches but the range misses an item", () => {
    const f = checkSeed("支出总表", { edits: { D8: { v: 1060.41, f: "D9+D10" } } });
    expect(at(f, "D8", "FORMULA-OMITS")[0].severity).toBe("warning");
  });

  it("checks the 收支总表 本年支出合计 formula", () => {
    const row = seedRow(32);
    expect(checkSeed("收支总表", { edits: { [`E${row}`]: { v: 24490.91, f: `SUM(E6:E${row - 1})` } } })).toEqual([]);
    const f = checkSeed("收支总表", { edits: { [`E${row}`]: { v: 24213.57, f: "SUM(E6:E20)" } } });
    expect(at(f, `E${row}`, "FORMULA-OMITS")).toHaveLength(1);
    const bal = at(f, `E${row}`, "BAL-SPEND");
    expect(bal).toHaveLength(1);
    expect(bal[0].severity).toBe("error");
    expect(bal[0].message).toMatch(/^本年支出合计 24,213\.57 与各项支出之和 24,490\.91 不一致/);
  });
});

describe("FORMULA-CONST", () => {
  const table = (c6: { v: number; f?: string } | number) => [
    ["科目编码", "科目名称", "合计"],
    ["", "合计", { v: 30, f: "C3+C6" }],
    ["201", "一般公共服务支出", { v: 10, f: "SUM(C4:C5)" }],
    ["20101", "人大事务", 4],
    ["20102", "政协事务", 6],
    ["205", "教育支出", c6],
    ["20501", "教育管理事务", 20],
  ];

  it("flags a total typed in among formula totals", () => {
    const f = check([gridSheet("表", table(20))]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["FORMULA-CONST@C6"]);
    expect(f[0].severity).toBe("warning");
  });

  it("stays quiet when the sibling totals are formulas too, or all constants", () => {
    expect(check([gridSheet("表", table({ v: 20, f: "SUM(C7)" }))])).toEqual([]);
    const constants = table(20).map((r) => r.map((c) => (c !== null && typeof c === "object" ? c.v : c)));
    expect(check([gridSheet("表", constants)])).toEqual([]);
  });
});
