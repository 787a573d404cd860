import { digestOf, FileDigest } from "./digest";
import type { FileOutcome } from "./outcome";

/**
 * A batch's files for the report: their digests, in report order (汇总 and 规则统计 need no more),
 * and a pass over their outcomes in the same order for 明细, one file at a time: the journal read
 * back, so that a run's memory is bounded by one file, not by the run. A plain list of outcomes
 * (small batches, tests) serves as both.
 */
export type ReportSource = readonly FileOutcome[] | ReportFiles;

export interface ReportFiles {
  digests: readonly FileDigest[];
  /** Starts a fresh pass over the outcomes each time it is called. */
  outcomes: () => Iterable<FileOutcome> | AsyncIterable<FileOutcome>;
}

export function reportFiles(source: ReportSource): ReportFiles {
  if (!Array.isArray(source)) return source as ReportFiles;
  const list = source as readonly FileOutcome[];
  return { digests: list.map(digestOf), outcomes: () => list };
}

/**
 * One pass over the outcomes. The zip behind the streaming writer drains on the event loop's turns,
 * so each file gives it one (a loop of promises alone would buffer the whole 明细 in memory).
 */
export async function* outcomesOf(source: ReportSource): AsyncGenerator<FileOutcome> {
  const items = Array.isArray(source) ? (source as readonly FileOutcome[]) : (source as ReportFiles).outcomes();
  for await (const o of items) {
    yield o;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
