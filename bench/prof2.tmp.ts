import { readWorkbookFile } from "../src/cli/xlsx-read";
import { checkWorkbook } from "../src/core/check";
import { performance } from "perf_hooks";
import { Session } from "inspector";
import { writeFileSync } from "fs";
(async () => {
  const s = await readWorkbookFile(process.argv[2]);
  const t0 = performance.now();
  checkWorkbook(s);
  const t1 = performance.now();
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 100 });
  session.post("Profiler.start");
  const t2 = performance.now();
  checkWorkbook(s);
  const t3 = performance.now();
  session.post("Profiler.stop", (err, { profile }) => {
    writeFileSync(".tmp/second.cpuprofile", JSON.stringify(profile));
    console.log((t1 - t0).toFixed(0), (t3 - t2).toFixed(0));
  });
})();
