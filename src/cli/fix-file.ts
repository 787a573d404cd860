import path from "path";
import type { CellWrite } from "../core/fixes";
import { ruleById } from "../core/catalogue";
import { countBySeverity } from "../core/results-table";
import { AnnotateError } from "../xlsx/package";
import { fixWorkbookBytes, writtenCells } from "../xlsx/fix";
import { writeWorkbookCopy } from "./copy-file";
import { outputPathProblem } from "./output-path";
import { formatCounts } from "./report-text";

export interface FixIo {
  /** Where the list of fixes goes: stdout, or stderr when stdout carries --json. */
  list: (text: string) => void;
  err: (text: string) => void;
}

/** Why `--fix OUT` must not be written, checked before any reading: an input, a folder, an existing file without --force. */
export function fixTargetProblem(out: string, shown: string, inputs: string[], force: boolean, annotate?: string): string | null {
  if (annotate && path.resolve(annotate) === path.resolve(out)) return "--fix 与 --annotate 不能写到同一个文件";
  const problem = outputPathProblem(out, { inputs, overwrite: force, flag: "--fix", extensions: [".xlsx", ".xlsm"] });
  if (problem) return problem.split(out).join(shown);
  // An .xls is read into sheets, not patched: its copy is a new .xlsx (issue 21 brings the reader).
  if (inputs.some((i) => /\.xls$/i.test(i)) && path.extname(out).toLowerCase() !== ".xlsx")
    return `原文件是旧版 .xls，修复副本只能写成 .xlsx：${shown}`;
  return null;
}

/** One line per cell written: where, what it held, what it holds now, and which rule asked for it. */
export function fixLines(writes: { rule: string; write: CellWrite }[]): string[] {
  return writes.map(({ rule, write }) => {
    const title = ruleById(rule as Parameters<typeof ruleById>[0]).title;
    return `  ${write.sheet}!${write.cell}：${write.beforeText} → ${write.afterText}　${title}（${rule}）`;
  });
}

/**
 * `--fix OUT`: writes a copy with every safe fix applied (the pane's fixes, the same planners, the
 * same package patcher as --annotate), lists each cell written, and never touches the input.
 * Returns false when the copy could not be written (the caller's exit code 2).
 */
export async function writeFixedCopy(
  bytes: Uint8Array,
  options: { tolerance?: string; includeHidden?: boolean },
  shown: string,
  out: string,
  io: FixIo,
): Promise<boolean> {
  let copy: Awaited<ReturnType<typeof fixWorkbookBytes>>;
  try {
    copy = await fixWorkbookBytes(bytes, options);
  } catch (e) {
    if (!(e instanceof AnnotateError)) throw e;
    io.err(`${e.message.replace("标注副本", "修复副本")}（未写出 ${shown}）`);
    return false;
  }
  if (!(await writeWorkbookCopy(copy, "修复副本", shown, out, io.err))) return false;
  const writes = writtenCells(copy);
  const lines =
    writes.length === 0
      ? [`修复副本：${shown}（没有可安全自动修复的问题，副本与原文件内容相同；原文件未改动）`]
      : [`修复副本：${shown}（修改了 ${writes.length} 个单元格，原文件未改动）`, ...fixLines(writes)];
  if (copy.refused.length) {
    lines.push(`未自动修复 ${copy.refused.length} 处：`);
    for (const { finding, refusal } of copy.refused)
      lines.push(`  ${finding.sheet}!${finding.cell}（${finding.rule}）：${refusal.refused}`);
  }
  lines.push(`修复后：${formatCounts(countBySeverity(copy.findingsAfter))}`);
  io.list(lines.join("\n"));
  return true;
}
