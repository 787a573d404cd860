import { promises as fs, realpathSync, statSync } from "fs";
import path from "path";
import type { FileTask } from "./outcome";

export interface WalkResult {
  /** In path order: the PATHs in the order given, each folder depth first with names sorted. */
  tasks: Pick<FileTask, "path" | "file" | "found">[];
  /** What the folders held but was left out, for one line on stderr. */
  skipped: { lockFiles: number; annotated: number; oldXls: number };
  /** Folders given that held no workbook at all. */
  emptyFolders: string[];
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;
/** The tool's annotated copies are named `原名-已标注.xlsx`; renamed ones are known by their marker part (check-file.ts). */
const ANNOTATED_NAME = /-已标注\.(xlsx|xlsm)$/i;

/** Code-unit order, not the locale's: the same order on every machine. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expands the PATHs given on the command line into the files to check. A file PATH is checked as
 * given (even a lock file: the user named it); anything that is not a folder, including a PATH
 * that does not exist, becomes a task whose check reports the problem. Folders are searched
 * recursively for .xlsx and .xlsm, skipping Excel's `~$` lock files, hidden files and folders,
 * the tool's annotated copies and the `exclude` paths (the report being written).
 */
export async function expandPaths(paths: string[], options: { cwd: string; exclude?: string[] }): Promise<WalkResult> {
  const result: WalkResult = { tasks: [], skipped: { lockFiles: 0, annotated: 0, oldXls: 0 }, emptyFolders: [] };
  const seen = new Set<string>();
  const exclude = new Set((options.exclude ?? []).map((p) => realOrResolved(path.resolve(options.cwd, p))));
  // A file the user named is listed each time it is named, as the plain command line does; a file
  // a folder walk finds is listed once, and not again if it was named or found before.
  const add = (abs: string, file: string, found: boolean) => {
    const key = realOrResolved(abs);
    if (found && (seen.has(key) || exclude.has(key))) return;
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
    const before = result.tasks.length;
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
        if (/\.xls$/i.test(name) && !name.startsWith("~$")) result.skipped.oldXls++;
        if (!WORKBOOK.test(name)) continue;
        if (name.startsWith("~$")) {
          result.skipped.lockFiles++;
          continue;
        }
        if (ANNOTATED_NAME.test(name)) {
          result.skipped.annotated++;
          continue;
        }
        add(full, onlyOneFolder ? relName : path.join(given, relName), true);
      }
    };
    await walk(abs, "");
    if (result.tasks.length === before) result.emptyFolders.push(given);
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

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
