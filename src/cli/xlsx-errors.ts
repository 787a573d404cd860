import { promises as fs } from "fs";
import { MAX_FILE_BYTES, WorkbookReadError } from "../xlsx/errors";

/** Reads a workbook file; a file system failure becomes a WorkbookReadError in Chinese. */
export async function loadFileBytes(path: string): Promise<Uint8Array> {
  try {
    // A huge file is refused before it is read into memory.
    const { size } = await fs.stat(path);
    if (size > MAX_FILE_BYTES) {
      throw new WorkbookReadError(
        "too-large",
        `文件过大（${Math.round(size / 1048576)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），未检查：${path}`,
      );
    }
    return await fs.readFile(path);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WorkbookReadError("missing", `找不到文件：${path}`);
    if (code === "EISDIR") throw new WorkbookReadError("not-xlsx", `这是一个文件夹，不是 Excel 工作簿：${path}`);
    if (code === "EACCES" || code === "EPERM") throw new WorkbookReadError("unreadable", `没有读取权限，无法打开文件：${path}`);
    if (code === "ERR_FS_FILE_TOO_LARGE") throw new WorkbookReadError("too-large", `文件过大，无法读取：${path}`);
    throw new WorkbookReadError("unreadable", `无法读取文件（${code ?? "未知错误"}）：${path}`);
  }
}
