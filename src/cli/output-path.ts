import { existsSync, promises as fs, realpathSync, statSync } from "fs";
import path from "path";

/** Same file even through a symlink, a hard link or a case-insensitive file system. */
export function isSameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

export interface OutputRules {
  inputs: string[];
  /** Replacing an existing file is allowed (--force, or an earlier copy of ours). */
  overwrite: boolean;
  flag: string;
  extensions?: string[];
}

/**
 * Why an output path must not be written, in one Chinese sentence, or null when it may be.
 * The inputs themselves are never replaced.
 */
export function outputPathProblem(out: string, options: OutputRules): string | null {
  const extensions = options.extensions ?? [".xlsx"];
  if (!extensions.includes(path.extname(out).toLowerCase()))
    return `${options.flag} 的输出文件应以 ${extensions.join(" 或 ")} 结尾：${out}`;
  if (!existsSync(out)) return parentProblem(out, options.flag);
  const existing = statSync(out);
  if (existing.isDirectory()) return `${options.flag} 指定的是一个文件夹，请给出 ${extensions[0]} 文件名：${out}`;
  if (!existing.isFile()) return `${options.flag} 指定的不是普通文件（可能是管道或设备），不能写到这里：${out}`;
  if (options.inputs.some((input) => isSameFile(input, out)))
    return `输出文件就是被检查的原文件，原文件不能被覆盖，请另指定 ${options.flag} 输出路径：${out}`;
  if (!options.overwrite) return `文件已存在，为免覆盖未写出：${out}。请换一个文件名，或加 --force 允许覆盖`;
  return null;
}

/** A folder on the way that is a file makes mkdir fail with ENOTDIR/EEXIST; say so before trying. */
function parentProblem(out: string, flag: string): string | null {
  let dir = path.dirname(path.resolve(out));
  while (!existsSync(dir)) {
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return statSync(dir).isDirectory() ? null : `${flag} 的输出路径中「${dir}」是一个文件而不是文件夹，无法写出：${out}`;
}

/** A write failure (permissions, a read-only disk, a file open in Excel on Windows) as one Chinese sentence. */
export function writeFailure(out: string, error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason: Record<string, string> = {
    EACCES: "没有写入权限",
    EPERM: "没有写入权限",
    EBUSY: "文件正被其他程序（如 Excel）占用，请先关闭",
    EROFS: "磁盘为只读",
    ENOSPC: "磁盘空间不足",
    ENOTDIR: "路径中有一部分不是文件夹",
    EEXIST: "路径中有一部分是已存在的文件",
    EISDIR: "这是一个文件夹",
    ENAMETOOLONG: "文件名过长",
    EFBIG: "文件超过系统允许的大小",
    EXDEV: "临时文件与目标不在同一磁盘",
  };
  if (!code) return null;
  return `无法写入 ${out}：${reason[code] ?? `文件系统错误 ${code}`}`;
}

/**
 * Writes through a temporary file in the same folder and a rename, so a failure part-way never
 * truncates an existing file and never leaves a partial one under the final name.
 */
export async function writeFileAtomic(out: string, bytes: Uint8Array): Promise<void> {
  await writeAtomically(out, (temp) => fs.writeFile(temp, bytes, { flag: "wx" }));
}

/** As writeFileAtomic, for a writer that streams into the temporary file itself (the batch report). */
export async function writeAtomically(out: string, write: (temp: string) => Promise<void>): Promise<void> {
  const target = path.resolve(out);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await removeStaleTemps(target);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await write(temp);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** A run killed mid-write (kill -9, a power cut) leaves its temporary file; older than this, it is stale whoever wrote it. */
const STALE_AFTER_MS = 24 * 3600 * 1000;

/**
 * Removes the temporary files that earlier writes of this same output left behind: only names of
 * writeFileAtomic's own pattern for this file (`.NAME.PID.MILLISECONDS.tmp`), and only when that
 * PID is no longer running or the file is older than a day, so a run writing right now keeps its own.
 */
async function removeStaleTemps(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fs.lstat(file);
      if (!stat.isFile()) continue;
      const age = Date.now() - Math.min(Number(m[2]), stat.mtimeMs);
      if (isRunning(Number(m[1])) && age < STALE_AFTER_MS) continue;
      await fs.rm(file, { force: true });
    } catch {
      // Gone already, or not ours to remove: the write itself goes on.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
