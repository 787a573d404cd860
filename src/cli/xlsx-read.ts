import type { SheetSnapshot } from "../core/snapshot";
import { readWorkbookBytes } from "../xlsx/read";
import { loadFileBytes } from "./xlsx-errors";

export { WorkbookReadError } from "../xlsx/errors";
export type { WorkbookReadErrorKind as WorkbookReadErrorCode } from "../xlsx/errors";

/** Reads every worksheet of a workbook file, hidden ones too (tests, fixtures and benchmarks). */
export async function readWorkbookFile(path: string): Promise<SheetSnapshot[]> {
  return readWorkbookBuffer(await loadFileBytes(path), path);
}

export async function readWorkbookBuffer(buf: Uint8Array, label = "工作簿"): Promise<SheetSnapshot[]> {
  return (await readWorkbookBytes(buf, label, { includeHidden: true })).snapshots;
}
