import { performance } from "perf_hooks";
import { checkWorkbook } from "../src/core/check";
import { readWorkbookFile } from "../src/cli/xlsx-read";

/** Child process: read one file and check it, print timings and peak memory as one JSON line. */
async function measure(file: string): Promise<void> {
  const t0 = performance.now();
  const snapshots = await readWorkbookFile(file);
  const t1 = performance.now();
  const result = checkWorkbook(snapshots);
  const t2 = performance.now();
  // A second pass on warm code: the core's steady speed, as the add-in sees it on re-checks.
  const t3 = performance.now();
  checkWorkbook(snapshots);
  const t4 = performance.now();
  const rows = snapshots.reduce((n, s) => n + s.values.length, 0);
  process.stdout.write(
    JSON.stringify({
      rows,
      readMs: t1 - t0,
      checkMs: t2 - t1,
      warmCheckMs: t4 - t3,
      findings: result.findings.length,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }) + "\n",
  );
}

measure(process.argv[2]).catch((e) => {
  process.stderr.write(String(e) + "\n");
  process.exitCode = 1;
});
