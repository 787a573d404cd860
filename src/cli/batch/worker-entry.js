// A worker thread does not inherit the main thread's require hooks: register tsx here, as
// bin/budget-check.js does, then serve checks from the TypeScript worker. A test may name its own
// module instead (one that throws or hangs on purpose); that module calls serve() itself.
require("tsx/cjs");
const { workerData } = require("worker_threads");
if (workerData && workerData.module) require(workerData.module);
else require("./worker.ts").serve();
