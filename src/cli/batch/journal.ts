import { appendFileSync, closeSync, openSync, promises as fs, writeSync } from "fs";
import type { FileOutcome, FileTask } from "./outcome";

/**
 * The journal of a batch that writes a report (issue 21): `OUT.xlsx.journal` beside the report, one
 * JSON line per finished file, appended as each finishes. A run that is killed leaves no report but
 * this journal; `--resume` reads it back and checks only the files it lacks, so the report equals an
 * uninterrupted run's. A finished run removes it.
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

export class Journal {
  private constructor(private readonly fd: number) {}

  /** Starts a journal afresh (an earlier one for the same report is replaced). */
  static create(file: string, key: string): Journal {
    const fd = openSync(file, "w");
    writeSync(fd, JSON.stringify({ journal: "budget-check", version: 1, key } satisfies Header) + "\n");
    return new Journal(fd);
  }

  /** Continues an existing journal: what --resume appends after the files it read back. */
  static append(file: string): Journal {
    return new Journal(openSync(file, "a"));
  }

  /** Synchronous, so an outcome is on disk before the next file is handed out. */
  add(index: number, outcome: FileOutcome): void {
    appendFileSync(this.fd, JSON.stringify({ index, outcome }) + "\n");
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * The outcomes a journal holds, by task index, or the sentence saying why it cannot be resumed. A
 * last line cut short by the kill is ignored: that file is checked again.
 */
export async function readJournal(file: string, key: string, shown: string): Promise<Map<number, FileOutcome> | string> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    return `找不到上次运行的日志 ${shown}${JOURNAL_SUFFIX}，无法接着检查；请去掉 --resume 重新运行`;
  }
  const lines = text.split("\n");
  let header: Header | null = null;
  try {
    header = JSON.parse(lines[0]) as Header;
  } catch {
    header = null;
  }
  if (!header || header.journal !== "budget-check" || header.version !== 1)
    return `日志文件无法识别：${shown}${JOURNAL_SUFFIX}；请去掉 --resume 重新运行`;
  if (header.key !== key)
    return `日志记录的文件或选项与本次命令不同，无法接着检查：${shown}${JOURNAL_SUFFIX}；请用与上次相同的命令加 --resume，或去掉 --resume 重新运行`;
  const done = new Map<number, FileOutcome>();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as { index: number; outcome: FileOutcome };
      done.set(entry.index, entry.outcome);
    } catch {
      // The line the kill cut short.
    }
  }
  return done;
}
