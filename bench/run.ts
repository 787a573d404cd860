import { execFileSync } from "child_process";
import { existsSync, mkdirSync, statSync } from "fs";
import path from "path";
import { benchAccuracy } from "./accuracy";
import { benchBatch } from "./batch";
import { benchBatchMemory } from "./batch-memory";
import { writeCodeTableWorkbook, writeIndicatorWorkbook } from "./generate";

/**
 * `npm run bench`: generates workbooks of 1k, 10k and 100k indicator rows and two 2k-row
 * code-keyed tables (one code column; 类 | 款 | 项 columns), then measures each in a fresh process (so peak memory is per file).
 * Prints figures; asserts nothing. `npm run bench -- --batch` measures batch review instead (bench/batch.ts),
 * `npm run bench -- --batch-memory N` a run of N files' memory (bench/batch-memory.ts),
 * `npm run bench -- --accuracy` the findings' accuracy on planted changes (bench/accuracy/).
 */
const dir = path.resolve(".tmp/bench");
const cases: { label: string; file: string; dataRows: number; make: (f: string) => Promise<void> }[] = [
  { label: "指标 1k 行", file: "ind-1k.xlsx", dataRows: 1_000, make: (f) => writeIndicatorWorkbook(f, 1_000) },
  { label: "指标 10k 行", file: "ind-10k.xlsx", dataRows: 10_000, make: (f) => writeIndicatorWorkbook(f, 10_000) },
  { label: "指标 100k 行", file: "ind-100k.xlsx", dataRows: 100_000, make: (f) => writeIndicatorWorkbook(f, 100_000) },
  { label: "编码支出表 2k 行", file: "code-2k.xlsx", dataRows: 2_000, make: (f) => writeCodeTableWorkbook(f, 2_000) },
  {
    label: "类/款/项 分列 2k 行",
    file: "code-split-2k.xlsx",
    dataRows: 2_000,
    make: (f) => writeCodeTableWorkbook(f, 2_000, true),
  },
];

/**
 * The measured code is compiled by tsc first, as webpack's ts-loader compiles it for the add-in:
 * running it through tsx would time tsx's helper wrappers as well.
 */
function compileMeasure(): string {
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.resolve("bench/tsconfig.json")], {
    stdio: "inherit",
  });
  return path.resolve(".tmp/bench-js/bench/measure.js");
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (process.argv.includes("--batch-memory")) return benchBatchMemory(process.argv);
  if (process.argv.includes("--batch")) return benchBatch(process.argv);
  if (process.argv.includes("--accuracy")) return benchAccuracy(process.argv);
  const measure = compileMeasure();
  const header = [
    "case",
    "data rows",
    "file KB",
    "read ms",
    "core ms",
    "core warm ms",
    "core rows/s",
    "core CPU ms (first / warm)",
    "core share",
    "end-to-end ms",
    "peak RSS MB",
    "findings",
  ];
  console.log(header.join(" | "));
  for (const c of cases) {
    const file = path.join(dir, c.file);
    if (!existsSync(file)) await c.make(file);
    const out = execFileSync(process.execPath, [measure, file], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const m = JSON.parse(out.trim().split("\n").pop()!);
    const total = m.readMs + m.checkMs;
    const rowsPerSec = Math.round(c.dataRows / (m.warmCheckMs / 1000));
    console.log(
      [
        c.label,
        c.dataRows,
        Math.round(statSync(file).size / 1024),
        m.readMs.toFixed(0),
        m.checkMs.toFixed(0),
        m.warmCheckMs.toFixed(0),
        rowsPerSec.toLocaleString("en-US"),
        m.warmCheckCpuMs === null ? "–" : `${m.checkCpuMs.toFixed(0)} / ${m.warmCheckCpuMs.toFixed(0)}`,
        `${((m.checkMs / total) * 100).toFixed(1)}%`,
        total.toFixed(0),
        m.maxRssMB.toFixed(0),
        m.findings,
      ].join(" | "),
    );
  }
  console.log("Targets: core ≥ 200,000 indicator rows/s; core < 25% of end-to-end; peak RSS < 1024 MB on the 100k file.");
}

main().catch((e) => {
  console.error(`基准测试失败：${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
