import manifest from "../fixtures/manifest.json";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { checkWorkbook, CheckResult } from "../../src/core/check";

/**
 * The engine on real files: every fixture built from the seeds, as listed in
 * test/fixtures/manifest.json (written by scripts/build-fixtures.ts).
 */
interface Defect {
  sheet: string;
  cell: string;
  rule: string;
  real?: boolean;
  severity?: string;
}
interface FixtureEntry {
  file: string;
  clean: boolean;
  defects: Defect[];
  mayAlsoFind?: string[];
}

const fixtures = (manifest as { fixtures: FixtureEntry[] }).fixtures;
const results = new Map<string, CheckResult>();

async function resultFor(file: string): Promise<CheckResult> {
  if (!results.has(file)) results.set(file, checkWorkbook(await readWorkbookFile(file)));
  return results.get(file)!;
}

describe.each(fixtures.map((f) => [f.file, f] as const))("%s", (_name, fixture) => {
  if (fixture.clean) {
    it("gives no error and no warning", async () => {
      const { findings } = await resultFor(fixture.file);
      expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell} ${f.rule}: ${f.message}`)).toEqual(
        [],
      );
    });
  }
  for (const d of fixture.defects) {
    it(`finds ${d.rule} at ${d.sheet}!${d.cell}${d.real ? " (real defect)" : ""}`, async () => {
      const { findings } = await resultFor(fixture.file);
      const hit = findings.find((f) => f.sheet === d.sheet && f.cell === d.cell && f.rule === d.rule);
      expect(hit ?? findings.filter((f) => f.sheet === d.sheet).map((f) => `${f.cell} ${f.rule}`)).toMatchObject({
        rule: d.rule,
      });
      if (d.severity) expect(hit!.severity).toBe(d.severity);
    });
  }
  if (fixture.file.includes("/planted/")) {
    it("reports one planted defect without a cascade: at most two errors or warnings, of expected rules", async () => {
      const { findings } = await resultFor(fixture.file);
      const serious = findings.filter((f) => f.severity !== "info");
      const allowed = new Set([...fixture.defects.map((d) => d.rule), ...(fixture.mayAlsoFind ?? [])]);
      expect(serious.filter((f) => !allowed.has(f.rule)).map((f) => `${f.cell} ${f.rule}`)).toEqual([]);
      expect(serious.length).toBeLessThanOrEqual(2);
    });
  }
  it("recognises every sheet it should", async () => {
    const { sheets } = await resultFor(fixture.file);
    for (const s of sheets) {
      if (/收支总表/.test(s.name)) expect(s.kind).toBe("summary");
      if (/绩效/.test(s.name)) expect(s.kind).toBe("indicators");
    }
  });
});

describe("seed 003", () => {
  it("flags 基本完成 under *数量 as IND-QUAL-IN-QUANT at both value cells, and nothing else as an error", async () => {
    const { findings } = await resultFor("test/fixtures/seed003-indicators.xlsx");
    const qual = findings.filter((f) => f.rule === "IND-QUAL-IN-QUANT");
    expect(qual.map((f) => [f.sheet, f.cell, f.severity])).toEqual([
      ["绩效目标", "D10", "warning"],
      ["绩效目标", "D30", "warning"],
    ]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("seed 001 indicators", () => {
  it("reports the real value that is only “%” (block 49, 免费预防性体检人员满意度) as IND-EMPTY, the file's only error", async () => {
    const { findings } = await resultFor("test/fixtures/seed001-indicators.xlsx");
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.rule])).toEqual([["E891", "IND-EMPTY"]]);
  });
});

describe("seed 000", () => {
  it("parses every value form of the 4-column table: no error and no warning", async () => {
    const { findings } = await resultFor("test/fixtures/seed000-indicators.xlsx");
    expect(findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.rule}: ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => f.rule === "IND-FULLWIDTH").length).toBeGreaterThan(0);
  });
});

describe("determinism", () => {
  it("gives the same findings in the same order on every run", async () => {
    const file = "samples/示例预算表.xlsx";
    const sheets = await readWorkbookFile(file);
    const a = checkWorkbook(sheets);
    const b = checkWorkbook(await readWorkbookFile(file));
    expect(b.findings).toEqual(a.findings);
    expect(new Set(a.findings.map((f) => f.id)).size).toBe(a.findings.length);
  });
});
