/*
 * The checker's Web Worker: reads and checks the workbook off the page's thread, so a large file
 * never freezes the page. It only relays messages to a CheckSession.
 */
import type { ProgressListener } from "../core/progress";
import { EngineError } from "./engine";
import { CheckSession, internalError } from "./session";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const session = new CheckSession();

scope.onmessage = (event) => {
  const request = event.data;
  const progress: ProgressListener = (stage, done, total) =>
    scope.postMessage({ id: request.id, type: "progress", stage, done, total });
  run(request, progress).then(
    (value) => scope.postMessage({ id: request.id, type: "done", value }, transferables(value)),
    (error: unknown) => {
      if (!(error instanceof EngineError)) console.error("budget-check worker", error);
      const failed = error instanceof EngineError ? error : internalError(error);
      scope.postMessage({ id: request.id, type: "failed", message: failed.message, code: failed.code });
    },
  );
};

function run(request: WorkerRequest, progress: ProgressListener): Promise<unknown> {
  switch (request.type) {
    case "open":
      return session.open({ name: request.name, bytes: request.bytes }, request.tolerance, progress);
    case "recheck":
      return session.recheck(request.tolerance, progress, request.narrative);
    case "compare":
      return session.compare({ name: request.name, bytes: request.bytes }, request.tolerance, progress);
    case "uncompare":
      return session.uncompare(request.tolerance, progress);
    case "preview":
      return session.preview(request.finding);
    case "annotate":
      return session.annotate(request.findings, progress);
    case "fix":
      return session.fix(request.ignored, progress);
    case "template":
      return session.template(request.kind);
  }
}

/** Written files move back to the page instead of being copied. */
function transferables(value: unknown): Transferable[] {
  if (value instanceof Uint8Array) return [value.buffer as ArrayBuffer];
  const bytes = (value as { bytes?: unknown } | null)?.bytes;
  return bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : [];
}
