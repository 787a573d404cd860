// Preloaded into each measured process (node --require): appends its peak RSS in KB to a file,
// which covers the worker threads too, since they share the process.
const fs = require("fs");
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) fs.appendFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
