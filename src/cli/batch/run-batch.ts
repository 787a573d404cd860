import { statSync } from "fs";
import { countBySeverity } from "../../core/results-table";
import type { CliOptions } from "../args";
import { outputPathProblem, writeFailure } from "../output-path";
import { toJsonFile } from "../report-json";
import { formatTextReport } from "../report-text";
import { checkFile } from "./check-file";
import { FileOutcome, FileTask } from "./outcome";
import { defaultJobs, defaultMemoryMb, PoolOptions, PoolStartError, runPool } from "./pool";
import { Progress, ProgressSink } from "./progress";
import { writeDetailCsv } from "./report-csv";
import { writeReportWorkbook } from "./report-xlsx";
import { formatBatchSummary } from "./summary-text";
import { expandPaths, WalkResult } from "./walk";

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_BAD_INPUT = 2;
const EXIT_INTERNAL = 3;
const DEFAULT_TIMEOUT_S = 60;

export interface BatchIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr itself, when the caller has it: a terminal gets a progress bar instead of lines. */
  progress?: ProgressSink;
}

/** A batch: several PATHs, a folder, or any of the batch options. One file alone keeps the plain path. */
export function isBatch(options: CliOptions): boolean {
  if (options.report !== undefined || options.csv !== undefined || options.jobs !== undefined || options.timeout !== undefined || options.quiet) return true;
  return options.files.length > 1 || options.files.some(isFolder);
}

/**
 * `budget-check PATH… [--report OUT.xlsx] [--csv OUT.csv] [--jobs N] [--timeout S] [--quiet]`.
 * `engine` lets tests inject a faulty worker or a small memory limit.
 */
export async function runBatch(options: CliOptions, io: BatchIo, engine: Partial<PoolOptions> = {}): Promise<number> {
  const cwd = process.cwd();
  const walk = await expandPaths(options.files, { cwd, exclude: [options.report, options.csv].filter((p): p is string => !!p) });
  if (walk.tasks.length === 0) {
    io.err(`文件夹中没有找到 .xlsx 或 .xlsm 工作簿：${walk.emptyFolders.join("、")}`);
    return EXIT_BAD_INPUT;
  }
  const refused = outputProblem(options, walk);
  if (refused) {
    io.err(refused);
    return EXIT_BAD_INPUT;
  }
  const skipped = skippedNote(walk);
  if (skipped && !options.quiet) io.err(skipped);

  const tasks: FileTask[] = walk.tasks.map((t) => ({ ...t, tolerance: options.tolerance }));
  const outcomes: (FileOutcome | undefined)[] = new Array(tasks.length);
  const progress = new Progress(tasks.length, options.quiet ? null : io.progress ?? { write: (t) => io.err(t.replace(/\n$/, "")) });
  // Per-file text streams out in path order as files finish, whatever order the workers finish in.
  const streamText = !options.json && !options.report;
  let printed = 0;
  const onOutcome = (index: number, outcome: FileOutcome) => {
    outcomes[index] = outcome;
    progress.finished(outcome);
    while (printed < tasks.length && outcomes[printed]) {
      if (streamText) {
        progress.end();
        io.out(fileSection(outcomes[printed]!) + "\n");
      }
      printed++;
    }
  };

  try {
    if (tasks.length === 1 && options.jobs === undefined) {
      progress.start(tasks[0].file);
      onOutcome(0, await checkFile(tasks[0]));
    } else {
      const jobs = Math.min(options.jobs ?? defaultJobs(), tasks.length);
      await runPool(
        tasks,
        {
          jobs,
          timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT_S) * 1000,
          memoryMb: defaultMemoryMb(jobs),
          onStart: (i) => progress.start(tasks[i].file),
          ...engine,
        },
        onOutcome,
      );
    }
  } catch (e) {
    progress.end();
    if (!(e instanceof PoolStartError)) throw e;
    io.err(e.message);
    return EXIT_INTERNAL;
  }
  progress.end();
  const done = outcomes as FileOutcome[];

  let writeFailed = false;
  for (const [out, write] of [
    [options.report, writeReportWorkbook],
    [options.csv, writeDetailCsv],
  ] as const) {
    if (!out) continue;
    try {
      await write(done, out);
      if (!options.quiet) io.err(`已写出：${out}`);
    } catch (e) {
      const failure = writeFailure(out, e);
      if (!failure) throw e;
      io.err(failure);
      writeFailed = true;
    }
  }

  if (options.json) io.out(JSON.stringify({ version: 1, files: done.map(jsonEntry) }, null, 2));
  else io.out(formatBatchSummary(done));

  if (writeFailed || done.some((o) => o.status === "failed")) return EXIT_BAD_INPUT;
  return done.some((o) => o.status === "checked" && countBySeverity(o.result.findings).error > 0) ? EXIT_ERRORS : EXIT_OK;
}

function outputProblem(options: CliOptions, walk: WalkResult): string | null {
  const inputs = walk.tasks.map((t) => t.path);
  if (options.report && options.csv && options.report === options.csv) return "--report 与 --csv 不能写到同一个文件";
  for (const [out, flag, extension] of [
    [options.report, "--report", ".xlsx"],
    [options.csv, "--csv", ".csv"],
  ] as const) {
    if (!out) continue;
    const refused = outputPathProblem(out, { inputs, overwrite: options.force, flag, extension });
    if (refused) return refused;
  }
  return null;
}

function skippedNote(walk: WalkResult): string | null {
  const parts: string[] = [];
  const { lockFiles, annotated, oldXls } = walk.skipped;
  if (lockFiles) parts.push(`${lockFiles} 个 Excel 临时文件（~$ 开头）`);
  if (annotated) parts.push(`${annotated} 个本工具写出的标注副本`);
  if (oldXls) parts.push(`${oldXls} 个旧版 .xls 文件（请另存为 .xlsx 后再检查）`);
  return parts.length ? `已跳过 ${parts.join("、")}` : null;
}

function fileSection(o: FileOutcome): string {
  if (o.status === "checked") return formatTextReport(o.file, o.result);
  return `文件：${o.file}\n  无法读取：${o.error.message}`;
}

function jsonEntry(o: FileOutcome) {
  if (o.status === "checked") return toJsonFile(o.file, o.result);
  return { file: o.file, error: { kind: o.error.kind, message: o.error.message }, sheets: [], findings: [] };
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
