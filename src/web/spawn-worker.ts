import type { WorkerLike } from "./worker-client";

/** webpack.config.js defines it: true in the single-file build (check-standalone.html). */
declare const BUDGET_CHECK_STANDALONE: boolean;

/** The element of check-standalone.html that carries the worker's code (scripts/webpack-standalone.js). */
const INLINE_WORKER_ID = "check-worker-source";

/**
 * Starts the checker worker. webpack turns the `new URL(…, import.meta.url)` form into a separate
 * script of its own; the single-file build, where that branch is compiled away, starts the worker
 * from its inline code instead. jest never imports this file.
 */
export function spawnCheckWorker(): WorkerLike {
  if (BUDGET_CHECK_STANDALONE) {
    // A page opened from the disk may not start a worker from a file: Chromium refuses file:// workers.
    const source = document.getElementById(INLINE_WORKER_ID)?.textContent ?? "";
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    return new Worker(url) as unknown as WorkerLike;
  }
  // @ts-expect-error import.meta is ES-module syntax; tsc type-checks with module commonjs, webpack compiles it as esnext.
  return new Worker(/* webpackChunkName: "check-worker" */ new URL("./worker.ts", import.meta.url)) as unknown as WorkerLike;
}
