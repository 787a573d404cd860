/**
 * Browser-safe workbook I/O: bytes in, bytes out, no Node APIs. The CLI and the offline web page
 * (in a Web Worker) share it.
 */
export { readWorkbookBytes, skippedSheets, MAX_CONTENT_CELLS } from "./read";
export type { ReadOptions, SkippedSheet, WorkbookRead } from "./read";
export { WorkbookReadError, MAX_FILE_BYTES } from "./errors";
export type { WorkbookReadErrorKind } from "./errors";
export { annotateWorkbookBytes, isAnnotatedCopy, noteText, AnnotateError, COPY_MARKER_NAMESPACE } from "./annotate";
export type { AnnotateResult } from "./annotate";
export { readAnyWorkbookBytes, annotatableBytes, isXlsBytes } from "./read-any";
export type { AnyWorkbookRead, WorkbookFormat } from "./read-any";
