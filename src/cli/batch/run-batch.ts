import { statSync } from "fs";
import path from "path";
import { countBySeverity } from "../../core/results-table";
import type { CliOptions } from "../args";
import { outputPathProblem, writeFailure } from "../output-path";
import { failedJsonFile, toJsonFile } from "../../core/report-json";
import { formatFailedFile, formatTextReport } from "../report-text";
import { checkFile } from "./check-file";
import { FileOutcome, FileTask, ReportedOutcome } from "./outcome";
import { defaultJobs, defaultMemoryMb, PoolOptions, PoolStartError, runPool } from "./pool";
import { Progress, ProgressSink } from "./progress";
import { writeDetailCsv } from "./report-csv";
import { workerBundle } from "./worker-bundle";
import { formatBatchSummary } from "./summary-text";
import { expandPaths, WalkResult } from "./walk";

// The exit codes of main.ts (imported from there, they would make a cycle).
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
  /** The folder relative PATHs are resolved against (the user's, see main.ts). */
  cwd?: string;
}

/**
 * A batch: a folder among the PATHs, or any of the batch options. A plain list of files keeps the
 * command line's own path (main.ts), so it behaves exactly as before.
 */
export function isBatch(options: CliOptions, resolve: (p: string) => string): boolean {
  if (
    options.report !== undefined ||
    options.csv !== undefined ||
    options.jobs !== undefined ||
    options.timeout !== undefined ||
    options.quiet
  )
    return true;
  return options.files.some((f) => isFolder(resolve(f)));
}

/**
 * `budget-check PATH… [--report OUT.xlsx] [--csv OUT.csv] [--jobs N] [--timeout S] [--quiet]`.
 * `engine` lets tests inject a faulty worker or a small memory limit.
 */
export async function runBatch(options: CliOptions, io: BatchIo, engine: Partial<PoolOptions> = {}): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const at = (p: string) => path.resolve(cwd, p);
  const walk = await expandPaths(options.files, { cwd, exclude: [options.report, options.csv].filter((p): p is string => !!p) });
  if (walk.tasks.length === 0) {
    io.err(`文件夹中没有找到 .xlsx 或 .xlsm 工作簿：${walk.emptyFolders.join("、")}`);
    return EXIT_BAD_INPUT;
  }
  const refused = outputProblem(options, walk, cwd);
  if (refused) {
    io.err(refused);
    return EXIT_BAD_INPUT;
  }
  if (walk.emptyFolders.length && !options.quiet) io.err(`文件夹中没有 .xlsx 或 .xlsm 工作簿：${walk.emptyFolders.join("、")}`);
  const tasks: FileTask[] = walk.tasks.map((t) => ({ ...t, tolerance: options.tolerance, includeHidden: options.includeHidden }));
  const outcomes: (FileOutcome | undefined)[] = new Array(tasks.length);
  const progress = new Progress(
    tasks.length,
    options.quiet ? null : (io.progress ?? { write: (t) => io.err(t.replace(/\n$/, "")) }),
  );
  // Per-file text streams out in path order as files finish, whatever order the workers finish in.
  const streamText = !options.json && !options.report;
  let printed = 0;
  // exceljs loads while the workers check the rest, once the first file has been handed the next
  // task (loading it at the start would hold up the workers' first files instead).
  let preloaded = !options.report;
  const onOutcome = (index: number, outcome: FileOutcome) => {
    if (!preloaded) {
      preloaded = true;
      setImmediate(loadReportWriter);
    }
    outcomes[index] = outcome;
    progress.finished(outcome);
    while (printed < tasks.length && outcomes[printed]) {
      const section = fileSection(outcomes[printed]!);
      if (streamText && section) {
        progress.end();
        io.out(section + "\n");
      }
      printed++;
    }
  };

  try {
    // One file without --jobs or --timeout: a worker would only add its start-up time.
    if (tasks.length === 1 && options.jobs === undefined && options.timeout === undefined) {
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
          bundle: workerBundle(),
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
  const all = outcomes as FileOutcome[];
  const done = all.filter((o): o is ReportedOutcome => o.status !== "skipped");
  const skipped = skippedNote(walk, all);
  if (skipped && !options.quiet) io.err(skipped);
  if (done.length === 0) {
    io.err(`没有要检查的工作簿：找到的文件都是本工具写出的标注副本或报告`);
    return EXIT_BAD_INPUT;
  }
  if (options.json && !options.quiet)
    for (const o of done) if (o.status === "checked") for (const note of o.notes) io.err(`${o.file}：${note}`);

  let writeFailed = false;
  for (const [out, write] of [
    [options.report, (o: readonly ReportedOutcome[], file: string) => loadReportWriter().writeReportWorkbook(o, file)],
    [options.csv, writeDetailCsv],
  ] as const) {
    if (!out) continue;
    try {
      await write(done, at(out));
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

function outputProblem(options: CliOptions, walk: WalkResult, cwd: string): string | null {
  const inputs = walk.tasks.map((t) => t.path);
  if (options.report && options.csv && path.resolve(cwd, options.report) === path.resolve(cwd, options.csv))
    return "--report 与 --csv 不能写到同一个文件";
  for (const [out, flag, extension] of [
    [options.report, "--report", ".xlsx"],
    [options.csv, "--csv", ".csv"],
  ] as const) {
    if (!out) continue;
    const refused = outputPathProblem(path.resolve(cwd, out), {
      inputs,
      overwrite: options.force,
      flag,
      extensions: [extension],
    });
    if (refused) return refused.split(path.resolve(cwd, out)).join(out);
  }
  return null;
}

function skippedNote(walk: WalkResult, outcomes: FileOutcome[]): string | null {
  const parts: string[] = [];
  const { lockFiles, oldXls } = walk.skipped;
  const annotated =
    walk.skipped.annotated + outcomes.filter((o) => o.status === "skipped" && o.reason === "annotated-copy").length;
  const reports = outcomes.filter((o) => o.status === "skipped" && o.reason === "report").length;
  if (lockFiles) parts.push(`${lockFiles} 个 Excel 临时文件（~$ 开头）`);
  if (annotated) parts.push(`${annotated} 个本工具写出的标注副本`);
  if (reports) parts.push(`${reports} 个本工具写出的批量检查报告`);
  if (oldXls) parts.push(`${oldXls} 个旧版 .xls 文件（请另存为 .xlsx 后再检查）`);
  return parts.length ? `已跳过 ${parts.join("、")}` : null;
}

function fileSection(o: FileOutcome): string | null {
  if (o.status === "checked") return formatTextReport(o.file, o.result, o.notes);
  if (o.status === "failed") return formatFailedFile(o.file, o.error.message);
  return null;
}

function jsonEntry(o: ReportedOutcome) {
  return o.status === "checked" ? toJsonFile(o.file, o.result, o.skipped) : failedJsonFile(o.file, o.error);
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** exceljs costs a third of a second to load; only --report needs it (see main.ts). */
function loadReportWriter(): typeof import("./report-xlsx") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./report-xlsx");
}
