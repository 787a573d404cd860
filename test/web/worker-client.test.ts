import type { WorkerReply, WorkerRequest } from "../../src/web/worker-protocol";
import { EngineError } from "../../src/web/engine";
import { WorkerLike, workerEngine } from "../../src/web/worker-client";

/** A stand-in worker: records requests and lets the test answer them. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  requests: { message: WorkerRequest; transfer?: Transferable[] }[] = [];
  terminated = false;
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void {
    this.requests.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: WorkerReply): void {
    this.onmessage?.({ data } as MessageEvent<WorkerReply>);
  }
}

describe("workerEngine", () => {
  test("starts the worker only on the first request, relays progress and answers by id", async () => {
    const workers: FakeWorker[] = [];
    const engine = workerEngine(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    expect(workers).toHaveLength(0);

    const bytes = new ArrayBuffer(8);
    const progress: string[] = [];
    const opening = engine.open({ name: "a.xlsx", bytes }, "0.01", (stage, done, total) =>
      progress.push(`${stage} ${done}/${total}`),
    );
    const previewing = engine.preview({ sheet: "表", cell: "A1", related: [] });
    expect(workers).toHaveLength(1);
    const [open, preview] = workers[0].requests;
    expect(open.message).toMatchObject({ type: "open", name: "a.xlsx", tolerance: "0.01" });
    // The file's bytes move to the worker rather than being copied.
    expect(open.transfer).toEqual([bytes]);

    workers[0].reply({ id: open.message.id, type: "progress", stage: "check", done: 1, total: 2 });
    workers[0].reply({ id: preview.message.id, type: "done", value: null });
    workers[0].reply({ id: open.message.id, type: "done", value: { sheets: [], findings: [] } });
    await expect(previewing).resolves.toBeNull();
    await expect(opening).resolves.toEqual({ sheets: [], findings: [] });
    expect(progress).toEqual(["check 1/2"]);
  });

  test("a failure carries the worker's Chinese message and code", async () => {
    const worker = new FakeWorker();
    const engine = workerEngine(() => worker);
    const opening = engine.open({ name: "x.xlsx", bytes: new ArrayBuffer(1) }, "0.01");
    worker.reply({
      id: worker.requests[0].message.id,
      type: "failed",
      message: "不是 Excel 工作簿（.xlsx）文件：x.xlsx",
      code: "not-xlsx",
    });
    const error = await opening.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ message: "不是 Excel 工作簿（.xlsx）文件：x.xlsx", code: "not-xlsx" });
  });

  test("a worker that fails to load rejects what is pending, and the next request starts a new one", async () => {
    const workers: FakeWorker[] = [];
    const engine = workerEngine(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const pending = engine.template("收支总表");
    workers[0].onerror?.({ message: "importScripts failed", preventDefault: () => undefined } as unknown as ErrorEvent);
    await expect(pending).rejects.toThrow("检查程序未能加载");
    expect(workers[0].terminated).toBe(true);
    quiet.mockRestore();
    void engine.template("绩效指标");
    expect(workers).toHaveLength(2);
  });
});
