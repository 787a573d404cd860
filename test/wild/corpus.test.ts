import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import manifestJson from "./manifest.json";
import { manifestEntry, sheetSpec } from "../../scripts/wild/corpus";
import { checkIdentities, readSources, workbookPath } from "../../scripts/wild/identities";
import { toA1 } from "../../scripts/wild/source";

/**
 * The yardstick itself, independent of the checker: the corpus is large and varied enough, the committed
 * workbooks and manifest are what the sources say, and every identity declared in the sources computes as
 * declared (the sums of quiet sheets hold; the recorded real defects stay broken).
 */
const sources = readSources();

describe("wild corpus", () => {
  it("covers at least 30 real tables or forms from at least 12 provinces", () => {
    const sheets = sources.reduce((n, s) => n + s.sheets.length, 0);
    const provinces = new Set(manifestJson.map((e) => e.province));
    expect(manifestJson.length).toBe(sources.length);
    expect(sheets).toBeGreaterThanOrEqual(30);
    expect(provinces.size).toBeGreaterThanOrEqual(12);
  });

  it("has a manifest that is exactly what the sources declare", () => {
    expect(manifestJson).toEqual(sources.map(manifestEntry));
  });

  it("records for every file its source, a why for every defect, and real sheets and cells only", () => {
    for (const s of sources) {
      expect(s.meta.SOURCE.length).toBeGreaterThan(5);
      const names = s.sheets.map((x) => x.name);
      for (const d of s.defects) {
        expect(names).toContain(d.sheet);
        expect(d.why.length).toBeGreaterThan(5);
      }
    }
  });
});

describe.each(sources.map((s) => [s.file, s] as const))("%s", (_file, source) => {
  it("is committed as built from its source (values, number formats, merges)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbookPath(source));
    expect(wb.worksheets.map((w) => w.name)).toEqual(source.sheets.map((s) => s.name));
    for (const sheet of source.sheets) {
      const spec = sheetSpec(sheet);
      const ws = wb.getWorksheet(sheet.name)!;
      const mismatches: string[] = [];
      spec.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const got = ws.getCell(r + 1, c + 1);
          const want = cell !== null && typeof cell === "object" ? cell : { v: cell, fmt: undefined };
          const value = got.isMerged && got.master.address !== got.address ? null : (got.value ?? null);
          if (value !== (want.v ?? null)) mismatches.push(`${toA1(r, c)} ${String(value)} ≠ ${String(want.v)}`);
          if (want.fmt && got.numFmt !== want.fmt) mismatches.push(`${toA1(r, c)} format ${got.numFmt} ≠ ${want.fmt}`);
        }),
      );
      const merges = (ws.model as { merges?: string[] }).merges ?? [];
      expect(merges.length).toBe(sheet.merges.length);
      expect(mismatches).toEqual([]);
    }
  });

  if (source.identities.length > 0) {
    it("computes every declared identity as declared", async () => {
      const results = await checkIdentities(source);
      const off = results
        .filter((r) => !r.asDeclared)
        .map(
          (r) =>
            `${r.identity.sheet}: ${r.identity.lhs} = ${r.identity.rhs}${r.identity.broken ? " !broken" : ""} → ${r.error ?? `${r.lhs} vs ${r.rhs}`}`,
        );
      expect(off).toEqual([]);
    });
  }

  it("keeps its transcription source with a SOURCE line and the copy it was read from", () => {
    const text = readFileSync(join(__dirname, "sources", source.file), "utf8");
    expect(text.startsWith("# SOURCE: ")).toBe(true);
    expect(source.verbatim).not.toBeNull();
  });
});
