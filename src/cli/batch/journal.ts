import { closeSync, createReadStream, openSync, readSync, statSync, truncateSync, writeSync } from "fs";
import { createInterface } from "readline";
import type { FileOutcome, FileTask } from "./outcome";

/**
 * The journal of a batch that writes a report (issue 21): `OUT.xlsx.journal` beside the report, one
 * JSON line per finished file, appended as each finishes. A run that is killed leaves no report but
 * this journal; `--resume` reads it back and checks only the files it lacks, so the report equals an
 * uninterrupted run's. A finished run removes it.
 *
 * It is also where the run keeps its findings: the journal remembers where each file's line is, and
 * the report's 明细 reads the lines back in report order, one file at a time, so the run's memory
 * never holds more than one file's findings (a --csv run without --report keeps one in a temporary
 * folder for the same reason).
 */
export const JOURNAL_SUFFIX = ".journal";

/** What must be the same for a journal to be resumed: the files, in order, and the check's options. */
export function journalKey(tasks: readonly FileTask[]): string {
  return JSON.stringify(
    tasks.map((t) => [
      t.path,
      t.file,
      t.tolerance ?? null,
      !!t.includeHidden,
      t.lastYear?.path ?? null,
      !!t.pairLastYear,
      t.changeThreshold ?? null,
    ]),
  );
}

interface Header {
  journal: "budget-check";
  version: 1;
  key: string;
}

interface Entry {
  index: number;
  outcome: FileOutcome;
}

export class Journal {
  /** Where each file's line is in the journal, by task index: [offset, length in bytes]. */
  private readonly lines = new Map<number, [number, number]>();
  private fd: number | null;

  private constructor(
    private readonly file: string,
    fd: number,
    private size: number,
  ) {
    this.fd = fd;
  }

  /** Starts a journal afresh (an earlier one for the same report is replaced). */
  static create(file: string, key: string): Journal {
    const fd = openSync(file, "w");
    const header = Buffer.from(JSON.stringify({ journal: "budget-check", version: 1, key } satisfies Header) + "\n");
    writeSync(fd, header);
    return new Journal(file, fd, header.length);
  }

  /**
   * Continues an existing journal (--resume): hands each file it holds to `onEntry`, drops the last
   * line if the kill cut it short (that file is checked again), and appends after the rest. Returns
   * the sentence saying why it cannot be resumed, if it cannot.
   */
  static async resume(
    file: string,
    key: string,
    shown: string,
    onEntry: (index: number, outcome: FileOutcome) => void,
  ): Promise<Journal | string> {
    let total: number;
    try {
      total = statSync(file).size;
    } catch {
      return `找不到上次运行的日志 ${shown}${JOURNAL_SUFFIX}，无法接着检查；请去掉 --resume 重新运行`;
    }
    const found = new Map<number, [number, number]>();
    let offset = 0;
    let end = 0;
    let header: Header | null | undefined;
    const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    for await (const line of reader) {
      const length = Buffer.byteLength(line) + 1;
      const at = offset;
      offset += length;
      // A line without its newline is the one the kill cut short.
      if (offset > total) break;
      if (header === undefined) {
        header = parse<Header>(line);
        if (!header || header.journal !== "budget-check" || header.version !== 1 || header.key !== key) break;
        end = offset;
        continue;
      }
      const entry = parse<Entry>(line);
      if (!entry) break;
      found.set(entry.index, [at, length]);
      end = offset;
      onEntry(entry.index, entry.outcome);
    }
    reader.close();
    if (!header || header.journal !== "budget-check" || header.version !== 1)
      return `日志文件无法识别：${shown}${JOURNAL_SUFFIX}；请去掉 --resume 重新运行`;
    if (header.key !== key)
      return `日志记录的文件或选项与本次命令不同，无法接着检查：${shown}${JOURNAL_SUFFIX}；请用与上次相同的命令加 --resume，或去掉 --resume 重新运行`;
    truncateSync(file, end);
    const journal = new Journal(file, openSync(file, "a"), end);
    for (const [index, where] of found) journal.lines.set(index, where);
    return journal;
  }

  /** How many files it holds. */
  get count(): number {
    return this.lines.size;
  }

  has(index: number): boolean {
    return this.lines.has(index);
  }

  /** Synchronous, so an outcome is on disk before the next file is handed out. */
  add(index: number, outcome: FileOutcome): void {
    if (this.fd === null) throw new Error("journal closed");
    const line = Buffer.from(JSON.stringify({ index, outcome } satisfies Entry) + "\n");
    writeSync(this.fd, line);
    this.lines.set(index, [this.size, line.length]);
    this.size += line.length;
  }

  /** Stops writing; the lines stay readable through outcomes(). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** A fresh pass over the outcomes of `count` files in task order, each read from disk as it is reached. */
  *outcomes(count: number): Generator<FileOutcome> {
    const fd = openSync(this.file, "r");
    try {
      for (let i = 0; i < count; i++) {
        const where = this.lines.get(i);
        if (!where) throw new Error(`journal lacks file ${i}`);
        const bytes = Buffer.alloc(where[1]);
        readSync(fd, bytes, 0, where[1], where[0]);
        yield (JSON.parse(bytes.toString("utf8")) as Entry).outcome;
      }
    } finally {
      closeSync(fd);
    }
  }
}

function parse<T>(line: string): T | null {
  try {
    return JSON.parse(line) as T;
  } catch {
    return null;
  }
}
