import { asBytes, isOle2Workbook } from "./errors";
import { ReadOptions, WorkbookRead, readWorkbookBytes } from "./read";

/** Which file format a workbook's bytes were read from. */
export type WorkbookFormat = "xlsx" | "xls";

export interface AnyWorkbookRead extends WorkbookRead {
  format: WorkbookFormat;
}

/** True for an .xls (an OLE2 compound file that is not an encrypted .xlsx). */
export function isXlsBytes(data: Uint8Array | ArrayBuffer): boolean {
  return isOle2Workbook(asBytes(data));
}

type XlsModule = typeof import("./xls");

/**
 * How the .xls reader is loaded. In the page, a chunk of its own (webpack splits at import()); the
 * command line sets a require() instead (src/cli/read-workbook.ts): under tsx's require hook a
 * native import() of an extensionless TypeScript path does not resolve.
 */
let loadXls: () => Promise<XlsModule> = () => import(/* webpackChunkName: "xls-reader" */ "./xls");

export function setXlsLoader(load: () => Promise<XlsModule>): void {
  loadXls = load;
}

/**
 * An .xlsx, .xlsm or .xls from its bytes, into the same snapshots. The .xls reader (SheetJS, about
 * 300 KB) is loaded only when an .xls comes: in the page it is a chunk of its own.
 */
export async function readAnyWorkbookBytes(
  data: Uint8Array | ArrayBuffer,
  label = "工作簿",
  options: ReadOptions = {},
): Promise<AnyWorkbookRead> {
  if (isXlsBytes(data)) {
    const { readXlsBytes } = await loadXls();
    return { ...readXlsBytes(data, label, options), format: "xls" };
  }
  return { ...(await readWorkbookBytes(data, label, options)), format: "xlsx" };
}

/** The bytes the annotated copy is patched into: an .xls's as a new .xlsx, an .xlsx's as they are. */
export async function annotatableBytes(data: Uint8Array | ArrayBuffer, label = "工作簿"): Promise<Uint8Array> {
  if (!isXlsBytes(data)) return asBytes(data);
  const { xlsToXlsxBytes } = await loadXls();
  return xlsToXlsxBytes(data, label);
}
