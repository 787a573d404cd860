import type { Finding } from "../core/finding";
import type { TemplateKind } from "../templates/catalog";
import type { ProgressListener } from "../core/progress";
import { AnnotatedCopy, CheckEngine, CheckOutcome, EngineError, FixedCopyOffer } from "./engine";
import type { PreviewWindow } from "./preview-window";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

/** The part of a Worker the client uses, so tests can hand it a stand-in. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: ProgressListener;
}

type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/**
 * The checker as the page sees it. The worker is started only when the first file or template is
 * asked for, which keeps the page's first load small (and exceljs is fetched only for a template).
 */
export function workerEngine(spawn: () => WorkerLike): CheckEngine {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function started(): WorkerLike {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = ({ data }) => {
      const entry = pending.get(data.id);
      if (!entry) return;
      if (data.type === "progress") return entry.onProgress?.(data.stage, data.done, data.total);
      pending.delete(data.id);
      if (data.type === "done") entry.resolve(data.value);
      else entry.reject(new EngineError(data.message, data.code));
    };
    w.onerror = (event) => {
      // A worker that failed to load (a missing script on a half-copied server) fails every request.
      event.preventDefault?.();
      console.error("budget-check worker", event.message);
      const error = new EngineError(
        "检查程序未能加载，请刷新页面后重试；如果仍然失败，请联系管理员检查网站文件是否完整。",
        "internal",
      );
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
      w.terminate();
      worker = null;
    };
    worker = w;
    return w;
  }

  function request<T>(body: RequestBody, onProgress?: ProgressListener, transfer: Transferable[] = []): Promise<T> {
    const w = started();
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      w.postMessage({ ...body, id } as WorkerRequest, transfer);
    });
  }

  return {
    open: (file, tolerance, onProgress) =>
      request<CheckOutcome>({ type: "open", name: file.name, bytes: file.bytes, tolerance }, onProgress, [file.bytes]),
    recheck: (tolerance, onProgress, narrative) =>
      request<CheckOutcome>({ type: "recheck", tolerance, ...(narrative !== undefined ? { narrative } : {}) }, onProgress),
    compare: (file, tolerance, onProgress) =>
      request<CheckOutcome>({ type: "compare", name: file.name, bytes: file.bytes, tolerance }, onProgress, [file.bytes]),
    uncompare: (tolerance, onProgress) => request<CheckOutcome>({ type: "uncompare", tolerance }, onProgress),
    preview: (finding) =>
      request<PreviewWindow | null>({
        type: "preview",
        finding: { sheet: finding.sheet, cell: finding.cell, related: finding.related },
      }),
    annotate: (findings: Finding[], onProgress) => request<AnnotatedCopy>({ type: "annotate", findings }, onProgress),
    fix: (ignored: Finding[], onProgress) => request<FixedCopyOffer>({ type: "fix", ignored }, onProgress),
    template: (kind: TemplateKind) => request<Uint8Array>({ type: "template", kind }),
  };
}
