import { checkFile } from "../../../src/cli/batch/check-file";
import { serve } from "../../../src/cli/batch/worker";

/**
 * A worker with faults injected by file name: `hang` never returns, `throw` crashes the worker,
 * `oom` exhausts its heap. Every other file is checked for real.
 */
serve(async (task) => {
  const name = task.path;
  if (name.includes("hang")) for (;;);
  if (name.includes("throw")) throw new Error("注入的崩溃");
  if (name.includes("oom")) {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array(1 << 20).fill(hoard.length));
  }
  return checkFile(task);
});
