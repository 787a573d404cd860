import path from "path";
import { parseArgs } from "../../../src/cli/args";
import { runBatch } from "../../../src/cli/batch/run-batch";
import { tempDir, writeSummaryWorkbook } from "../cli-helpers";

const WORKER = path.join(__dirname, "fault-worker.ts");

describe("a worker that throws, hangs or runs out of memory", () => {
  it("fails that file only; the others are checked, in order, on fresh workers", async () => {
    const dir = tempDir();
    const names = ["1-ok.xlsx", "2-hang.xlsx", "3-ok.xlsx", "4-throw.xlsx", "5-ok.xlsx", "6-oom.xlsx", "7-ok.xlsx"];
    for (const n of names) await writeSummaryWorkbook(path.join(dir, n), n === "5-ok.xlsx" ? 24488.41 : 24490.91);
    const out: string[] = [];
    const err: string[] = [];
    // The limit is generous so that a loaded machine cannot time out the healthy files, nor the
    // worker that is still filling its heap (it took over 8 s with the machine at load 8).
    const code = await runBatch(
      parseArgs([dir, "--json", "--jobs", "2", "--timeout", "20"]),
      { out: (t) => out.push(t), err: (t) => err.push(t) },
      { workerModule: WORKER, memoryMb: 256 },
    );
    expect(code).toBe(2);
    const files = JSON.parse(out.join("\n")).files as {
      file: string;
      error?: { kind: string; message: string };
      findings: { rule: string }[];
    }[];
    expect(files.map((f) => f.file)).toEqual(names);
    const byName = new Map(files.map((f) => [f.file, f]));
    expect(byName.get("2-hang.xlsx")!.error).toEqual({ kind: "unreadable", message: expect.stringContaining("超过 20 秒") });
    expect(byName.get("4-throw.xlsx")!.error).toEqual({ kind: "unreadable", message: expect.stringContaining("注入的崩溃") });
    expect(byName.get("6-oom.xlsx")!.error).toEqual({ kind: "too-large", message: expect.stringContaining("内存不足") });
    for (const ok of ["1-ok.xlsx", "3-ok.xlsx", "5-ok.xlsx", "7-ok.xlsx"]) expect(byName.get(ok)!.error).toBeUndefined();
    expect(byName.get("5-ok.xlsx")!.findings.map((f) => f.rule)).toContain("BAL-SPEND");
    expect(err.filter((l) => /^\[\d\/7\]/.test(l))).toHaveLength(7);
  });
});
