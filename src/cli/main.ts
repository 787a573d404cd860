import { existsSync } from "fs";
import path from "path";
import { checkWorkbook } from "../core/check";
import { countCoverage } from "../core/coverage";
import { countBySeverity } from "../core/results-table";
import { annotateWorkbookBytes, AnnotateError, isAnnotatedCopy } from "../xlsx/annotate";
import { WorkbookReadError } from "../xlsx/errors";
import { skippedSheets } from "../xlsx/read";
import { annotatableBytes, AnyWorkbookRead, readAnyWorkbookBytes } from "./read-workbook";
import { compareResult, LastYearFile, readLastYear } from "./last-year";
import type { SheetSnapshot } from "../core/snapshot";
import { CliOptions, parseArgs, USAGE, UsageError } from "./args";
import { formatFailedFile, formatTextReport, formatTotalLine } from "./report-text";
import { JsonReport, failedJsonFile, toJsonFile } from "../core/report-json";
import { rulesJson, rulesTable } from "./report-rules";
import { loadFileBytes } from "./xlsx-errors";
import { readNarrativeFile } from "./narrative-file";
import { outputPathProblem, writeFailure, writeFileAtomic } from "./output-path";
import { BatchIo, isBatch, runBatch } from "./batch/run-batch";
import { writeWorkbookCopy } from "./copy-file";
import { fixTargetProblem, writeFixedCopy } from "./fix-file";
import { jsonText, terminalText } from "./terminal-text";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_BAD_INPUT = 2;
/** Not in the v1 contract's list: an unexpected failure inside the checker itself. */
export const EXIT_INTERNAL = 3;

interface Io extends BatchIo {
  /** The folder relative paths are resolved against; default INIT_CWD (set by npm) or the process's own. */
  cwd?: string;
}

/** Where the user ran the command: npm runs scripts from the package root but keeps the caller's folder in INIT_CWD. */
export function userFolder(): string {
  return process.env.INIT_CWD || process.cwd();
}

export async function run(argv: string[], terminal: Io): Promise<number> {
  // Everything printed passes through terminalText; JSON is escaped first (jsonText), so it is unchanged.
  const io: Io = { ...terminal, out: (t) => terminal.out(terminalText(t)), err: (t) => terminal.err(terminalText(t)) };
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`用法错误：${e.message}（运行 budget-check --help 查看用法）`);
      return EXIT_BAD_INPUT;
    }
    throw e;
  }
  if (options.help) {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (options.rules) {
    io.out(options.json ? jsonText(rulesJson()) : rulesTable());
    return EXIT_OK;
  }
  const cwd = io.cwd ?? userFolder();
  const at = (p: string) => path.resolve(cwd, p);
  if (options.template) {
    const out = options.out!;
    const refused = outputPathProblem(at(out), { inputs: [], overwrite: options.force, flag: "--out" });
    if (refused) {
      io.err(refused.replace(at(out), out));
      return EXIT_BAD_INPUT;
    }
    try {
      const written = await loadTemplateWriter().writeTemplateFile(
        options.template,
        at(out),
        { blocks: options.blocks },
        writeFileAtomic,
      );
      io.err(`已写出模板：${written.join("、")} → ${out}`);
      return EXIT_OK;
    } catch (e) {
      const failure = writeFailure(out, e);
      if (!failure) throw e;
      io.err(failure);
      return EXIT_BAD_INPUT;
    }
  }
  if (isBatch(options, at)) {
    if (options.narrative !== undefined) {
      io.err("用法错误：--narrative 只与一个工作簿一起使用，不能用于批量检查（运行 budget-check --help 查看用法）");
      return EXIT_BAD_INPUT;
    }
    return runBatch(options, { ...io, cwd });
  }
  return checkFiles(options, io, at);
}

async function checkFiles(options: CliOptions, io: Io, at: (p: string) => string): Promise<number> {
  if (options.annotate) {
    const refused = await annotateTargetProblem(options, at);
    if (refused) {
      io.err(refused);
      return EXIT_BAD_INPUT;
    }
  }
  if (options.fix) {
    const refused = fixTargetProblem(
      at(options.fix),
      options.fix,
      options.files.map(at),
      options.force,
      options.annotate && at(options.annotate),
    );
    if (refused) {
      io.err(refused);
      return EXIT_BAD_INPUT;
    }
  }
  let narrative: Awaited<ReturnType<typeof readNarrativeFile>> | undefined;
  if (options.narrative !== undefined) {
    try {
      narrative = await readNarrativeFile(at(options.narrative), options.narrative);
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      io.err(e.message.split(at(options.narrative)).join(options.narrative));
      return EXIT_BAD_INPUT;
    }
  }
  let failed = 0;
  let unwritten = false;
  let anyError = false;
  const jsonFiles: JsonReport["files"] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  const coverage = { unrecognised: 0, partly: 0 };

  // --compare: last year's workbook is read once, before this year's; unreadable, nothing is checked.
  let lastYear: { file: LastYearFile; snapshots: SheetSnapshot[] } | null = null;
  if (options.compare) {
    const file = { path: at(options.compare), file: options.compare };
    try {
      lastYear = { file, snapshots: await readLastYear(file) };
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      io.err(e.message);
      return EXIT_BAD_INPUT;
    }
  }

  for (const file of options.files) {
    let bytes: Uint8Array;
    let read: AnyWorkbookRead;
    try {
      bytes = await loadFileBytes(at(file));
      read = await readAnyWorkbookBytes(bytes, file, { includeHidden: options.includeHidden });
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      // Messages name the file as the user typed it, not its resolved path.
      const message = e.message.split(at(file)).join(file);
      io.err(message);
      failed++;
      if (options.json) jsonFiles.push(failedJsonFile(file, { kind: e.kind, message }));
      else if (options.files.length > 1) io.out(formatFailedFile(file, message) + "\n");
      continue;
    }
    let result = checkWorkbook(read.snapshots, { tolerance: options.tolerance, narrative });
    const read1 = countCoverage([result]);
    coverage.unrecognised += read1.unrecognised;
    coverage.partly += read1.partly;
    const notes = [...read.notes];
    if (lastYear) {
      const compared = compareResult(result, read.snapshots, lastYear.file, lastYear.snapshots, { ...options, narrative });
      result = compared.result;
      notes.push(compared.note);
    }
    const counts = countBySeverity(result.findings);
    totals.error += counts.error;
    totals.warning += counts.warning;
    totals.info += counts.info;
    if (counts.error > 0) anyError = true;
    if (options.json) jsonFiles.push(toJsonFile(file, result, skippedSheets(read)));
    else io.out(formatTextReport(file, result, notes) + "\n");
    if (options.json) for (const note of notes) io.err(note);

    // The report is printed even when the copy cannot be written; the exit code says it failed.
    if (
      options.annotate &&
      (await writeAnnotated(bytes, read.format, result.findings, options.annotate, at(options.annotate), io)) !== EXIT_OK
    )
      unwritten = true;
    if (
      options.fix &&
      // As the annotated copy: an .xls is fixed in a new .xlsx holding its cells.
      !(await writeFixedCopy(
        read.format === "xls" ? await annotatableBytes(bytes, file) : bytes,
        options,
        options.fix,
        at(options.fix),
        { list: options.json ? io.err : io.out, err: io.err },
      ))
    )
      unwritten = true;
  }

  const checked = options.files.length - failed;
  if (options.json) {
    const report: JsonReport = { version: 1, files: jsonFiles };
    io.out(jsonText(report, 2));
  } else if (options.files.length > 1) {
    io.out(formatTotalLine(checked, failed, totals, coverage));
  }
  if (failed || unwritten) return EXIT_BAD_INPUT;
  return anyError ? EXIT_ERRORS : EXIT_OK;
}

/** The annotate target is refused before any checking: an input, a folder, or a file we did not write. */
async function annotateTargetProblem(options: CliOptions, at: (p: string) => string): Promise<string | null> {
  const out = at(options.annotate!);
  let earlierCopy = false;
  if (existsSync(out)) {
    try {
      // Read as an input is: a regular file only, never past the size limit.
      earlierCopy = await isAnnotatedCopy(await loadFileBytes(out));
    } catch {
      earlierCopy = false;
    }
  }
  const problem = outputPathProblem(out, {
    inputs: options.files.map(at),
    overwrite: options.force || earlierCopy,
    flag: "--annotate",
    extensions: [".xlsx", ".xlsm"],
  });
  if (problem && !earlierCopy && !options.force && /已存在/.test(problem)) {
    return `文件已存在且不是本工具写出的标注副本，为免覆盖未写出：${options.annotate}。请换一个文件名，或加 --force 允许覆盖`;
  }
  return problem ? problem.split(out).join(options.annotate!) : null;
}

async function writeAnnotated(
  bytes: Uint8Array,
  format: AnyWorkbookRead["format"],
  findings: Parameters<typeof annotateWorkbookBytes>[1],
  shown: string,
  out: string,
  io: Io,
): Promise<number> {
  let copy: Awaited<ReturnType<typeof annotateWorkbookBytes>>;
  try {
    // An .xls cannot be patched in place: its copy is a new .xlsx holding its cells (annotatableBytes).
    copy = await annotateWorkbookBytes(await annotatableBytes(bytes, shown), findings);
  } catch (e) {
    if (!(e instanceof WorkbookReadError || e instanceof AnnotateError)) throw e;
    io.err(`${e.message}（未写出 ${shown}）`);
    return EXIT_BAD_INPUT;
  }
  if (!(await writeWorkbookCopy(copy, "标注副本", shown, out, io.err))) return EXIT_BAD_INPUT;
  io.err(
    `已写出标注副本：${shown}（标注 ${copy.marked} 个单元格，新增批注 ${copy.notes} 条，结果见「${copy.resultSheet}」表；原文件未改动）`,
  );
  if (format === "xls")
    io.err(`原文件是旧版 .xls，标注副本另存为 .xlsx：保留了数字、公式、数字格式与合并单元格，字体、填充与边框未保留`);
  return EXIT_OK;
}

/** Entry point for bin/budget-check.js: never prints a stack trace, and a closed stdout (`| head`) ends quietly. */
export function main(): void {
  let stdoutOpen = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    // The reader went away (`| head -1`): stop printing, finish any file being written.
    if (e.code === "EPIPE") stdoutOpen = false;
  });
  const out = (t: string) => {
    if (!stdoutOpen) return;
    try {
      // Writes to a pipe are synchronous on Linux, so a closed reader can also throw right here.
      process.stdout.write(t + "\n");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EPIPE") throw e;
      stdoutOpen = false;
    }
  };
  process.on("uncaughtException", (e) => {
    if ((e as NodeJS.ErrnoException).code === "EPIPE") return;
    process.stderr.write(
      terminalText(`内部错误：检查未能完成（${String(e.message).split("\n")[0]}）。请把此信息和文件反馈给维护者。`) + "\n",
    );
    process.exit(EXIT_INTERNAL);
  });
  run(process.argv.slice(2), { out, err: (t) => process.stderr.write(t + "\n"), progress: process.stderr })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      const reason = e instanceof Error ? e.message : String(e);
      process.stderr.write(
        terminalText(`内部错误：检查未能完成（${reason.split("\n")[0]}）。请把此信息和文件反馈给维护者。`) + "\n",
      );
      process.exitCode = EXIT_INTERNAL;
    });
}

/**
 * exceljs takes about a third of a second to load and only --template writes with it, so it is
 * loaded on first use. (tsx's require hook serves require(), not import(), for TypeScript files.)
 */
function loadTemplateWriter(): typeof import("./template-file") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./template-file");
}
