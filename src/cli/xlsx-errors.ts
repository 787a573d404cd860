import { promises as fs } from "fs";

export type WorkbookReadErrorCode = "missing" | "not-xlsx" | "corrupt" | "encrypted";

/** A workbook that cannot be read, with a one-line Chinese message the CLI prints as is. */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: WorkbookReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Password-protected OOXML is an OLE2 container holding a stream of this name. */
const ENCRYPTED_STREAM = Buffer.from("EncryptedPackage", "utf16le");

export async function loadFileBytes(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WorkbookReadError("missing", `找不到文件：${path}`);
    if (code === "EISDIR") throw new WorkbookReadError("not-xlsx", `这是一个文件夹，不是 Excel 工作簿：${path}`);
    throw new WorkbookReadError("missing", `无法打开文件（${code ?? "未知错误"}）：${path}`);
  }
}

/**
 * Decides from the bytes alone whether exceljs can be asked to read the file, so that an old .xls,
 * an encrypted workbook or a text file gets a precise message instead of a zip parser's complaint.
 */
export function sniffWorkbookBytes(buf: Buffer, label: string): void {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2_MAGIC)) {
    if (buf.includes(ENCRYPTED_STREAM)) {
      throw new WorkbookReadError("encrypted", `工作簿设有打开密码（已加密），请先在 Excel 中取消密码后再检查：${label}`);
    }
    throw new WorkbookReadError("not-xlsx", `这是旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再检查：${label}`);
  }
  if (buf.length < 4 || !buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new WorkbookReadError("not-xlsx", `不是 Excel 工作簿（.xlsx）文件：${label}`);
  }
  // Zip entry names are stored uncompressed, so a plain byte search finds the workbook part.
  if (!buf.includes("xl/workbook") && buf.includes("PK\x01\x02")) {
    throw new WorkbookReadError("not-xlsx", `这是压缩文件，但不是 Excel 工作簿（.xlsx）：${label}`);
  }
}

export function corruptError(label: string, _cause: unknown): WorkbookReadError {
  // The zip library's own words are English internals; the user needs what happened and what to do.
  return new WorkbookReadError("corrupt", `工作簿已损坏，无法读取，请在 Excel 中打开并另存为 .xlsx 后重试：${label}`);
}
