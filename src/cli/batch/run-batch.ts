import { existsSync, statSync } from "fs";
import { mkdtemp, rm } from "fs/promises";
import os from "os";
import path from "path";
import type { CliOptions } from "../args";
import { readWorkbookBytes } from "../../xlsx/read";
import { isSameFile, outputPathProblem, writeFailure } from "../output-path";
import { failedJsonFile, toJsonFile } from "../../core/report-json";
import { formatFailedFile, formatTextReport } from "../report-text";
import { checkFile } from "./check-file";
import { BatchShared, FileOutcome, FileTask, SkippedFile } from "./outcome";
import { lastYearFolder, UnpairedFiles, unpairedFiles } from "./last-year-folder";
import { expectedUnits, expectLines, loadExpectList } from "./units/expected-units";
import { Journal, JOURNAL_SUFFIX, journalKey } from "./journal";
import { digestOf, FileDigest } from "./digest";
import type { ReportSource } from "./report-source";
import type { ListedUnit } from "./units/expect-match";
import { defaultJobs, defaultMemoryMb, PoolOptions, PoolStartError, runPool } from "./pool";
import { Progress, ProgressSink } from "./progress";
import { writeDetailCsv } from "./report-csv";
import { workerBundle } from "./worker-bundle";
import { formatBatchSummary } from "./summary-text";
import { isBatchReport } from "./tables";
import { expandPaths, WalkResult } from "./walk";
import { jsonText } from "../terminal-text";
import { loadFileBytes } from "../xlsx-errors";

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
    options.expect !== undefined ||
    options.resume === true ||
    options.compareDir !== undefined ||
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
  const walk = await expandPaths(options.files, { cwd });
  if (walk.tasks.length === 0 && walk.skipped.length === 0) {
    io.err(`文件夹中没有找到 .xlsx、.xlsm 或 .xls 工作簿：${walk.emptyFolders.join("、")}`);
    return EXIT_BAD_INPUT;
  }
  const refused = await setAsideOwnReport(options, walk, cwd);
  if (refused) {
    io.err(refused);
    return EXIT_BAD_INPUT;
  }
  if (walk.emptyFolders.length && !options.quiet)
    io.err(`文件夹中没有 .xlsx、.xlsm 或 .xls 工作簿：${walk.emptyFolders.join("、")}`);
  const listed = options.expect ? await loadExpectList(options.expect, cwd) : undefined;
  if (typeof listed === "string") {
    io.err(listed);
    return EXIT_BAD_INPUT;
  }
  let shared: BatchShared = {};
  if (options.compareDir) {
    const index = await lastYearFolder(options.compareDir, cwd, io, options.quiet);
    if (typeof index === "string") {
      io.err(index);
      return EXIT_BAD_INPUT;
    }
    shared = { lastYearIndex: index };
  }
  const tasks: FileTask[] = walk.tasks.map((t) => ({
    ...t,
    tolerance: options.tolerance,
    includeHidden: options.includeHidden,
    ...(options.compare ? { lastYear: { path: at(options.compare), file: options.compare } } : {}),
    ...(options.compareDir ? { pairLastYear: true } : {}),
    ...(options.changeThreshold !== undefined ? { changeThreshold: options.changeThreshold } : {}),
  }));
  // What is kept of each file is its digest; its findings go to the journal (--report) or a spill
  // (--csv alone) and come back one file at a time, so memory is bounded by one file. Only --json,
  // which prints every file's entry at the end, keeps the outcomes.
  const digests: (FileDigest | undefined)[] = new Array(tasks.length);
  const kept: FileOutcome[] | null = options.json ? new Array(tasks.length) : null;
  const keep = (index: number, outcome: FileOutcome) => {
    digests[index] = digestOf(outcome);
    if (kept) kept[index] = outcome;
  };
  const store = await openStore(options, tasks, at, io, keep);
  if (typeof store === "string") {
    io.err(store);
    return EXIT_BAD_INPUT;
  }
  try {
    return await checkAndReport(options, io, engine, { tasks, walk, listed, shared, digests, kept, keep, store, at });
  } finally {
    store?.journal.close();
    if (store?.spill) await rm(store.spill, { recursive: true, force: true });
  }
}

interface Store {
  journal: Journal;
  /** The temporary folder of a spill (--csv without --report), removed at the end. */
  spill?: string;
  /** The report's journal, removed once the report is written. */
  journalFile?: string;
}

/**
 * --report keeps a journal beside the report (--resume takes up the files it already holds); --csv
 * alone spills to a temporary journal; a run with neither needs no store.
 */
async function openStore(
  options: CliOptions,
  tasks: FileTask[],
  at: (p: string) => string,
  io: BatchIo,
  keep: (index: number, outcome: FileOutcome) => void,
): Promise<Store | string | null> {
  const key = journalKey(tasks);
  if (options.report) {
    const journalFile = at(options.report) + JOURNAL_SUFFIX;
    if (options.resume) {
      const done = new Set<number>();
      const journal = await Journal.resume(journalFile, key, options.report, (i, o) => {
        if (i < 0 || i >= tasks.length) return;
        done.add(i);
        keep(i, o);
      });
      if (typeof journal === "string") return journal;
      if (!options.quiet) io.err(`接着上次的检查：已完成 ${done.size} 个文件，还有 ${tasks.length - done.size} 个`);
      return { journal, journalFile };
    }
    if (existsSync(journalFile) && !options.quiet)
      io.err(
        `上次对同一报告的检查没有完成（日志 ${options.report}${JOURNAL_SUFFIX}）；本次从头检查。要接着上次检查，请加 --resume`,
      );
    return { journal: Journal.create(journalFile, key), journalFile };
  }
  if (!options.csv) return null;
  const spill = await mkdtemp(path.join(os.tmpdir(), "budget-check-"));
  return { journal: Journal.create(path.join(spill, "outcomes.journal"), key), spill };
}

interface Run {
  tasks: FileTask[];
  walk: WalkResult;
  listed: ListedUnit[] | undefined;
  shared: BatchShared;
  digests: (FileDigest | undefined)[];
  kept: FileOutcome[] | null;
  keep: (index: number, outcome: FileOutcome) => void;
  store: Store | null;
  at: (p: string) => string;
}

async function checkAndReport(
  options: CliOptions,
  io: BatchIo,
  engine: Partial<PoolOptions>,
  { tasks, walk, listed, shared, digests, kept, keep, store, at }: Run,
): Promise<number> {
  const journal = store?.journal ?? null;
  const pending = tasks.map((_, i) => i).filter((i) => !digests[i]);
  const progress = new Progress(
    pending.length,
    options.quiet ? null : (io.progress ?? { write: (t) => io.err(t.replace(/\n$/, "")) }),
  );
  // Per-file text streams out in path order as files finish, whatever order the workers finish in:
  // a file waits here only until those before it are printed.
  const streamText = !options.json && !options.report;
  const waiting = new Map<number, FileOutcome>();
  let printed = 0;
  // exceljs loads while the workers check the rest, once the first file has been handed the next
  // task (loading it at the start would hold up the workers' first files instead).
  let preloaded = !options.report;
  const onOutcome = (index: number, outcome: FileOutcome) => {
    if (!preloaded) {
      preloaded = true;
      setImmediate(loadReportWriter);
    }
    keep(index, outcome);
    journal?.add(index, outcome);
    progress.finished(outcome);
    if (!streamText) return;
    waiting.set(index, outcome);
    for (let o = waiting.get(printed); o; o = waiting.get(printed)) {
      progress.end();
      io.out(fileSection(o) + "\n");
      waiting.delete(printed++);
    }
  };

  try {
    // One file without --jobs or --timeout: a worker would only add its start-up time.
    const todo = pending.map((i) => tasks[i]);
    if (todo.length === 1 && options.jobs === undefined && options.timeout === undefined) {
      progress.start(todo[0].file);
      onOutcome(pending[0], await checkFile(todo[0], shared));
    } else if (todo.length > 0) {
      const jobs = Math.min(options.jobs ?? defaultJobs(), todo.length);
      await runPool(
        todo,
        {
          jobs,
          timeoutMs: (options.timeout ?? DEFAULT_TIMEOUT_S) * 1000,
          memoryMb: defaultMemoryMb(jobs),
          onStart: (i) => progress.start(todo[i].file),
          bundle: workerBundle(),
          shared,
          grow: options.jobs === undefined,
          ...engine,
        },
        (j, outcome) => onOutcome(pending[j], outcome),
      );
    }
  } catch (e) {
    progress.end();
    if (!(e instanceof PoolStartError)) throw e;
    io.err(e.message);
    return EXIT_INTERNAL;
  }
  progress.end();
  journal?.close();
  const done = digests as FileDigest[];
  const skipped = walk.skipped;
  const note = skippedNote(walk);
  if (note && !options.quiet) io.err(note);
  if (options.json && !options.quiet)
    for (const d of done) if (d.status === "checked") for (const n of d.notes) io.err(`${d.file}：${n}`);

  const expected = listed ? expectedUnits(listed, done, options.year) : undefined;
  const unpaired = shared.lastYearIndex ? unpairedFiles(done, shared.lastYearIndex) : undefined;
  // 明细 and the CSV read the findings back from the store, one file at a time, in report order.
  const source: ReportSource = journal ? { digests: done, outcomes: () => journal.outcomes(done.length) } : (kept ?? []);
  let writeFailed = false;
  let reportWritten = false;
  for (const [out, write] of [
    [
      options.report,
      (file: string) =>
        loadReportWriter().writeReportWorkbook(source, skipped, file, { expected, unpairedLastYear: unpaired?.lastYear }),
    ],
    [options.csv, (file: string) => writeDetailCsv(source, file)],
  ] as const) {
    if (!out) continue;
    try {
      await write(at(out));
      if (out === options.report) reportWritten = true;
      if (!options.quiet) io.err(`已写出：${out}`);
    } catch (e) {
      const failure = writeFailure(out, e);
      if (!failure) throw e;
      io.err(failure);
      writeFailed = true;
    }
  }

  // The report is whole: its journal has served (the CSV read it too).
  if (reportWritten && store?.journalFile) await rm(store.journalFile, { force: true });

  if (options.json) io.out(jsonText(batchJson(kept ?? [], skipped, unpaired), 2));
  else {
    const lines = [formatBatchSummary(done, skipped, unpaired)];
    if (expected && listed) lines.push(...expectLines(expected, done, listed.length));
    io.out(lines.join("\n"));
  }
  if (options.json && expected && listed) io.err(expectLines(expected, done, listed.length).join("\n"));

  if (done.length === 0) {
    io.err("没有可检查的工作簿：找到的文件都已跳过，原因见上");
    return EXIT_BAD_INPUT;
  }
  if (writeFailed || done.some((d) => d.status === "failed")) return EXIT_BAD_INPUT;
  return done.some((d) => d.status === "checked" && d.counts.error > 0) ? EXIT_ERRORS : EXIT_OK;
}

/**
 * The report and the CSV never replace a file this run reads (issue 18), with --force or without.
 * The one exception is a report of ours at the very path this run writes to: the walk finds it,
 * the run sets it aside (named as skipped) and, with --force, replaces it.
 */
async function setAsideOwnReport(options: CliOptions, walk: WalkResult, cwd: string): Promise<string | null> {
  if (options.report && options.csv && path.resolve(cwd, options.report) === path.resolve(cwd, options.csv))
    return "--report 与 --csv 不能写到同一个文件";
  if (options.report) {
    const target = path.resolve(cwd, options.report);
    if (walk.skipped.some((s) => s.path && isSameFile(s.path, target)))
      return `--report 指定的文件在要检查的文件夹中（本次跳过了它，但不能覆盖它），请另指定输出路径：${options.report}`;
    const found = walk.tasks.findIndex((t) => t.found && isSameFile(t.path, target));
    if (found >= 0) {
      if (!(await isOwnReport(target)))
        return `--report 指定的文件是本次要检查的文件之一，原文件不能被覆盖，请另指定输出路径：${options.report}`;
      walk.skipped.push({ file: walk.tasks[found].file, reason: "own-report", path: target });
      walk.tasks.splice(found, 1);
    }
  }
  const inputs = walk.tasks.map((t) => t.path);
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

/** A batch report this tool wrote (its three sheets under their headers), read in-process. */
async function isOwnReport(file: string): Promise<boolean> {
  try {
    const read = await readWorkbookBytes(await loadFileBytes(file), file, { includeHidden: true });
    return isBatchReport(read.snapshots);
  } catch {
    return false;
  }
}

/** One line on stderr counting what the walk passed by; the files themselves are named in the summary. */
function skippedNote(walk: WalkResult): string | null {
  const count = (reason: SkippedFile["reason"]) => walk.skipped.filter((s) => s.reason === reason).length;
  const parts: string[] = [];
  if (walk.lockFiles) parts.push(`${walk.lockFiles} 个 Excel 临时文件（~$ 开头）`);
  if (count("annotated-copy")) parts.push(`${count("annotated-copy")} 个本工具写出的标注副本`);
  if (count("own-report")) parts.push(`本次要写出的报告`);
  if (count("old-xls")) parts.push(`${count("old-xls")} 个旧版 .xls 文件（请另存为 .xlsx 后再检查）`);
  if (count("not-regular")) parts.push(`${count("not-regular")} 个不是普通文件的项（管道、设备或失效的链接）`);
  return parts.length ? `已跳过 ${parts.join("、")}` : null;
}

/** The v1 shape; `skipped` (an extension) names the files the walk passed by, when there are any. */
function batchJson(done: FileOutcome[], skipped: SkippedFile[], unpaired?: UnpairedFiles) {
  const files = done.map((o) =>
    o.status === "checked" ? toJsonFile(o.file, o.result, o.skipped) : failedJsonFile(o.file, o.error),
  );
  return {
    version: 1,
    files,
    ...(skipped.length ? { skipped: skipped.map(({ file, reason }) => ({ file, reason })) } : {}),
    // Extension (issue 21): --compare-dir's files without a partner, this year's and last year's.
    ...(unpaired ? { unpaired } : {}),
  };
}

function fileSection(o: FileOutcome): string {
  return o.status === "checked" ? formatTextReport(o.file, o.result, o.notes) : formatFailedFile(o.file, o.error.message);
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
