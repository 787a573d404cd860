import { checkWorkbook } from "../../core/check";
import { unitNameOf } from "../../core/unit-name";
import { WorkbookReadError } from "../../xlsx/errors";
import { readWorkbookBytes, skippedSheets } from "../../xlsx/read";
import { loadFileBytes } from "../xlsx-errors";
import { failed, FileOutcome, FileTask } from "./outcome";

/**
 * Reads and checks one file; never throws. Shared by the worker threads and the in-process path,
 * so a batch gives the same outcome whichever ran it.
 */
export async function checkFile(task: FileTask): Promise<FileOutcome> {
  try {
    const bytes = await loadFileBytes(task.path);
    const read = await readWorkbookBytes(bytes, task.file, { includeHidden: task.includeHidden });
    const result = checkWorkbook(read.snapshots, { tolerance: task.tolerance });
    return {
      file: task.file,
      status: "checked",
      unit: unitNameOf(read.snapshots),
      result,
      skipped: skippedSheets(read),
      notes: read.notes,
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
