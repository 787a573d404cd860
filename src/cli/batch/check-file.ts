import { checkWorkbook } from "../../core/check";
import { unitNameOf } from "../../core/unit-name";
import { WorkbookReadError } from "../../xlsx/errors";
import { skippedSheets } from "../../xlsx/read";
import { readAnyWorkbookBytes } from "../read-workbook";
import { packageYearOf } from "../../core/package-year";
import type { SheetSnapshot } from "../../core/snapshot";
import type { CheckResult } from "../../core/check";
import { compareResult, LastYearFile, readLastYear } from "../last-year";
import { pairLastYear } from "./units/last-year-pairs";
import { loadFileBytes } from "../xlsx-errors";
import { BatchShared, failed, FileOutcome, FileTask, LastYearPairing } from "./outcome";

/**
 * Reads and checks one file; never throws. Shared by the worker threads and the in-process path,
 * so a batch gives the same outcome whichever ran it.
 */
export async function checkFile(task: FileTask, shared: BatchShared = {}): Promise<FileOutcome> {
  try {
    const bytes = await loadFileBytes(task.path);
    const read = await readAnyWorkbookBytes(bytes, task.file, { includeHidden: task.includeHidden });
    const unit = unitNameOf(read.snapshots);
    const checked = checkWorkbook(read.snapshots, { tolerance: task.tolerance });
    const { result, notes, lastYear } = await withLastYearOf(task, shared, unit, read.snapshots, checked);
    return {
      file: task.file,
      status: "checked",
      unit,
      result,
      skipped: skippedSheets(read),
      notes: [...read.notes, ...notes],
      ...(lastYear ? { lastYear } : {}),
      year: packageYearOf(read.snapshots),
    };
  } catch (e) {
    // Messages name the file as the reports do, not by its resolved path.
    if (e instanceof WorkbookReadError) return failed(task.file, e.kind, e.message.split(task.path).join(task.file));
    const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return failed(
      task.file,
      "unreadable",
      `检查此文件时程序出错（${reason}），其他文件不受影响；请把此文件反馈给维护者：${task.file}`,
    );
  }
}

/**
 * --compare and --compare-dir: the file's check with last year's findings added, and a note saying
 * what it was compared with. Last year's file failing to read is a note, not this file's failure.
 */
async function withLastYearOf(
  task: FileTask,
  shared: BatchShared,
  unit: string | null,
  snapshots: SheetSnapshot[],
  result: CheckResult,
): Promise<{ result: CheckResult; notes: string[]; lastYear?: LastYearPairing }> {
  let last: LastYearFile | null = task.lastYear ?? null;
  let by: LastYearPairing["by"] = "given";
  if (!last && task.pairLastYear && shared.lastYearIndex) {
    const pairing = pairLastYear(shared.lastYearIndex, unit, task.file);
    if (!pairing.last) {
      const ambiguous = pairing.ambiguous?.map((f) => f.file);
      const note = ambiguous
        ? `上年文件夹中有多个文件都可能是本单位的（${ambiguous.join("、")}），未作对比`
        : "上年文件夹中没有找到本单位的文件，未作对比";
      return { result, notes: [note], lastYear: { file: null, ...(ambiguous ? { ambiguous } : {}) } };
    }
    last = pairing.last;
    by = pairing.by;
  }
  if (!last) return { result, notes: [] };
  let lastSnapshots: SheetSnapshot[];
  try {
    lastSnapshots = await readLastYear(last);
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e;
    return { result, notes: [`${e.message}，未作对比`], lastYear: { file: last.file, by, unreadable: true } };
  }
  const compared = compareResult(result, snapshots, last, lastSnapshots, task);
  return { result: compared.result, notes: [compared.note], lastYear: { file: last.file, by } };
}
