import { constants, promises as fs } from "fs";
import { MAX_FILE_BYTES, WorkbookReadError } from "../xlsx/errors";

/**
 * Reads a workbook file; a file system failure becomes a WorkbookReadError in Chinese.
 *
 * Only a regular file is read (issue 18): a FIFO would block a libuv thread until a writer comes,
 * and a batch whose four pool threads all wait on FIFOs never reads another file nor ends; a link
 * to /dev/zero never reaches its end. So the file is opened non-blocking, judged by fstat on the
 * open descriptor (not by its name, which can change between a stat and the open), and read to at
 * most one byte past the limit, whatever its size claims.
 */
export async function loadFileBytes(path: string): Promise<Uint8Array> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new WorkbookReadError("not-xlsx", `这是一个文件夹，不是 Excel 工作簿：${path}`);
    if (!stat.isFile()) throw new WorkbookReadError("not-xlsx", `不是普通文件（可能是管道、设备或特殊文件），未检查：${path}`);
    if (stat.size > MAX_FILE_BYTES) throw tooLarge(stat.size, path);
    return await readAtMost(handle, MAX_FILE_BYTES + 1, path);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP")
      throw new WorkbookReadError("missing", `找不到文件：${path}`);
    if (code === "EISDIR") throw new WorkbookReadError("not-xlsx", `这是一个文件夹，不是 Excel 工作簿：${path}`);
    if (code === "EACCES" || code === "EPERM") throw new WorkbookReadError("unreadable", `没有读取权限，无法打开文件：${path}`);
    if (code === "ENXIO" || code === "EAGAIN")
      throw new WorkbookReadError("not-xlsx", `不是普通文件（可能是管道、设备或特殊文件），未检查：${path}`);
    throw new WorkbookReadError("unreadable", `无法读取文件（${code ?? "未知错误"}）：${path}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Reads until the end or `limit` bytes: a file that grows while it is read is still refused past the limit. */
async function readAtMost(handle: fs.FileHandle, limit: number, path: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(4 * 1024 * 1024, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total >= limit) throw tooLarge(total, path);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function tooLarge(size: number, path: string): WorkbookReadError {
  return new WorkbookReadError(
    "too-large",
    `文件过大（${Math.round(size / 1048576)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），未检查：${path}`,
  );
}
