import type { WorkbookReadErrorKind } from "../core/report-json";

export type { WorkbookReadErrorKind } from "../core/report-json";

/** A workbook that cannot be read, with a one-line Chinese message that hosts show as is. */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: WorkbookReadErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "WorkbookReadError";
  }

  get kind(): WorkbookReadErrorKind {
    return this.code;
  }
}

/** Files beyond this are refused before unzipping: a budget workbook is a few MB. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Byte search; the needles are short and the check runs once per file. */
function includes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** Password-protected OOXML is an OLE2 container holding a stream of this name (UTF-16LE). */
const ENCRYPTED_STREAM = Uint8Array.from([..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]));
const WORKBOOK_ENTRY = ascii("xl/workbook");
const CENTRAL_DIRECTORY = ascii("PK\x01\x02");

/** An OLE2 compound file that is not an encrypted .xlsx: an old .xls (or another old Office file). */
export function isOle2Workbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE2_MAGIC) && !includes(bytes, ENCRYPTED_STREAM);
}

export function asBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Decides from the bytes alone whether the file can be unzipped as a workbook, so that an old .xls,
 * an encrypted workbook or a text file gets a precise message instead of a zip parser's complaint.
 */
export function sniffWorkbookBytes(bytes: Uint8Array, label: string): void {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new WorkbookReadError(
      "too-large",
      `文件过大（${Math.round(bytes.length / 1048576)} MB，上限 ${MAX_FILE_BYTES / 1048576} MB），未检查：${label}`,
    );
  }
  if (startsWith(bytes, OLE2_MAGIC)) {
    if (includes(bytes, ENCRYPTED_STREAM)) {
      throw new WorkbookReadError("encrypted", `工作簿设有打开密码（已加密），请先在 Excel 中取消密码后再检查：${label}`);
    }
    throw new WorkbookReadError("not-xlsx", `这是旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再检查：${label}`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookReadError("not-xlsx", `不是 Excel 工作簿（.xlsx）文件：${label}`);
  }
  // Zip entry names are stored uncompressed, so a plain byte search finds the workbook part.
  if (!includes(bytes, WORKBOOK_ENTRY) && includes(bytes, CENTRAL_DIRECTORY)) {
    throw new WorkbookReadError("not-xlsx", `这是压缩文件，但不是 Excel 工作簿（.xlsx）：${label}`);
  }
}

/** A part inflated past the reader's limits (zip/inflate.ts): a zip bomb, or nothing a budget office writes. */
export function inflatedTooLargeError(label: string): WorkbookReadError {
  return new WorkbookReadError("too-large", `解压后过大，可能不是正常的工作簿，未检查：${label}`);
}

export function corruptError(label: string): WorkbookReadError {
  // The zip library's own words are English internals; the user needs what happened and what to do.
  return new WorkbookReadError("corrupt", `工作簿已损坏，无法读取，请在 Excel 中打开并另存为 .xlsx 后重试：${label}`);
}
