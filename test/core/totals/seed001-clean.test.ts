import { SEED001_TABLES } from "./seed001-grids";
import { check, checkSeed, serious } from "./helpers";
import { seed001Workbook } from "./seed001-grids";

describe("seed 001: the nine standard tables agree", () => {
  it.each(["number", "text"] as const)("reports no error and no warning with %s amounts", (mode) => {
    const findings = check(seed001Workbook(mode));
    expect(serious(findings)).toEqual([]);
  });

  it("reports nothing at all when amounts are numbers", () => {
    expect(check(seed001Workbook("number"))).toEqual([]);
  });

  it("notes each text amount as CELL-TEXTNUM info only", () => {
    const findings = check(seed001Workbook("text"));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === "CELL-TEXTNUM" && f.severity === "info")).toBe(true);
  });

  it.each(SEED001_TABLES)("%s alone is clean", (table) => {
    expect(serious(checkSeed(table))).toEqual([]);
  });
});
