import { parentPort, workerData } from "worker_threads";
import { checkFile } from "./check-file";
import { BatchShared, FileOutcome, FileTask } from "./outcome";

export interface TaskMessage {
  id: number;
  task: FileTask;
}

export type WorkerMessage = { ready: true } | { id: number; outcome: FileOutcome };

/**
 * The worker's loop: one task at a time, answered by id. `check` is replaceable so a test can
 * inject a worker that throws or hangs on a chosen file.
 */
export function serve(check: (task: FileTask, shared: BatchShared) => Promise<FileOutcome> = checkFile): void {
  const port = parentPort;
  if (!port) throw new Error("worker.ts runs only inside a worker thread");
  port.on("message", (message: TaskMessage) => {
    // The pool gives what all files share once, when it starts the worker (pool.ts).
    const shared = ((workerData as { shared?: BatchShared } | null)?.shared ?? {}) as BatchShared;
    void check(message.task, shared).then((outcome) => port.postMessage({ id: message.id, outcome } satisfies WorkerMessage));
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
