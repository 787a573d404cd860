import path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ProgressReporter = require("./support/progress-reporter.js");

const ROOT = path.resolve(__dirname, "..");
const file = (name: string) => ({ path: path.join(ROOT, name) });

/** A reporter on a hand-driven clock, its lines collected, its timer run by hand. */
function reporter() {
  let now = 0;
  const lines: string[] = [];
  let tick: (() => void) | null = null;
  let stopped = false;
  const r = new ProgressReporter(
    { rootDir: ROOT },
    { slowSeconds: 10, quietSeconds: 30 },
    {
      now: () => now,
      write: (t: string) => lines.push(t),
      every: (fn: () => void) => ((tick = fn), {}),
      stop: () => (stopped = true),
    },
  );
  return {
    r,
    lines,
    at: (seconds: number) => {
      now = seconds * 1000;
      tick?.();
    },
    stopped: () => stopped,
  };
}

describe("the suite prints progress through its long stretches (issue 19)", () => {
  it("names a slow test as it ends, and says nothing of a fast one", () => {
    const { r, lines, at } = reporter();
    r.onRunStart();
    r.onTestFileStart(file("test/e2e/check-page.e2e.test.ts"));
    r.onTestCaseResult(file("test/e2e/check-page.e2e.test.ts"), { fullName: "fast", duration: 900 });
    at(12);
    r.onTestCaseResult(file("test/e2e/check-page.e2e.test.ts"), { fullName: "the sample lists the findings", duration: 12_400 });
    expect(lines).toEqual(["  … test/e2e/check-page.e2e.test.ts › the sample lists the findings (12 s)\n"]);
  });

  it("after 30 s without a line, names the files still running and for how long; then waits another 30 s", () => {
    const { r, lines, at, stopped } = reporter();
    r.onRunStart();
    r.onTestFileStart(file("test/templates/libreoffice.test.ts"));
    at(20);
    expect(lines).toEqual([]);
    at(31);
    expect(lines).toEqual(["  … still running: test/templates/libreoffice.test.ts (31 s)\n"]);
    at(45);
    expect(lines).toHaveLength(1);
    at(100);
    expect(lines[1]).toBe("  … still running: test/templates/libreoffice.test.ts (1 min 40 s)\n");
    // A file that ended is a line jest printed itself: the silence starts again, and it is no longer named.
    r.onTestFileResult(file("test/templates/libreoffice.test.ts"));
    at(200);
    expect(lines).toHaveLength(2);
    r.onRunComplete();
    expect(stopped()).toBe(true);
  });

  it("is jest's reporter beside the default one", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require("../jest.config.js");
    expect(config.reporters[0]).toBe("default");
    expect(config.reporters[1][0]).toBe("<rootDir>/test/support/progress-reporter.js");
  });
});
