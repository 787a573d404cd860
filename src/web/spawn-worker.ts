import type { WorkerLike } from "./worker-client";

/** Set by the single-file build (check-standalone.html), which carries the worker's code inline. */
const INLINE_WORKER_ID = "check-worker-source";

/**
 * Starts the checker worker. webpack turns the `new URL(…, import.meta.url)` form into a separate
 * script of its own; jest never imports this file.
 */
export function spawnCheckWorker(): WorkerLike {
  const inline = document.getElementById(INLINE_WORKER_ID);
  if (inline?.textContent) {
    // A page opened from the disk may not start a worker from a file: Chromium refuses file:// workers.
    const url = URL.createObjectURL(new Blob([inline.textContent], { type: "text/javascript" }));
    return new Worker(url) as unknown as WorkerLike;
  }
  // @ts-expect-error import.meta is ES-module syntax; tsc type-checks with module commonjs, webpack compiles it as esnext.
  return new Worker(/* webpackChunkName: "check-worker" */ new URL("./worker.ts", import.meta.url)) as unknown as WorkerLike;
}
