import { promises as fs, realpathSync, statSync } from "fs";
import path from "path";
import type { FileTask, SkippedFile } from "./outcome";

export interface WalkResult {
  /** In path order: the PATHs in the order given, each folder depth first with names sorted. */
  tasks: Pick<FileTask, "path" | "file" | "found">[];
  /** Workbooks, or what is named like one, that the folders held but were left out, in path order. */
  skipped: SkippedFile[];
  /** Excel's own `~$` lock files: counted, not named (they are never a department's work). */
  lockFiles: number;
  /** Folders given that held no workbook at all, not even one passed by. */
  emptyFolders: string[];
}

/** .xls too (issue 21): the 决算 software and many units still send the old binary workbook. */
const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;
/**
 * The tool's annotated copies are named `原名-已标注.xlsx`. A renamed one is checked like any
 * workbook: its marker part is easy to forge, and a skip by content would let a file hide.
 */
const ANNOTATED_NAME = /-已标注\.(xlsx|xlsm)$/i;

/** Code-unit order, not the locale's: the same order on every machine. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expands the PATHs given on the command line into the files to check. A file PATH is checked as
 * given (even a lock file: the user named it); anything that is not a folder, including a PATH
 * that does not exist, becomes a task whose check reports the problem. Folders are searched
 * recursively for .xlsx, .xlsm and .xls, skipping Excel's `~$` lock files, hidden files and folders,
 * the tool's annotated copies (by name), and anything that is not a regular file: reading a pipe
 * or a device would wait, or read, for ever.
 */
export async function expandPaths(paths: string[], options: { cwd: string }): Promise<WalkResult> {
  const result: WalkResult = { tasks: [], skipped: [], lockFiles: 0, emptyFolders: [] };
  const seen = new Set<string>();
  // A file the user named is listed each time it is named, as the plain command line does; a file
  // a folder walk finds is listed once, and not again if it was named or found before.
  const add = (abs: string, file: string, found: boolean) => {
    const key = realOrResolved(abs);
    if (found && seen.has(key)) return;
    seen.add(key);
    result.tasks.push({ path: abs, file, found });
  };
  const onlyOneFolder = paths.length === 1;

  for (const given of paths) {
    const abs = path.resolve(options.cwd, given);
    if (!isDirectory(abs)) {
      add(abs, given, false);
      continue;
    }
    const before = result.tasks.length + result.skipped.length;
    const visited = new Set<string>();
    const walk = async (dir: string, rel: string): Promise<void> => {
      const real = realOrResolved(dir);
      if (visited.has(real)) return; // a symlink back up the tree
      visited.add(real);
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return; // an unreadable subfolder: nothing in it can be checked, the rest can
      }
      entries.sort((a, b) => byName(a.name, b.name));
      for (const entry of entries) {
        const name = entry.name;
        if (name.startsWith(".")) continue;
        const full = path.join(dir, name);
        const relName = rel ? path.join(rel, name) : name;
        const folder = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(full));
        if (folder) {
          await walk(full, relName);
          continue;
        }
        const shown = onlyOneFolder ? relName : path.join(given, relName);
        if (!WORKBOOK.test(name)) continue;
        if (name.startsWith("~$")) {
          result.lockFiles++;
          continue;
        }
        const skip = (reason: SkippedFile["reason"]) => result.skipped.push({ file: shown, reason, path: full });
        if (!entry.isFile() && !isRegularFile(full)) skip("not-regular");
        else if (ANNOTATED_NAME.test(name)) skip("annotated-copy");
        else add(full, shown, true);
      }
    };
    await walk(abs, "");
    if (result.tasks.length + result.skipped.length === before) result.emptyFolders.push(given);
  }
  return result;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Follows a symbolic link: one to a regular file is checked, one to /dev/zero or nowhere is not. */
function isRegularFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
