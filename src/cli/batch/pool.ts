import os from "os";
import path from "path";
import { Worker } from "worker_threads";
import { BatchShared, failed, FileOutcome, FileTask } from "./outcome";
import type { TaskMessage, WorkerMessage } from "./worker";

export interface PoolOptions {
  jobs: number;
  /** Per file, counted from when the worker is ready (a cold start compiles the sources first). */
  timeoutMs: number;
  /** V8 heap limit of each worker; a file that needs more fails alone. */
  memoryMb: number;
  /** A module to run in the workers instead of worker.ts's serve() (tests inject faults this way). */
  workerModule?: string;
  /** Called when a file is handed to a worker, for the progress display. */
  onStart?: (index: number) => void;
  /** The bundled worker (worker-bundle.ts), or null to run the sources through tsx. */
  bundle?: string | null;
  /**
   * Start one worker and add another (up to `jobs`) only while more than GROW_QUEUE files per
   * worker wait: the default --jobs. One worker already keeps 1.4 of 2 cores busy through V8's own
   * threads, so a second pays off only on a long queue (issue 21: 0.84× on 38 files, 1.03× on 200).
   */
  grow?: boolean;
  /** Called as each worker thread is started (a replacement too): the benchmark and tests count them. */
  onWorkerStart?: () => void;
  /** Given once to each worker (workerData), not with every task: --compare-dir's index of last year's files. */
  shared?: BatchShared;
}

/** Files waiting per running worker before the default --jobs adds one more. */
export const GROW_QUEUE = 64;

/** The workers could not start at all (an installation problem, not a file's). */
export class PoolStartError extends Error {}

/** Runs the TypeScript worker through tsx: for injected test modules, or when there is no bundle. */
const TSX_ENTRY = path.join(__dirname, "worker-entry.js");

export function defaultJobs(): number {
  const cpus = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(8, cpus));
}

/** Part of the machine's memory per worker, within bounds that fit one large workbook. */
export function defaultMemoryMb(jobs: number): number {
  const share = Math.floor(((os.totalmem() / 2 ** 20) * 0.6) / jobs);
  return Math.max(512, Math.min(4096, share));
}

/**
 * Checks the tasks on up to `jobs` worker threads, handing out files in order. A worker that
 * crashes, runs out of memory or passes the time limit is replaced, and only its file fails.
 */
export async function runPool(
  tasks: FileTask[],
  options: PoolOptions,
  onOutcome: (index: number, outcome: FileOutcome) => void,
): Promise<void> {
  let next = 0;
  const max = Math.min(options.jobs, tasks.length);
  const slots: Slot[] = [];
  const loops: Promise<void>[] = [];
  const loop = async (slot: Slot) => {
    while (next < tasks.length) {
      const index = next++;
      options.onStart?.(index);
      onOutcome(index, await slot.run(tasks[index]));
      if (options.grow && slots.length < max && tasks.length - next > GROW_QUEUE * slots.length) add();
    }
  };
  const add = () => {
    const slot = new Slot(options);
    slots.push(slot);
    const running = loop(slot);
    // Marked handled at once: a worker added later is awaited in the next round below.
    running.catch(() => undefined);
    loops.push(running);
  };
  try {
    for (let i = 0; i < (options.grow ? 1 : max); i++) add();
    // Workers may be added while the first ones run: wait until no round added any.
    for (let seen = 0; seen < loops.length;) {
      const round = loops.slice(seen);
      seen = loops.length;
      await Promise.all(round);
    }
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
}

class Slot {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private lastId = 0;

  constructor(private readonly options: PoolOptions) {}

  async run(task: FileTask, attempt = 1): Promise<FileOutcome> {
    if (!this.worker) this.start();
    await this.ready;
    const worker = this.worker;
    if (!worker) {
      // It died between becoming ready and this file: start afresh, but not forever.
      if (attempt < 3) return this.run(task, attempt + 1);
      return failed(task.file, "unreadable", `检查线程反复意外退出，未能检查此文件：${task.file}`);
    }
    const id = ++this.lastId;
    return new Promise<FileOutcome>((resolve) => {
      const finish = (outcome: FileOutcome, broken: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (broken) this.discard();
        resolve(outcome);
      };
      const onMessage = (m: WorkerMessage) => {
        if ("id" in m && m.id === id) finish(m.outcome, false);
      };
      const onError = (e: Error) => finish(crashOutcome(task, e, this.options), true);
      const onExit = (code: number) =>
        finish(
          failed(
            task.file,
            "unreadable",
            `检查此文件的线程意外退出（代码 ${code}），其他文件不受影响；请把此文件反馈给维护者：${task.file}`,
          ),
          true,
        );
      const seconds = this.options.timeoutMs / 1000;
      const timer = setTimeout(
        () =>
          finish(
            failed(
              task.file,
              "unreadable",
              `检查超过 ${seconds} 秒仍未完成，已停止检查此文件（可用 --timeout 放宽时限）：${task.file}`,
            ),
            true,
          ),
        this.options.timeoutMs,
      );
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ id, task } satisfies TaskMessage);
    });
  }

  private start(): void {
    const bundled = !this.options.workerModule && this.options.bundle;
    this.options.onWorkerStart?.();
    const worker = new Worker(bundled || TSX_ENTRY, {
      workerData: { module: this.options.workerModule, shared: this.options.shared },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      // Whatever a worker prints is not for the user; the progress line owns stderr.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    // A worker that dies between files must not take the process with it (an 'error' event
    // without a listener throws); the next file simply gets a fresh worker.
    worker.on("error", () => undefined);
    worker.on("exit", () => {
      if (this.worker === worker) this.discard();
    });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (error) reject(new PoolStartError(`无法启动检查线程（${error.message}）。请确认已在项目文件夹中运行 npm ci`));
        else resolve();
      };
      const onMessage = (m: WorkerMessage) => {
        if ("ready" in m) settle();
      };
      const onError = (e: Error) => settle(e);
      const onExit = (code: number) => settle(new Error(`退出代码 ${code}`));
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
    });
  }

  private discard(): void {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    void worker?.terminate();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}

function crashOutcome(task: FileTask, error: Error, options: PoolOptions): FileOutcome {
  if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return failed(
      task.file,
      "too-large",
      `检查此文件时内存不足（每个线程上限 ${options.memoryMb} MB），文件可能过大，其他文件不受影响：${task.file}`,
    );
  }
  return failed(
    task.file,
    "unreadable",
    `检查此文件时程序出错（${error.message}），其他文件不受影响；请把此文件反馈给维护者：${task.file}`,
  );
}
