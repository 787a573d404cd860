import { mkdirSync, readdirSync, writeFileSync } from "fs";
import path from "path";
import { parseArgs } from "../../../src/cli/args";
import { runBatch } from "../../../src/cli/batch/run-batch";
import { pruneBundles, sourcesHash, workerBundle } from "../../../src/cli/batch/worker-bundle";
import { tempDir, writeSummaryWorkbook } from "../cli-helpers";

describe("the bundled batch worker", () => {
  it("is cached under node_modules/.cache and found again without a rebuild", () => {
    const first = workerBundle();
    expect(first).toMatch(/node_modules[\\/]\.cache[\\/]budget-check[\\/]batch-worker-[0-9a-f]{16}\.js$/);
    expect(workerBundle()).toBe(first);
  });

  it("is keyed on every source file and the lockfile, so an edit gets a fresh bundle", () => {
    const project = tempDir();
    mkdirSync(path.join(project, "src", "core"), { recursive: true });
    writeFileSync(path.join(project, "src", "core", "a.ts"), "export const a = 1;");
    writeFileSync(path.join(project, "package-lock.json"), "{}");
    const before = sourcesHash(project);
    expect(sourcesHash(project)).toBe(before);
    writeFileSync(path.join(project, "src", "core", "a.ts"), "export const a = 2;");
    const edited = sourcesHash(project);
    expect(edited).not.toBe(before);
    writeFileSync(path.join(project, "package-lock.json"), '{"v":2}');
    expect(sourcesHash(project)).not.toBe(edited);
  });

  it("replaces an older bundle but never another run's build in progress", () => {
    const dir = tempDir();
    const names = ["batch-worker-old.js", "batch-worker-new.js", "batch-worker-new.js.4242.partial", "other.txt"];
    for (const n of names) writeFileSync(path.join(dir, n), "");
    pruneBundles(dir, path.join(dir, "batch-worker-new.js"));
    expect(readdirSync(dir).sort()).toEqual(["batch-worker-new.js", "batch-worker-new.js.4242.partial", "other.txt"]);
  });

  it("checks exactly as the TypeScript sources run through tsx do", async () => {
    const dir = tempDir();
    for (const [n, v] of [
      ["a.xlsx", 24490.91],
      ["b.xlsx", 24488.41],
      ["c.xlsx", 24490.91],
    ] as const)
      await writeSummaryWorkbook(path.join(dir, n), v);
    const run = async (bundle: string | null) => {
      const out: string[] = [];
      const code = await runBatch(
        parseArgs([dir, "--json", "--jobs", "2", "--quiet"]),
        { out: (t) => out.push(t), err: () => {} },
        { bundle },
      );
      return { code, out: out.join("\n") };
    };
    const bundle = workerBundle();
    // Without a bundle both runs would go through tsx and prove nothing.
    expect(bundle).not.toBeNull();
    const bundled = await run(bundle);
    expect(bundled.code).toBe(1);
    expect(bundled.out).toContain("BAL-SPEND");
    expect(await run(null)).toEqual(bundled);
  });
});
