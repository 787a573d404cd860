// Preloaded into each measured process (node --require): appends its peak RSS in KB and its CPU
// time in microseconds to a file; both cover the worker threads too, since they share the process.
const fs = require("fs");
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) {
    const u = process.resourceUsage();
    fs.appendFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`);
  }
});
