import { readFileSync } from "fs";
import { performance } from "perf_hooks";
import { checkWorkbook } from "../src/core/check";
import { readWorkbookFile } from "../src/cli/xlsx-read";

/**
 * CPU time of this process's main thread in ms (Linux: its schedstat), null elsewhere. Wall-clock
 * on a shared machine grows with the others' load; the main thread's CPU time barely does, and
 * unlike process.cpuUsage() it leaves out the compiler and GC helper threads.
 */
function mainThreadMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

const cpuSince = (from: number | null): number | null => {
  const now = mainThreadMs();
  return from === null || now === null ? null : now - from;
};

/** Child process: read one file and check it, print timings and peak memory as one JSON line. */
async function measure(file: string): Promise<void> {
  const t0 = performance.now();
  const snapshots = await readWorkbookFile(file);
  const t1 = performance.now();
  const c1 = mainThreadMs();
  const result = checkWorkbook(snapshots);
  const checkCpuMs = cpuSince(c1);
  const t2 = performance.now();
  // A second pass on warm code: the core's steady speed, as the add-in sees it on re-checks.
  const t3 = performance.now();
  const c3 = mainThreadMs();
  checkWorkbook(snapshots);
  const warmCheckCpuMs = cpuSince(c3);
  const t4 = performance.now();
  const rows = snapshots.reduce((n, s) => n + s.values.length, 0);
  process.stdout.write(
    JSON.stringify({
      rows,
      readMs: t1 - t0,
      checkMs: t2 - t1,
      warmCheckMs: t4 - t3,
      checkCpuMs,
      warmCheckCpuMs,
      findings: result.findings.length,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }) + "\n",
  );
}

measure(process.argv[2]).catch((e) => {
  process.stderr.write(String(e) + "\n");
  process.exitCode = 1;
});
