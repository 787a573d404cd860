import manifestJson from "./manifest.json";
import { join } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { checkWorkbook, CheckResult } from "../../src/core/check";

/**
 * The checker on the wild corpus: real tables and forms from many provinces, transcribed from their public
 * copies (test/wild/sources) and listed in test/wild/manifest.json (written by `npm run wild`).
 * Every recorded defect is found at its cell with at least its severity; every quiet sheet carries no warning
 * and no error.
 */
type Severity = "info" | "warning" | "error";
interface Entry {
  file: string;
  province: string;
  source: string;
  kind: string;
  defects: { sheet: string; cell: string; min: Severity; why: string }[];
  quiet: string[];
}

const ROOT = join(__dirname, "../..");
const manifest = manifestJson as Entry[];
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const results = new Map<string, Promise<CheckResult>>();
const resultFor = (file: string): Promise<CheckResult> => {
  if (!results.has(file)) results.set(file, readWorkbookFile(join(ROOT, file)).then(checkWorkbook));
  return results.get(file)!;
};

describe.each(manifest.map((e) => [e.file, e] as const))("%s", (_file, entry) => {
  for (const d of entry.defects) {
    it(`finds ${d.sheet}!${d.cell} (at least ${d.min}): ${d.why}`, async () => {
      const { findings } = await resultFor(entry.file);
      const here = findings.filter((f) => f.sheet === d.sheet && f.cell === d.cell);
      const best = here.reduce<Severity | null>(
        (acc, f) => (acc === null || RANK[f.severity as Severity] > RANK[acc] ? (f.severity as Severity) : acc),
        null,
      );
      const onSheet = findings.filter((f) => f.sheet === d.sheet).map((f) => `${f.cell} ${f.severity} ${f.rule}`);
      expect({ cell: d.cell, severity: best !== null && RANK[best] >= RANK[d.min] ? "ok" : best, onSheet }).toMatchObject({
        severity: "ok",
      });
    });
  }
  for (const sheet of entry.quiet) {
    it(`keeps ${sheet} quiet: no warning, no error`, async () => {
      const { findings } = await resultFor(entry.file);
      expect(
        findings
          .filter((f) => f.sheet === sheet && f.severity !== "info")
          .map((f) => `${f.cell} ${f.severity} ${f.rule}: ${f.message}`),
      ).toEqual([]);
    });
  }
});
