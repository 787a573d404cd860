/**
 * Progress through the suite's long stretches. Jest's default reporter prints a file's line only when
 * the whole file ends, so the Chromium e2e and LibreOffice files (minutes each on a busy machine) used
 * to leave the terminal silent. This reporter adds two kinds of line, and nothing for a fast suite:
 * - each test that took `slowSeconds` or more, as it ends: `  … test/e2e/x.e2e.test.ts › title (12 s)`;
 * - after `quietSeconds` without any line, the files still running: `  … still running: x (1 min 40 s)`.
 * Written to stderr, as jest's own reporter writes.
 */
const path = require("path");

class ProgressReporter {
  /**
   * @param {{ rootDir: string }} globalConfig
   * @param {{ slowSeconds?: number; quietSeconds?: number }} options
   * @param {{ now?: () => number; write?: (text: string) => void; every?: (fn: () => void, ms: number) => { unref?: () => void } ; stop?: (timer: unknown) => void }} io for tests
   */
  constructor(globalConfig, options = {}, io = {}) {
    this.root = globalConfig.rootDir;
    this.slowMs = (options.slowSeconds ?? 10) * 1000;
    this.quietMs = (options.quietSeconds ?? 30) * 1000;
    this.now = io.now ?? Date.now;
    this.write = io.write ?? ((text) => process.stderr.write(text));
    this.every = io.every ?? ((fn, ms) => setInterval(fn, ms));
    this.stop = io.stop ?? ((timer) => clearInterval(timer));
    /** @type {Map<string, number>} file → when it started */
    this.running = new Map();
    this.lastLine = this.now();
    this.timer = null;
  }

  name(file) {
    return path.relative(this.root, file).split(path.sep).join("/");
  }

  say(text) {
    this.write(`  … ${text}\n`);
    this.lastLine = this.now();
  }

  onRunStart() {
    this.lastLine = this.now();
    // Checked often, said rarely: a line only after quietSeconds of silence.
    this.timer = this.every(() => this.tick(), Math.min(this.quietMs, 5000));
    // A timer must never keep jest alive after the run.
    this.timer?.unref?.();
  }

  onTestFileStart(test) {
    this.running.set(test.path, this.now());
  }

  onTestCaseResult(test, result) {
    if ((result.duration ?? 0) < this.slowMs) return;
    this.say(`${this.name(test.path)} › ${result.fullName} (${seconds(result.duration)})`);
  }

  onTestFileResult(test) {
    this.running.delete(test.path);
    // Jest prints the file's PASS/FAIL line now.
    this.lastLine = this.now();
  }

  tick() {
    const now = this.now();
    if (this.running.size === 0 || now - this.lastLine < this.quietMs) return;
    const files = [...this.running].map(([file, start]) => `${this.name(file)} (${seconds(now - start)})`);
    this.say(`still running: ${files.join(", ")}`);
  }

  onRunComplete() {
    if (this.timer !== null) this.stop(this.timer);
    this.timer = null;
  }

  getLastError() {
    return undefined;
  }
}

/** 7 s, 1 min 40 s. */
function seconds(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

module.exports = ProgressReporter;
