import { Buffer } from "buffer";
import type { SheetSnapshot } from "../core/snapshot";
import { readWorkbookBuffer } from "../cli/xlsx-read";

/**
 * The command line's reader, given the bytes of a chosen file. The reader still sniffs with Node's
 * Buffer API, so the page supplies the `buffer` package's implementation of it.
 */
export function readWorkbookBytes(bytes: Uint8Array, fileName: string): Promise<SheetSnapshot[]> {
  return readWorkbookBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as globalThis.Buffer, fileName);
}
