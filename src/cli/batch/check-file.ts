import { checkWorkbook } from "../../core/check";
import { unitNameOf } from "../../core/unit-name";
import { readWorkbookBuffer, WorkbookReadError } from "../xlsx-read";
import { loadFileBytes } from "../xlsx-errors";
import { failed, FileOutcome, FileTask } from "./outcome";

/**
 * Reads and checks one file; never throws. Shared by the worker threads and the in-process path,
 * so a batch gives the same outcome whichever ran it.
 */
export async function checkFile(task: FileTask): Promise<FileOutcome> {
  try {
    const bytes = await loadFileBytes(task.path);
    const sheets = await readWorkbookBuffer(bytes, task.file);
    const result = checkWorkbook(sheets, { tolerance: task.tolerance });
    return { file: task.file, status: "checked", unit: unitNameOf(sheets), result };
  } catch (e) {
    if (e instanceof WorkbookReadError) return failed(task.file, e.code, e.message);
    const reason = e instanceof Error ? e.message : String(e);
    return failed(task.file, "unreadable", `检查此文件时程序出错（${reason}），其他文件不受影响；请把此文件反馈给维护者：${task.file}`);
  }
}
