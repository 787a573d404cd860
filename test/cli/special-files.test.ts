import { spawn, execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { copyFileSync, lstatSync, mkdirSync, symlinkSync } from "fs";
import path from "path";
import { fileShown } from "../../src/cli/batch/tables";
import { loadFileBytes } from "../../src/cli/xlsx-errors";
import { WorkbookReadError } from "../../src/xlsx/errors";
import { tempDir } from "./cli-helpers";

const bin = path.resolve(__dirname, "../../bin/budget-check.js");
const sample = path.resolve(__dirname, "../fixtures/seed001-budget.xlsx");

/** Runs the real command, killed after `limitMs` (a hang then shows as `timedOut`, not as a stuck test). */
function runBin(args: string[], limitMs: number): Promise<{ code: number | null; out: string; err: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limitMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut });
    });
  });
}

const fifo = (file: string) => execFileSync("mkfifo", [file]);

describe("special files: read only regular files, never block, never read without limit (issue 18)", () => {
  it("refuses a FIFO named .xlsx at once, in Chinese, without waiting for a writer", async () => {
    const dir = tempDir();
    const pipe = path.join(dir, "管道.xlsx");
    fifo(pipe);
    const r = await runBin([pipe], 20000);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^不是普通文件.*管道\.xlsx$/);
  });

  it("refuses a symlink to /dev/zero without reading from it", async () => {
    const dir = tempDir();
    const zero = path.join(dir, "zero.xlsx");
    symlinkSync("/dev/zero", zero);
    await expect(loadFileBytes(zero)).rejects.toThrow(WorkbookReadError);
    await expect(loadFileBytes(zero)).rejects.toThrow(/不是普通文件/);
    const r = await runBin([zero, "--json"], 20000);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files[0].error.kind).toBe("not-xlsx");
  });

  it("never writes an output over a FIFO, even with --force", async () => {
    const dir = tempDir();
    const pipe = path.join(dir, "out.xlsx");
    fifo(pipe);
    const r = await runBin([sample, "--annotate", pipe, "--force"], 20000);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不是普通文件");
    expect(lstatSync(pipe).isFIFO()).toBe(true);
  });

  it("refuses a directory and a missing file as before", async () => {
    await expect(loadFileBytes(tempDir())).rejects.toThrow(/文件夹/);
    await expect(loadFileBytes(path.join(tempDir(), "none.xlsx"))).rejects.toThrow(/找不到文件/);
  });

  it("a batch with five FIFOs beside good files ends, names the FIFOs, and writes its report", async () => {
    const root = path.join(tempDir(), "inbox");
    mkdirSync(root);
    for (const n of ["a", "b"]) copyFileSync(sample, path.join(root, `${n}.xlsx`));
    for (let i = 1; i <= 5; i++) fifo(path.join(root, `p${i}.xlsx`));
    const named = path.join(tempDir(), "named-pipe.xlsx");
    fifo(named);
    const report = path.join(tempDir(), "报告.xlsx");
    const r = await runBin([root, named, "--report", report, "--jobs", "2", "--timeout", "30"], 60000);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(2); // the FIFO named on the command line could not be read
    expect(r.err).toContain("5 个不是普通文件的项");
    expect(r.out).toContain("已跳过的文件（5 个）：");
    for (let i = 1; i <= 5; i++) expect(r.out).toContain(`  ${path.join(root, `p${i}.xlsx`)}：不是普通文件`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const rows: string[] = [];
    wb.getWorksheet("汇总")!.eachRow((row, n) => n > 1 && rows.push(`${row.getCell(1).value}|${row.getCell(3).value}`));
    expect(rows.filter((r) => r.endsWith("|已检查"))).toHaveLength(2);
    expect(rows.filter((r) => r.includes("|已跳过：不是普通文件"))).toHaveLength(5);
    // 文件 shows the name first, its folder after it.
    expect(rows.find((r) => r.startsWith(fileShown(named)))).toMatch(/\|无法读取：不是普通文件/);
  });
});
