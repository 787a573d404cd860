import { setXlsLoader } from "../xlsx/read-any";

/**
 * The command line's and the batch workers' way to the .xls reader: require(), which tsx's hook and
 * the worker bundle both serve, loaded on the first .xls only (SheetJS costs time to load).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
setXlsLoader(async () => require("../xlsx/xls") as typeof import("../xlsx/xls"));

export { annotatableBytes, readAnyWorkbookBytes } from "../xlsx/read-any";
export type { AnyWorkbookRead } from "../xlsx/read-any";
