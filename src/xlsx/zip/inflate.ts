import type JSZip from "jszip";
import { Inflate } from "pako";
import { MalformedPartError } from "../xml";

/**
 * How far a package may inflate. A zip's directory states each part's size, but a zip bomb states
 * whatever it likes, so the limits count the bytes actually inflated and stop as soon as one is
 * passed, before the memory is spent.
 */
export interface InflateLimits {
  /** One part: a 2,000,000-cell sheet (the reader's own limit) is about 100 MB of XML. */
  part: number;
  /** Every part one read or one annotated copy inflates. */
  total: number;
  /** Inflated bytes per compressed byte beyond which a part is a bomb (deflate's ceiling is about 1,032)… */
  ratio: number;
  /** …once it has inflated this much: small parts may compress absurdly well without costing anything. */
  ratioFrom: number;
}

const MiB = 1024 * 1024;

/**
 * Repetitive but real XML (a styles part of 300,000 identical formats, cells holding 0 without
 * addresses) compresses about 300 to 1; a bomb's runs, about 1,000 to 1.
 */
export const INFLATE_LIMITS: InflateLimits = { part: 256 * MiB, total: 1024 * MiB, ratio: 600, ratioFrom: 32 * MiB };

/** A part inflated past a limit: the package is refused, not read. */
export class InflateLimitError extends Error {
  constructor(readonly part: string) {
    super(`${part} inflates beyond the limits`);
    this.name = "InflateLimitError";
  }
}

/** What one read (or one annotated copy) has inflated so far, across its parts. */
export class InflateBudget {
  /** Bytes inflated so far, over every part: tests assert a bomb stopped early with it. */
  inflated = 0;

  constructor(readonly limits: InflateLimits = INFLATE_LIMITS) {}
}

/** Compressed input is fed in slices, so the ratio is checked while a part inflates, not after. */
const SLICE = 64 * 1024;

/** JSZip keeps an entry loaded from a zip as its compressed bytes and method (lib/compressedObject.js). */
interface CompressedEntry {
  compressedContent: Uint8Array;
  compression: { magic: string };
}

const STORE = "\x00\x00";
const DEFLATE = "\x08\x00";

function compressedEntry(file: JSZip.JSZipObject): CompressedEntry | "" {
  const data = (file as unknown as { _data: unknown })._data;
  // JSZip stores an entry whose directory says it is empty as "" (nothing to inflate).
  if (data === "") return "";
  const entry = data as Partial<CompressedEntry> | null;
  if (entry && entry.compressedContent instanceof Uint8Array && typeof entry.compression?.magic === "string")
    return entry as CompressedEntry;
  // Only parts loaded from the input are inflated here; anything else is an entry JSZip could not place.
  throw new MalformedPartError("the zip entry cannot be inflated", file.name);
}

/**
 * The bytes of one part of a loaded zip, inflated under the budget: JSZip's own `async()` would
 * trust the directory and inflate a bomb to the end. Null when the part does not exist.
 */
export function inflatePart(zip: JSZip, part: string, budget: InflateBudget): Uint8Array | null {
  const file = zip.file(part);
  if (!file || file.dir) return null;
  const entry = compressedEntry(file);
  if (entry === "") return new Uint8Array(0);
  const input = entry.compressedContent;
  if (entry.compression.magic === STORE) {
    spend(budget, part, input.length, input.length);
    return input;
  }
  if (entry.compression.magic !== DEFLATE) throw new MalformedPartError(`${part}: unknown compression`);
  return inflateRaw(input, part, budget);
}

function inflateRaw(input: Uint8Array, part: string, budget: InflateBudget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let out = 0;
  let consumed = 0;
  const inflator = new Inflate({ raw: true, chunkSize: SLICE });
  inflator.onData = (chunk: Uint8Array) => {
    out += chunk.length;
    // Throwing here leaves pako mid-stream; the inflator is dropped with the error.
    spend(budget, part, chunk.length, out, consumed);
    chunks.push(chunk);
  };
  let ended = false;
  inflator.onEnd = (status: number) => {
    ended = true;
    if (status !== 0) throw new MalformedPartError(`${part}: ${inflator.msg || "damaged deflate data"}`);
  };
  // Never pushed as the last slice: pako would then accept a stream that stops short of its end.
  // It calls onEnd by itself when the stream's final block ends.
  for (let at = 0; at < input.length && !ended; at += SLICE) {
    consumed = Math.min(input.length, at + SLICE);
    inflator.push(input.subarray(at, consumed), false);
  }
  if (!ended) throw new MalformedPartError(`${part}: truncated deflate data`);
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(out);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** Counts inflated bytes against the budget; throws as soon as one limit is passed. */
function spend(budget: InflateBudget, part: string, added: number, partSoFar: number, consumed = partSoFar): void {
  const { limits } = budget;
  budget.inflated += added;
  if (partSoFar > limits.part || budget.inflated > limits.total) throw new InflateLimitError(part);
  if (partSoFar > limits.ratioFrom && partSoFar > limits.ratio * Math.max(1, consumed)) throw new InflateLimitError(part);
}
