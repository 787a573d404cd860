import { RULES } from "../core/catalogue";
import { checkWorkbook, CheckResult } from "../core/check";
import { countBySeverity } from "../core/results-table";
import { annotateWorkbook } from "./annotate";
import { CliOptions, parseArgs, USAGE, UsageError } from "./args";
import { formatCounts, formatTextReport } from "./report-text";
import { JsonFile, JsonReport, toJsonFile } from "./report-json";
import { readWorkbookBuffer, WorkbookReadError } from "./xlsx-read";
import { loadFileBytes } from "./xlsx-errors";
import { outputPathProblem, writeFailure } from "./output-path";
import { writeTemplateFile } from "../templates/xlsx-file";
import { BatchIo, isBatch, runBatch } from "./batch/run-batch";

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_BAD_INPUT = 2;
/** Not in the v1 contract's list: an unexpected failure inside the checker itself. */
export const EXIT_INTERNAL = 3;

type Io = BatchIo;

export async function run(argv: string[], io: Io): Promise<number> {
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
    for (const r of RULES) io.out(`${r.id.padEnd(22)}${r.severity.padEnd(9)}${r.title}`);
    return EXIT_OK;
  }
  if (options.template) {
    const out = options.out!;
    const refused = outputPathProblem(out, { inputs: [], overwrite: options.force, flag: "--out" });
    if (refused) {
      io.err(refused);
      return EXIT_BAD_INPUT;
    }
    try {
      const written = await writeTemplateFile(options.template, out, { blocks: options.blocks });
      io.err(`已写出模板：${written.join("、")} → ${out}`);
      return EXIT_OK;
    } catch (e) {
      const failure = writeFailure(out, e);
      if (!failure) throw e;
      io.err(failure);
      return EXIT_BAD_INPUT;
    }
  }
  if (isBatch(options)) return runBatch(options, io);
  return checkFiles(options, io);
}

async function checkFiles(options: CliOptions, io: Io): Promise<number> {
  if (options.annotate) {
    // An annotated copy may replace an earlier copy, never the workbook being checked.
    const refused = outputPathProblem(options.annotate, { inputs: options.files, overwrite: true, flag: "--annotate" });
    if (refused) {
      io.err(refused);
      return EXIT_BAD_INPUT;
    }
  }
  let badInput = false;
  let anyError = false;
  const jsonFiles: JsonFile[] = [];
  const totals = { error: 0, warning: 0, info: 0 };

  for (const file of options.files) {
    let result: CheckResult;
    let bytes: Buffer;
    try {
      bytes = await loadFileBytes(file);
      const sheets = await readWorkbookBuffer(bytes, file);
      result = checkWorkbook(sheets, { tolerance: options.tolerance });
    } catch (e) {
      if (e instanceof WorkbookReadError) {
        io.err(e.message);
        badInput = true;
        continue;
      }
      throw e;
    }
    const counts = countBySeverity(result.findings);
    totals.error += counts.error;
    totals.warning += counts.warning;
    totals.info += counts.info;
    if (counts.error > 0) anyError = true;
    if (options.json) jsonFiles.push(toJsonFile(file, result));
    else io.out(formatTextReport(file, result) + "\n");

    if (options.annotate) {
      try {
        const marked = await annotateWorkbook(bytes, result.findings, options.annotate);
        io.err(`已写出标注副本：${options.annotate}（标注 ${marked} 个单元格，原文件未改动）`);
      } catch (e) {
        const failure = writeFailure(options.annotate, e);
        if (!failure) throw e;
        io.err(failure);
        return EXIT_BAD_INPUT;
      }
    }
  }

  if (options.json) {
    const report: JsonReport = { version: 1, files: jsonFiles };
    io.out(JSON.stringify(report, null, 2));
  } else if (options.files.length > 1) {
    io.out(`总计（${options.files.length} 个文件）：${formatCounts(totals)}`);
  }
  if (badInput) return EXIT_BAD_INPUT;
  return anyError ? EXIT_ERRORS : EXIT_OK;
}

/** Entry point for bin/budget-check.js: never prints a stack trace. */
export function main(): void {
  run(process.argv.slice(2), { out: (t) => process.stdout.write(t + "\n"), err: (t) => process.stderr.write(t + "\n"), progress: process.stderr })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      const reason = e instanceof Error ? e.message : String(e);
      process.stderr.write(`内部错误：检查未能完成（${reason}）。请把此信息和文件反馈给维护者。\n`);
      process.exitCode = EXIT_INTERNAL;
    });
}
