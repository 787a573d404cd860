/**
 * A text file as a Windows user in China saves it: UTF-8 (with or without a byte order mark),
 * UTF-16 with its mark (记事本's "Unicode"), else GB18030, the superset of GBK that 记事本 and
 * Excel write as "ANSI" on a Chinese Windows. `clean` is false when not even GB18030 reads every
 * byte: the text then holds replacement characters, and a caller that must not guess refuses it.
 */
export function decodeTextFile(bytes: Uint8Array): { text: string; clean: boolean } {
  const starts = (...prefix: number[]) => bytes.length >= prefix.length && prefix.every((x, i) => bytes[i] === x);
  if (starts(0xff, 0xfe)) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), clean: true };
  if (starts(0xfe, 0xff)) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), clean: true };
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""), clean: true };
    } catch {
      // not this encoding: try the next
    }
  }
  return { text: new TextDecoder("gb18030").decode(bytes), clean: false };
}
