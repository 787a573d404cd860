import path from "path";
import { writeFailure, writeFileAtomic } from "./output-path";

/**
 * Writes a workbook copy (标注副本 or 修复副本) to `out` through a temporary file and a rename. A copy
 * that keeps macros must end in .xlsm, one without in .xlsx, or Excel refuses to open it. Says why
 * on `err` and returns false when nothing was written.
 */
export async function writeWorkbookCopy(
  copy: { bytes: Uint8Array; macroEnabled: boolean },
  kind: "标注副本" | "修复副本",
  shown: string,
  out: string,
  err: (text: string) => void,
): Promise<boolean> {
  const ext = path.extname(out).toLowerCase();
  if (copy.macroEnabled !== (ext === ".xlsm")) {
    err(
      copy.macroEnabled
        ? `原文件含宏（.xlsm），${kind}也须以 .xlsm 结尾，才能保留宏并被 Excel 打开：${shown}`
        : `原文件不含宏，${kind}应以 .xlsx 结尾：${shown}`,
    );
    return false;
  }
  try {
    await writeFileAtomic(out, copy.bytes);
  } catch (e) {
    const failure = writeFailure(shown, e);
    if (!failure) throw e;
    err(failure);
    return false;
  }
  return true;
}
