import { ruleById } from "../../src/core/catalogue";
import { checkWorkbook } from "../../src/core/check";
import { gridSheet } from "../../src/core/snapshot";

/** Severities come from the catalogue: change an entry and the findings follow; only the band makes one milder. */
const sheet = (total: number) =>
  gridSheet("支出表", [
    ["单位：万元", null],
    ["项目", "金额"],
    ["办公费", 1.5],
    ["印刷费", 2.25],
    ["合计", total],
  ]);

function severitiesWith(rule: "SUM-ROW", severity: "error" | "warning" | "info", total: number): string[] {
  const entry = ruleById(rule);
  const saved = entry.severity;
  entry.severity = severity;
  try {
    return checkWorkbook([sheet(total)]).findings.map((f) => `${f.rule} ${f.severity}`);
  } finally {
    entry.severity = saved;
  }
}

describe("severity", () => {
  it("is the catalogue's for a gap beyond the band, whatever the catalogue says", () => {
    expect(checkWorkbook([sheet(4)]).findings.map((f) => `${f.rule} ${f.severity}`)).toEqual(["SUM-ROW error"]);
    expect(severitiesWith("SUM-ROW", "warning", 4)).toEqual(["SUM-ROW warning"]);
    expect(severitiesWith("SUM-ROW", "info", 4)).toEqual(["SUM-ROW info"]);
  });

  it("is info for a gap within the band, whatever the catalogue says", () => {
    expect(severitiesWith("SUM-ROW", "error", 3.76)).toEqual(["SUM-ROW info"]);
    expect(severitiesWith("SUM-ROW", "warning", 3.76)).toEqual(["SUM-ROW info"]);
  });

  it("carries the table's unit on numeric findings", () => {
    const [f] = checkWorkbook([sheet(4)]).findings;
    expect(f).toMatchObject({ expected: "3.75", actual: "4.00", difference: "0.25", unit: "万元" });
  });
});
