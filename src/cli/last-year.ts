import type { CheckResult } from "../core/check";
import { withLastYear } from "../core/compare";
import type { NarrativeText } from "../core/narrative";
import type { SheetSnapshot } from "../core/snapshot";
import { WorkbookReadError } from "../xlsx/errors";
import { readAnyWorkbookBytes } from "./read-workbook";
import { loadFileBytes } from "./xlsx-errors";

/** Last year's workbook of one comparison: where it is, and how messages and findings name it. */
export interface LastYearFile {
  path: string;
  file: string;
}

/**
 * Last year's sheets, hidden ones too (last year's figures may sit on a sheet its author hid). A
 * failure is a WorkbookReadError whose message names the file as the user gave it.
 */
export async function readLastYear(last: LastYearFile): Promise<SheetSnapshot[]> {
  try {
    const read = await readAnyWorkbookBytes(await loadFileBytes(last.path), last.file, { includeHidden: true });
    return read.snapshots;
  } catch (e) {
    if (e instanceof WorkbookReadError)
      throw new WorkbookReadError(e.kind, `上年文件：${e.message.split(last.path).join(last.file)}`);
    throw e;
  }
}

export interface YearOnYear {
  result: CheckResult;
  /** One sentence for the file's notes: what was compared with what, or why nothing was. */
  note: string;
}

/** Adds `--compare`'s findings to a file's check; `lastYear` has been read by readLastYear. */
export function compareResult(
  result: CheckResult,
  thisYear: readonly SheetSnapshot[],
  last: LastYearFile,
  lastYear: readonly SheetSnapshot[],
  options: { tolerance?: string; changeThreshold?: string; narrative?: NarrativeText },
): YearOnYear {
  const compared = withLastYear(result, thisYear, lastYear, {
    lastFile: last.file,
    tolerance: options.tolerance,
    changeThreshold: options.changeThreshold,
    ...(options.narrative ? { narrative: options.narrative } : {}),
  });
  const { comparedTables, ...rest } = compared;
  const note = comparedTables.length
    ? `与上年文件 ${last.file} 对比了 ${comparedTables.length} 张表（${comparedTables.join("、")}）`
    : `上年文件 ${last.file} 中没有与本年相同的标准表，未能对比`;
  return { result: rest, note };
}
