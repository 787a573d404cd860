import path from "path";
import { statSync } from "fs";
import { unitNameOf } from "../../core/unit-name";
import { readAnyWorkbookBytes } from "../read-workbook";
import { loadFileBytes } from "../xlsx-errors";
import type { FileDigest } from "./digest";
import { LastYearFacts, LastYearIndex, lastYearIndex } from "./units/last-year-pairs";
import { expandPaths } from "./walk";

/** --compare-dir's files without a partner: this year's (with why) and last year's nobody took. */
export interface UnpairedFiles {
  thisYear: { file: string; reason: string }[];
  lastYear: string[];
}

/**
 * Reads --compare-dir once, for the unit each of last year's files names; only the names are kept,
 * so memory stays that of one workbook. A file that cannot be read is still paired by its name
 * (its read failure is then told by the file it is paired with). Returns a message when DIR is no folder.
 */
export async function lastYearFolder(
  dir: string,
  cwd: string,
  io: { err: (t: string) => void },
  quiet: boolean,
): Promise<LastYearIndex | string> {
  const abs = path.resolve(cwd, dir);
  let folder = false;
  try {
    folder = statSync(abs).isDirectory();
  } catch {
    folder = false;
  }
  if (!folder) return `--compare-dir 需要上年文件所在的文件夹：${dir}`;
  const walk = await expandPaths([abs], { cwd });
  if (!quiet) io.err(`正在读取上年文件夹中的 ${walk.tasks.length} 个文件的单位名称…`);
  const facts: LastYearFacts[] = [];
  for (const t of walk.tasks) {
    const shown = path.join(dir, t.file);
    let unit: string | null = null;
    try {
      unit = unitNameOf((await readAnyWorkbookBytes(await loadFileBytes(t.path), shown, { includeHidden: true })).snapshots);
    } catch {
      unit = null;
    }
    facts.push({ path: t.path, file: shown, unit });
  }
  return lastYearIndex(facts);
}

export function unpairedFiles(digests: readonly FileDigest[], index: LastYearIndex): UnpairedFiles {
  const taken = new Set<string>();
  const thisYear: UnpairedFiles["thisYear"] = [];
  for (const o of digests) {
    if (o.status !== "checked") {
      thisYear.push({ file: o.file, reason: "未能读取" });
      continue;
    }
    if (o.lastYear?.file) taken.add(o.lastYear.file);
    else if (o.lastYear?.ambiguous)
      thisYear.push({ file: o.file, reason: `多个上年文件都可能是本单位的：${o.lastYear.ambiguous.join("、")}` });
    else thisYear.push({ file: o.file, reason: "没有找到同一单位的上年文件" });
  }
  return { thisYear, lastYear: index.files.map((f) => f.file).filter((f) => !taken.has(f)) };
}
