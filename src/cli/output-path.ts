import { existsSync, realpathSync, statSync } from "fs";
import path from "path";

/** Same file even through a symlink, a hard link or a case-insensitive file system. */
export function isSameFile(a: string, b: string): boolean {
  if (!existsSync(a) || !existsSync(b)) return false;
  if (realpathSync(a) === realpathSync(b)) return true;
  const sa = statSync(a);
  const sb = statSync(b);
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Why an output path must not be written, in one Chinese sentence, or null when it may be.
 * `overwrite` allows replacing an existing file; the inputs themselves are never replaced.
 */
export function outputPathProblem(out: string, options: { inputs: string[]; overwrite: boolean; flag: string; extension?: string }): string | null {
  const ext = options.extension ?? ".xlsx";
  if (path.extname(out).toLowerCase() !== ext) return `${options.flag} 的输出文件应以 ${ext} 结尾：${out}`;
  if (!existsSync(out)) return null;
  if (statSync(out).isDirectory()) return `${options.flag} 指定的是一个文件夹，请给出 ${ext} 文件名：${out}`;
  if (options.inputs.some((input) => isSameFile(input, out))) return `输出文件就是被检查的原文件，原文件不能被覆盖，请另指定 ${options.flag} 输出路径：${out}`;
  if (!options.overwrite) return `文件已存在，为免覆盖未写出：${out}。请换一个文件名，或加 --force 允许覆盖`;
  return null;
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
    EISDIR: "这是一个文件夹",
  };
  return code && reason[code] ? `无法写入 ${out}：${reason[code]}` : null;
}
