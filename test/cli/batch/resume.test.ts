import { spawn } from "child_process";
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "fs";
import path from "path";
import { runCli, tempDir } from "../cli-helpers";

const BIN = path.resolve(__dirname, "../../../bin/budget-check.js");
const SAMPLE = path.resolve(__dirname, "../../../samples/示例预算表.xlsx");
const WRONG = path.resolve(__dirname, "../../fixtures/planted/wrong-item.xlsx");
const root = path.join(tempDir(), "收件");
const FILES = 24;

beforeAll(() => {
  mkdirSync(root);
  for (let i = 0; i < FILES; i++) copyFileSync(i % 3 ? SAMPLE : WRONG, path.join(root, `单位${String(i).padStart(2, "0")}.xlsx`));
});

/** Every sheet's cells as text: two reports are the same report whatever their zip timestamps. */
async function contents(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => {
    const rows = [w.name];
    w.eachRow((row) => rows.push(JSON.stringify(row.values)));
    return rows;
  });
}

/** Runs the real command and kills it (SIGKILL) once its journal holds `after` files. */
function runUntilKilled(args: string[], journal: string, after: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: "ignore" });
    const timer = setInterval(() => {
      if (!existsSync(journal)) return;
      const lines = readFileSync(journal, "utf8").split("\n").filter(Boolean).length - 1;
      if (lines >= after) child.kill("SIGKILL");
    }, 20);
    child.on("exit", () => {
      clearInterval(timer);
      resolve();
    });
  });
}

describe("--report's journal and --resume", () => {
  it("a killed run leaves no report but a journal; --resume finishes it into the uninterrupted run's report", async () => {
    const out = tempDir();
    const whole = path.join(out, "一次完成.xlsx");
    expect((await runCli([root, "--report", whole, "--quiet", "--jobs", "1"])).code).toBe(1);
    expect(existsSync(whole + ".journal")).toBe(false);

    const report = path.join(out, "中断.xlsx");
    await runUntilKilled([root, "--report", report, "--quiet", "--jobs", "1"], report + ".journal", 5);
    expect(existsSync(report)).toBe(false);
    const kept =
      readFileSync(report + ".journal", "utf8")
        .split("\n")
        .filter(Boolean).length - 1;
    expect(kept).toBeGreaterThanOrEqual(5);
    expect(kept).toBeLessThan(FILES);

    const resumed = await runCli([root, "--report", report, "--resume", "--jobs", "1"]);
    expect(resumed.err).toContain(`接着上次的检查：已完成 ${kept} 个文件，还有 ${FILES - kept} 个`);
    expect(resumed.code).toBe(1);
    expect(existsSync(report + ".journal")).toBe(false);
    expect(await contents(report)).toEqual(await contents(whole));
  }, 120_000);

  it("--resume without a journal, or with another command's, is refused (exit 2)", async () => {
    const report = path.join(tempDir(), "报告.xlsx");
    const none = await runCli([root, "--report", report, "--resume"]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("找不到上次运行的日志");
    await runUntilKilled([root, "--report", report, "--quiet", "--jobs", "1"], report + ".journal", 1);
    const other = await runCli([root, "--report", report, "--resume", "--tolerance", "5"]);
    expect(other.code).toBe(2);
    expect(other.err).toContain("与本次命令不同");
    expect((await runCli(["x.xlsx", "--resume"])).err).toContain("--resume 需要与上次相同的 --report");
  }, 120_000);
});
