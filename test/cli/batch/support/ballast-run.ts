import path from "path";
import { parseArgs } from "../../../../src/cli/args";
import { runBatch } from "../../../../src/cli/batch/run-batch";

/**
 * `node --max-old-space-size=M bin/run-ts.js ballast-run.ts ARGS…`: a batch run in this process with
 * the ballast worker, its exit code as the process's. The heap limit applies to this main thread only
 * (each worker has its own), which is where a run would keep its files' outcomes.
 */
void runBatch(
  parseArgs(process.argv.slice(2)),
  { out: () => undefined, err: () => undefined },
  { workerModule: path.join(__dirname, "ballast-worker.ts") },
).then((code) => process.exit(code));
