import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import { expandPaths } from "../src/cli/batch/walk";
import { ensureBatchWorkbooks } from "./batch-workbooks";

/**
 * `npm run bench -- --batch-memory N` (default 30,000): a province's run. N workbooks, copies of the
 * 200 distinct department workbooks of the batch bench under N distinct unit file names, 500 to a
 * folder, checked by the real command line with `--report`, first a tenth of them, then all. Prints
 * each run's wall-clock time, peak RSS (the whole process, worker threads included), the journal's
 * largest size and the report's 明细 rows. Issue 21: a 30,000-file run stays under 1 GB, and memory is
 * bounded by one file, not by the run (the tenth and the whole should peak alike). Asserts nothing.
 */
const root = path.resolve(".tmp/bench");
const bin = path.resolve("bin/budget-check.js");
const rssPreload = path.resolve("bench/rss-at-exit.js");
const PER_FOLDER = 500;

async function ensureFolder(n: number): Promise<string> {
  const dir = path.join(root, `memory-${n}`);
  const stamp = path.join(dir, ".complete");
  if (existsSync(stamp)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const sources = (await expandPaths([await ensureBatchWorkbooks(root)], { cwd: process.cwd() })).tasks.map((t) => t.path);
  for (let i = 0; i < n; i++) {
    const folder = path.join(dir, `${String(Math.floor(i / PER_FOLDER) + 1).padStart(3, "0")}`);
    if (i % PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    copyFileSync(sources[i % sources.length], path.join(folder, `${String(i + 1).padStart(5, "0")}-第${i + 1}单位.xlsx`));
  }
  writeFileSync(stamp, new Date().toISOString());
  return dir;
}

interface Run {
  files: number;
  seconds: number;
  peakMB: number;
  journalMB: number;
  reportMB: number;
  code: number | null;
}

function run(dir: string, files: number): Run {
  const report = path.join(root, `memory-report-${files}.xlsx`);
  const rssFile = path.join(root, `memory-rss-${files}.txt`);
  rmSync(rssFile, { force: true });
  // The journal grows as files finish and is removed at the end: sample its size meanwhile.
  let journalBytes = 0;
  const t0 = performance.now();
  const child = spawnSync(
    "bash",
    [
      "-c",
      `"${process.execPath}" --require "${rssPreload}" "${bin}" "${dir}" --report "${report}" --force --quiet & pid=$!; ` +
        `while kill -0 $pid 2>/dev/null; do stat -c %s "${report}.journal" 2>/dev/null; sleep 5; done; wait $pid`,
    ],
    { encoding: "utf8", maxBuffer: 1 << 26, env: { ...process.env, BENCH_RSS_FILE: rssFile } },
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const line of child.stdout.split("\n")) if (/^\d+$/.test(line)) journalBytes = Math.max(journalBytes, Number(line));
  const [rssKb] = readFileSync(rssFile, "utf8").trim().split(" ").map(Number);
  return {
    files,
    seconds,
    peakMB: rssKb / 1024,
    journalMB: journalBytes / 2 ** 20,
    reportMB: existsSync(report) ? statSync(report).size / 2 ** 20 : 0,
    code: child.status,
  };
}

export async function benchBatchMemory(argv: string[]): Promise<void> {
  const at = argv.indexOf("--batch-memory");
  const n = Number(argv[at + 1]) > 0 ? Math.floor(Number(argv[at + 1])) : 30_000;
  const tenth = Math.max(1, Math.floor(n / 10));
  console.log(`生成 ${n} 个工作簿（及其十分之一 ${tenth} 个）…`);
  const dirs = [await ensureFolder(tenth), await ensureFolder(n)];
  console.log(`CPU ${os.cpus().length} 核，内存 ${(os.totalmem() / 2 ** 30).toFixed(1)} GB；负载 ${os.loadavg()[0].toFixed(2)}`);
  console.log("| files | seconds | files/s | peak RSS MB | journal MB (largest) | report MB | exit |");
  console.log("|---|---|---|---|---|---|---|");
  const runs: Run[] = [];
  for (const [i, count] of [tenth, n].entries()) {
    const r = run(dirs[i], count);
    runs.push(r);
    console.log(
      `| ${r.files} | ${r.seconds.toFixed(0)} | ${(r.files / r.seconds).toFixed(1)} | ${r.peakMB.toFixed(0)} | ${r.journalMB.toFixed(0)} | ${r.reportMB.toFixed(1)} | ${r.code} |`,
    );
  }
  const [small, whole] = runs;
  console.log(
    `peak RSS ${whole.peakMB.toFixed(0)} MB for ${n} files (target < 1024 MB: ${whole.peakMB < 1024 ? "met" : "NOT met"})`,
  );
  console.log(
    `peak RSS ×${(whole.peakMB / small.peakMB).toFixed(2)} for ×${(n / tenth).toFixed(0)} the files; 结束时负载 ${os.loadavg()[0].toFixed(2)}`,
  );
}
