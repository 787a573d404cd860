import path from "path";
import { runPool } from "../../../src/cli/batch/pool";
import { workerBundle } from "../../../src/cli/batch/worker-bundle";
import type { FileOutcome, FileTask } from "../../../src/cli/batch/outcome";

/** Files that do not exist: each fails at once, so only the pool's own decisions take time. */
const tasks = (n: number): FileTask[] =>
  Array.from({ length: n }, (_, i) => ({ path: path.join("/nonexistent", `${i}.xlsx`), file: `${i}.xlsx`, found: false }));

async function run(n: number, grow: boolean): Promise<{ workers: number; outcomes: FileOutcome[] }> {
  let workers = 0;
  const outcomes: FileOutcome[] = [];
  await runPool(
    tasks(n),
    { jobs: 2, timeoutMs: 60_000, memoryMb: 512, grow, bundle: workerBundle(), onWorkerStart: () => workers++ },
    (i, o) => (outcomes[i] = o),
  );
  return { workers, outcomes };
}

describe("the default --jobs: one worker, a second only while the queue is long", () => {
  it("a short queue is checked by one worker", async () => {
    const { workers, outcomes } = await run(20, true);
    expect(workers).toBe(1);
    expect(outcomes.map((o) => o.file)).toEqual(tasks(20).map((t) => t.file));
  }, 60_000);

  it("a long queue gets the second worker, and every file its outcome in order", async () => {
    const { workers, outcomes } = await run(300, true);
    expect(workers).toBe(2);
    expect(outcomes.map((o) => o.file)).toEqual(tasks(300).map((t) => t.file));
    expect(outcomes.every((o) => o.status === "failed" && o.error.kind === "missing")).toBe(true);
  }, 60_000);

  it("an explicit --jobs starts its workers at once, whatever the queue", async () => {
    expect((await run(3, false)).workers).toBe(2);
  }, 60_000);
});
