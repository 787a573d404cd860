import { spawnSync } from "child_process";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { fileShown } from "../../src/cli/batch/tables";
import { runCli, tempDir, writeSummaryWorkbook } from "./cli-helpers";

const bin = path.resolve(__dirname, "../../bin/budget-check.js");
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A folder with two departments' workbooks, one of them named like a report, in a subfolder. */
async function inbox(): Promise<{ root: string; named: string; other: string }> {
  const root = path.join(tempDir(), "inbox");
  mkdirSync(path.join(root, "sub"), { recursive: true });
  const other = path.join(root, "a.xlsx");
  const named = path.join(root, "sub", "汇总.xlsx");
  await writeSummaryWorkbook(other);
  await writeSummaryWorkbook(named, 24488.41);
  return { root, named, other };
}

describe("--report and --csv never replace a file the run reads (issue 18)", () => {
  it.each([[[]], [["--force"]]])("refuses a department's workbook that the walk finds, %j", async (extra) => {
    const { root, named } = await inbox();
    const before = sha(named);
    const r = await runCli([root, "--report", named, "--quiet", ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/要检查的文件|原文件不能被覆盖/);
    expect(sha(named)).toBe(before);
  });

  it("refuses a file the walk passes by, such as a returned annotated copy, with --force", async () => {
    const { root } = await inbox();
    const copy = path.join(root, "sub", "a-已标注.xlsx");
    await writeSummaryWorkbook(copy);
    const before = sha(copy);
    const r = await runCli([root, "--report", copy, "--quiet", "--force"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不能覆盖");
    expect(sha(copy)).toBe(before);
  });

  it("refuses a file named on the command line, with --force, for --report and --csv", async () => {
    const { root, named, other } = await inbox();
    const text = path.join(root, "notes.csv");
    writeFileSync(text, "部门自己的表格");
    for (const args of [
      [other, named, "--report", named, "--force"],
      [other, text, "--csv", text, "--force"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain("原文件不能被覆盖");
    }
    expect(readFileSync(text, "utf8")).toBe("部门自己的表格");
  });

  it("replaces its own earlier report at the same path with --force, and lists it as skipped", async () => {
    const { root } = await inbox();
    const target = path.join(root, "sub", "报告.xlsx");
    expect((await runCli([root, "--report", target, "--quiet"])).code).toBe(1);
    const again = await runCli([root, "--report", target, "--quiet", "--force", "--json"]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.out).files.map((f: { file: string }) => f.file)).toEqual(["a.xlsx", path.join("sub", "汇总.xlsx")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const statuses: string[] = [];
    wb.getWorksheet("汇总")!.eachRow((row) => statuses.push(`${row.getCell(1).value}|${row.getCell(3).value}`));
    expect(statuses).toContain(`${fileShown(path.join("sub", "报告.xlsx"))}|已跳过：本次写出的报告`);
  });
});

describe("--template --out F --force writes through a temporary file (issue 18)", () => {
  it("leaves the old file intact when the write fails part-way (a file-size limit stands in for a full disk)", () => {
    const dir = tempDir();
    const out = path.join(dir, "模板.xlsx");
    const first = spawnSync(process.execPath, [bin, "--template", "all", "--out", out], { encoding: "utf8" });
    expect(first.status).toBe(0);
    const before = sha(out);
    // ulimit -f is in 1 KB blocks; the template is about 12 KB, so the write stops part-way with EFBIG.
    const r = spawnSync(
      "bash",
      ["-c", `ulimit -f 4; exec "${process.execPath}" "${bin}" --template all --out "${out}" --force`],
      {
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^无法写入 .*模板\.xlsx：/m);
    expect(sha(out)).toBe(before);
    expect(readdirSync(dir)).toEqual(["模板.xlsx"]);
  });

  it("still replaces the file with --force when the write succeeds", async () => {
    const dir = tempDir();
    const out = path.join(dir, "t.xlsx");
    copyFileSync(path.resolve(__dirname, "../fixtures/seed001-budget.xlsx"), out);
    const r = await runCli(["--template", "收支总表", "--out", out, "--force"]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir)).toEqual(["t.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["收支总表"]);
  });
});
