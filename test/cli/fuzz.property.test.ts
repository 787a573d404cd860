import { spawn } from "child_process";
import { createHash } from "crypto";
import fc from "fast-check";
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import path from "path";
import { EngineError } from "../../src/web/engine";
import { CheckSession } from "../../src/web/session";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { runCli, tempDir } from "./cli-helpers";
import { applyMutant, familyOf, fixtures, Mutant, mutant } from "./support/mutants";

/**
 * The fuzz test of issue 18's "Done when": seeded mutants of the committed fixtures at the byte,
 * zip and XML levels. Every violation is collected, with its family, so one run lists them all.
 * FUZZ_RUNS=2000 npx jest test/cli/fuzz for a longer search.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SPAWNED = Number(process.env.FUZZ_SPAWNED ?? 6);
const PAGE = Number(process.env.FUZZ_PAGE ?? 40);
const cases: Mutant[] = fc.sample(mutant, { seed: 18, numRuns: RUNS });

const bin = path.resolve(__dirname, "../../bin/budget-check.js");
const STACK_TRACE = /\n\s+at .+[:(]\d+|\bat [\w.<>]+ \(|^\s*at /m;
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const dir = tempDir();

async function label(m: Mutant, i: number): Promise<string> {
  return `#${i} ${fixtures[m.fixture].name} ${await familyOf(m)} ${JSON.stringify(m.mutation).slice(0, 160)}`;
}

async function materialise(m: Mutant, i: number): Promise<{ file: string; copy: string; before: string }> {
  const bytes = await applyMutant(m);
  const file = path.join(dir, `m${i}.xlsx`);
  writeFileSync(file, bytes);
  return { file, copy: path.join(dir, `m${i}-copy.xlsx`), before: sha(bytes) };
}

/** What a mutant broke, or null: exit 0/1/2, no stack trace, input unchanged, a copy the reader reads back. */
async function violation(m: Mutant, i: number): Promise<string | null> {
  const { file, copy, before } = await materialise(m, i);
  try {
    let r;
    try {
      r = await runCli([file, "--annotate", copy, "--json"]);
    } catch (e) {
      return `threw (exit 3): ${(e as Error).message.split("\n")[0]}`;
    }
    if (![0, 1, 2].includes(r.code)) return `exit ${r.code}: ${r.err.split("\n")[0]}`;
    if (STACK_TRACE.test(r.err)) return `stack trace on stderr: ${r.err.slice(0, 200)}`;
    if (sha(readFileSync(file)) !== before) return "input changed";
    const entry = JSON.parse(r.out).files[0];
    if (entry.error) return r.code === 2 && /[\u4e00-\u9fff]/.test(r.err) ? null : `unreadable but exit ${r.code}`;
    if (!existsSync(copy)) return `checked (exit ${r.code}) but no annotated copy: ${r.err.split("\n").pop()}`;
    try {
      const back = await readWorkbookBytes(readFileSync(copy), "copy", { includeHidden: true });
      const names = new Set(back.snapshots.map((s) => s.name));
      const lost = entry.sheets.filter((s: { name: string }) => !names.has(s.name));
      if (lost.length) return `the copy lost sheets: ${lost.map((s: { name: string }) => s.name).join(", ")}`;
    } catch (e) {
      return `the copy does not read back: ${(e as Error).message.split("\n")[0]}`;
    }
    return null;
  } finally {
    rmSync(file, { force: true });
    rmSync(copy, { force: true });
  }
}

/** The real command in its own process, with a heap limit and a hang guard: what in-process runs cannot bound. */
function spawnBounded(args: string[]): Promise<{ code: number | null; signal: string | null; err: string; hung: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--max-old-space-size=512", bin, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    let hung = false;
    child.stderr.on("data", (d) => (err += d));
    const guard = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, 120_000);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, err, hung });
    });
  });
}

describe(`fuzz: ${RUNS} mutants of the fixtures, seeded (issue 18)`, () => {
  it("in-process: exit 0, 1 or 2, no stack trace, input unchanged, and a copy the reader reads back", async () => {
    const found: string[] = [];
    for (const [i, m] of cases.entries()) {
      const problem = await violation(m, i);
      if (problem) found.push(`${await label(m, i)} → ${problem}`);
    }
    expect(found).toEqual([]);
  }, 900_000);

  it(`the real command on ${SPAWNED} of them ends within bounds (512 MB heap, no hang), exit 0, 1 or 2`, async () => {
    const found: string[] = [];
    const step = Math.max(1, Math.floor(cases.length / SPAWNED));
    for (let i = 0; i < cases.length && i < SPAWNED * step; i += step) {
      const { file, copy, before } = await materialise(cases[i], i);
      const r = await spawnBounded([file, "--annotate", copy]);
      const problem = r.hung
        ? "hung"
        : ![0, 1, 2].includes(r.code ?? -1)
          ? `exit ${r.code ?? r.signal}: ${r.err.split("\n")[0]}`
          : STACK_TRACE.test(r.err)
            ? "stack trace"
            : sha(readFileSync(file)) !== before
              ? "input changed"
              : null;
      if (problem) found.push(`${await label(cases[i], i)} → ${problem}`);
      rmSync(file, { force: true });
      rmSync(copy, { force: true });
    }
    expect(found).toEqual([]);
  }, 900_000);

  it(`the page's checker (its worker's session) answers ${PAGE} of them with results or a Chinese message`, async () => {
    const found: string[] = [];
    for (const [i, m] of cases.slice(0, PAGE).entries()) {
      const bytes = await applyMutant(m);
      const session = new CheckSession();
      const problem = await (async () => {
        try {
          const outcome = await session.open({ name: "变异.xlsx", bytes: new Uint8Array(bytes).buffer }, "0.01");
          const copy = await session.annotate(outcome.findings);
          await readWorkbookBytes(copy.bytes, "copy", { includeHidden: true });
          return null;
        } catch (e) {
          if (!(e instanceof EngineError)) return `threw ${(e as Error).message.split("\n")[0]}`;
          if (e.code === "internal") return `内部错误: ${e.message}`;
          return /[\u4e00-\u9fff]/.test(e.message) && !e.message.includes("\n") ? null : `message: ${e.message}`;
        }
      })();
      if (problem) found.push(`${await label(m, i)} → ${problem}`);
    }
    expect(found).toEqual([]);
  }, 300_000);
});
