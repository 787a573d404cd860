import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync } from "fs";
import path from "path";
import { tempDir } from "../cli-helpers";
import { BALLAST } from "./support/ballast";

const RUN_TS = path.resolve(__dirname, "../../../bin/run-ts.js");
const RUN = path.join(__dirname, "support/ballast-run.ts");
const SAMPLE = path.resolve(__dirname, "../../../samples/示例预算表.xlsx");
const FILES = 40;
/** The main thread's heap: about half of what the files' outcomes weigh together (40 × 3 MB). */
const HEAP_MB = 64;

function batch(args: string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, RUN_TS, RUN, ...args], { encoding: "utf8" });
}

/**
 * Issue 21: a run's memory is bounded by one file, not by the run. Each of 40 outcomes carries 3 MB,
 * 120 MB together, in a heap of 64 MB: the run must hold them one at a time (journal on disk, digests
 * in memory), and one that keeps them all must not fit (else this test could not fail).
 */
describe("a batch's memory is bounded by one file", () => {
  expect(FILES * BALLAST).toBeGreaterThan(1.5 * HEAP_MB * 2 ** 20);
  const dir = path.join(tempDir(), "收件");
  beforeAll(() => {
    mkdirSync(dir);
    for (let i = 0; i < FILES; i++) copyFileSync(SAMPLE, path.join(dir, `单位${String(i).padStart(2, "0")}.xlsx`));
  });

  it("--report and --csv are written from the journal with every outcome too heavy to keep together", () => {
    const out = tempDir();
    const report = path.join(out, "报告.xlsx");
    const csv = path.join(out, "明细.csv");
    const run = batch([dir, "--report", report, "--csv", csv, "--jobs", "1", "--quiet"]);
    // The sample has error findings: exit 1, not a crash.
    expect(run.status).toBe(1);
    expect(existsSync(report)).toBe(true);
    expect(existsSync(csv)).toBe(true);
    expect(existsSync(report + ".journal")).toBe(false);
  }, 180_000);

  it("a run that keeps every outcome (--json prints them all at the end) does not fit in that heap", () => {
    const run = batch([dir, "--json", "--jobs", "1", "--quiet"]);
    expect(run.status).not.toBe(1);
    expect(run.status).not.toBe(0);
  }, 180_000);
});
