import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import { expandPaths } from "../src/cli/batch/walk";
import { ensureBatchWorkbooks } from "./batch-workbooks";

/**
 * `npm run bench -- --batch`: 200 department workbooks checked by one process per file (as a
 * shell loop would), then by `budget-check DIR --jobs 1` and `--jobs 2`, through the real
 * command line. Prints files per second, peak memory and the machine's load; asserts nothing.
 * `--loop N` times the per-process loop on the first N files only (it is the slow one).
 */
const root = path.resolve(".tmp/bench");
const bin = path.resolve("bin/budget-check.js");
const rssPreload = path.resolve("bench/rss-at-exit.js");
const rssFile = path.join(root, "rss.txt");
const RUNS = 3;

interface Timing {
  seconds: number;
  peakMB: number;
  /** CPU time of all the processes (all their threads): what the machine's other load cannot inflate much. */
  cpuSeconds: number;
}

function timed(argsList: string[][]): Timing {
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  for (const args of argsList) {
    const r = spawnSync(process.execPath, ["--require", rssPreload, bin, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
    });
    if (r.status !== null && r.status > 2) throw new Error(`budget-check ${args.join(" ")} 退出码 ${r.status}：${r.stderr}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const usage = readFileSync(rssFile, "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split(" ").map(Number));
  return { seconds, peakMB: Math.max(...usage.map((u) => u[0])) / 1024, cpuSeconds: usage.reduce((n, u) => n + u[1], 0) / 1e6 };
}

function median(ts: Timing[]): Timing {
  const sorted = [...ts].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor(sorted.length / 2)];
  return { seconds: mid.seconds, cpuSeconds: mid.cpuSeconds, peakMB: Math.max(...ts.map((t) => t.peakMB)) };
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

export async function benchBatch(argv: string[]): Promise<void> {
  const dir = await ensureBatchWorkbooks(root);
  const files = (await expandPaths([dir], { cwd: process.cwd() })).tasks.map((t) => t.path);
  const loopAt = argv.indexOf("--loop");
  const loopFiles = loopAt >= 0 ? files.slice(0, Number(argv[loopAt + 1])) : files;
  const report = path.join(root, "batch-report.xlsx");
  console.log(`${files.length} 个部门工作簿：${dir}`);
  console.log(`CPU ${os.cpus().length} 核；开始时负载（1/5/15 分钟）${load()}`);

  const json = (jobs: number) =>
    spawnSync(process.execPath, [bin, dir, "--json", "--quiet", "--jobs", String(jobs)], { encoding: "utf8", maxBuffer: 1 << 28 })
      .stdout;
  const same = json(1) === json(2);

  const loop = timed(loopFiles.map((f) => [f]));
  console.log(`每文件一个进程：${loopFiles.length} 个文件 ${loop.seconds.toFixed(1)} 秒；负载 ${load()}`);
  const batch = (jobs: number) => {
    const runs: Timing[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(timed([[dir, "--jobs", String(jobs), "--report", report, "--force", "--quiet"]]));
    console.log(`--jobs ${jobs}：${runs.map((r) => r.seconds.toFixed(2)).join(" / ")} 秒；负载 ${load()}`);
    return median(runs);
  };
  const one = batch(1);
  const two = batch(2);

  // The default --jobs (one worker, a second only on a long queue) against --jobs 1, on 20 and on
  // all the files: it must never be slower (issue 21).
  const twenty = path.join(root, "twenty");
  rmSync(twenty, { recursive: true, force: true });
  mkdirSync(twenty, { recursive: true });
  files.slice(0, 20).forEach((f, i) => copyFileSync(f, path.join(twenty, `${String(i).padStart(2, "0")}-${path.basename(f)}`)));
  for (const [label, folder, n] of [
    ["20", twenty, 20],
    [String(files.length), dir, files.length],
  ] as const) {
    const time = (jobs: string[]) => {
      const runs: Timing[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(timed([[folder, ...jobs, "--report", report, "--force", "--quiet"]]));
      return median(runs);
    };
    const single = time(["--jobs", "1"]);
    const auto = time([]);
    console.log(
      `${label} 个文件：--jobs 1 ${(n / single.seconds).toFixed(2)} 个/秒，默认 ${(n / auto.seconds).toFixed(2)} 个/秒（默认 / --jobs 1 = ${(single.seconds / auto.seconds).toFixed(2)}×）`,
    );
  }

  const rate = (n: number, t: Timing) => n / t.seconds;
  const rows: [string, number, Timing][] = [
    ["per-process loop", rate(loopFiles.length, loop), loop],
    ["--jobs 1", rate(files.length, one), one],
    ["--jobs 2", rate(files.length, two), two],
  ];
  console.log(`\n| run | files/s | seconds for ${files.length} files | CPU ms per file | peak RSS MB |`);
  console.log("|---|---|---|---|---|");
  const runFiles = [loopFiles.length, files.length, files.length];
  rows.forEach(([label, r, t], i) =>
    console.log(
      `| ${label} | ${r.toFixed(2)} | ${(files.length / r).toFixed(1)} | ${((t.cpuSeconds / runFiles[i]) * 1000).toFixed(0)} | ${t.peakMB.toFixed(0)} |`,
    ),
  );
  const speedup1 = rate(files.length, one) / rate(loopFiles.length, loop);
  const speedup2 = rate(files.length, two) / rate(files.length, one);
  console.log(`\n--jobs 1 / loop = ${speedup1.toFixed(1)}× (target ≥ 10×: ${speedup1 >= 10 ? "met" : "NOT met"})`);
  console.log(`--jobs 2 / --jobs 1 = ${speedup2.toFixed(2)}× (the 1.6× target is retired, issue 21)`);
  const peak = Math.max(...rows.map((r) => r[2].peakMB));
  console.log(`peak RSS ${peak.toFixed(0)} MB (target < 1024 MB: ${peak < 1024 ? "met" : "NOT met"})`);
  console.log(`--json identical for --jobs 1 and --jobs 2: ${same ? "yes" : "NO"}`);
  console.log(`结束时负载 ${load()}`);
}
