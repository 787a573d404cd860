import { MalformedPartError } from "../xml";

export type PartEncoding = "utf-8" | "utf-16le" | "utf-16be";

export interface DecodedPart {
  text: string;
  encoding: PartEncoding;
}

const DECLARED = /^<\?xml\s[^?]*?\bencoding\s*=\s*["']([^"']*)["']/;

/**
 * A part's text, decoded as an XML parser decodes it: by its byte order mark, or by the first bytes
 * of a UTF-16 declaration, else as UTF-8. A package part may only be UTF-8 or UTF-16 (ECMA-376
 * Part 2, §8.1.4), so `strict` refuses any other declared encoding and bytes that are not valid in
 * theirs; the lenient read keeps what it can (the patcher only copies such text around).
 */
export function decodePart(bytes: Uint8Array, part: string, strict: boolean): DecodedPart {
  const { encoding, bom } = sniff(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: strict, ignoreBOM: true }).decode(bytes.subarray(bom));
  } catch {
    throw new MalformedPartError(`not valid ${encoding}`, part);
  }
  if (strict) {
    const declared = DECLARED.exec(text)?.[1].toLowerCase();
    if (declared !== undefined && !(declared === "utf-8" || declared === "utf8" || declared.startsWith("utf-16")))
      throw new MalformedPartError(`declares encoding ${declared}`, part);
    if (declared?.startsWith("utf-16") && encoding === "utf-8")
      throw new MalformedPartError("declares UTF-16, holds UTF-8", part);
  }
  return { text, encoding };
}

/** XML 1.0 Appendix F: a byte order mark (and its length), or "<?" written in two-byte units. */
function sniff(b: Uint8Array): { encoding: PartEncoding; bom: number } {
  const starts = (...prefix: number[]) => b.length >= prefix.length && prefix.every((x, i) => b[i] === x);
  if (starts(0xef, 0xbb, 0xbf)) return { encoding: "utf-8", bom: 3 };
  if (starts(0xff, 0xfe)) return { encoding: "utf-16le", bom: 2 };
  if (starts(0xfe, 0xff)) return { encoding: "utf-16be", bom: 2 };
  if (starts(0x3c, 0, 0x3f, 0)) return { encoding: "utf-16le", bom: 0 };
  if (starts(0, 0x3c, 0, 0x3f)) return { encoding: "utf-16be", bom: 0 };
  return { encoding: "utf-8", bom: 0 };
}
