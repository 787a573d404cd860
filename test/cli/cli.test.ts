import { spawnSync } from "child_process";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import path from "path";
import { runCli, tempDir, writeSummaryWorkbook } from "./cli-helpers";
import { marksOf } from "../xlsx/support/copy-reader";

const dir = tempDir();
const clean = path.join(dir, "clean.xlsx");
const broken = path.join(dir, "broken.xlsx");

beforeAll(async () => {
  await writeSummaryWorkbook(clean);
  await writeSummaryWorkbook(broken, 24488.41);
});

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("budget-check command line", () => {
  it("exits 0 on a consistent workbook and prints a summary line", async () => {
    const r = await runCli([clean]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("【收支总表】");
    expect(r.out).toMatch(/小计：错误 0 项/);
  });

  it("exits 1 when an error-severity finding exists, and names the cell", async () => {
    const r = await runCli([broken]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("BAL-SPEND");
    expect(r.out).toContain("D8");
    // 应为, like every other output, and amounts with thousands separators (issue 19).
    expect(r.out).toContain("（应为 24,490.91，实际 24,488.41）");
    expect(r.out).not.toContain("预期");
  });

  it("writes the sentence's figures as the card line does, with thousands separators, in text and JSON (issue 19)", async () => {
    // The cells are formatted 0.00: the sentence keeps their decimals and adds the separators.
    const sentence = "本年支出合计 24,488.41 与各项支出之和 24,490.91 不一致，相差 −2.50（万元）";
    expect((await runCli([broken])).out).toContain(sentence);
    const json = JSON.parse((await runCli([broken, "--json"])).out);
    expect(json.files[0].findings.find((f: { rule: string }) => f.rule === "BAL-SPEND").message).toContain(sentence);
  });

  it("on the sample: a ceiling reads 上限/填报, never 应为; a quoted cell keeps no stray space (issue 19)", async () => {
    const r = await runCli([path.join(__dirname, "../../samples/示例预算表.xlsx")]);
    const cost = r.out.split("\n").find((l) => l.includes("IND-COST-BUDGET"))!;
    expect(cost).toContain("（上限 4.00，填报 40.00）");
    expect(cost).not.toContain("应为");
    // The cell holds 「维持基层医务工作者 的稳定」: the space is a typing slip, trimmed when quoted.
    expect(r.out).toContain("「维持基层医务工作者的稳定」");
    expect(r.out).not.toMatch(/合计（合计）/);
  });

  it("says 未发现问题 once for a clean workbook, whatever its sheets; a batch once per clean file (issue 19)", async () => {
    const folder = path.join(dir, "clean-batch");
    mkdirSync(folder, { recursive: true });
    const twoSheets = path.join(folder, "两张表.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(clean);
    const copy = wb.addWorksheet("收支总表（调整）");
    wb.getWorksheet("收支总表")!.eachRow((row, r) => (copy.getRow(r).values = row.values));
    await wb.xlsx.writeFile(twoSheets);
    const one = await runCli([twoSheets]);
    expect(one.code).toBe(0);
    expect(one.out).toContain("【收支总表（调整）】");
    expect(one.out.match(/未发现问题/g)).toHaveLength(1);
    writeFileSync(path.join(folder, "一张表.xlsx"), readFileSync(clean));
    const batch = await runCli([folder]);
    expect(batch.code).toBe(0);
    expect(batch.out.match(/未发现问题/g)).toHaveLength(2);
    // A workbook with findings never says it.
    expect((await runCli([broken])).out).not.toContain("未发现问题");
  });

  it("prints exactly the v1 JSON shape with --json", async () => {
    const r = await runCli([broken, "--json"]);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(["version", "files"]);
    expect(report.version).toBe(1);
    const file = report.files[0];
    expect(Object.keys(file)).toEqual(["file", "sheets", "findings"]);
    expect(file.sheets).toEqual([{ name: "收支总表", kind: "summary" }]);
    const bal = file.findings.find((f: { rule: string }) => f.rule === "BAL-SPEND");
    expect(bal).toMatchObject({
      severity: "error",
      sheet: "收支总表",
      cell: "D8",
      expected: "24490.91",
      actual: "24488.41",
      difference: "-2.50",
    });
    // Its items, then the 支出总计 it throws off too (one wrong figure, one finding).
    expect(bal.related).toEqual(["D5", "D6", "D7", "D10"]);
    for (const f of file.findings) {
      expect(Object.keys(f).slice(0, 6)).toEqual(["rule", "severity", "sheet", "cell", "related", "message"]);
      if (!("expected" in f)) expect(f).not.toHaveProperty("actual");
    }
  });

  it("applies --tolerance to the rounding band", async () => {
    const loose = await runCli([broken, "--tolerance", "3", "--json"]);
    const bal = JSON.parse(loose.out).files[0].findings.find((f: { rule: string }) => f.rule === "BAL-SPEND");
    expect(bal.severity).toBe("info");
    expect(loose.code).toBe(0);
  });

  it("exits 2 with one line for a missing file, a non-xlsx file, a corrupt file and an encrypted file", async () => {
    const text = path.join(dir, "notes.xlsx");
    writeFileSync(text, "这不是工作簿");
    const corrupt = path.join(dir, "corrupt.xlsx");
    writeFileSync(corrupt, readFileSync(clean).subarray(0, 400));
    const encrypted = path.join(dir, "encrypted.xlsx");
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from("EncryptedPackage", "utf16le").copy(ole, 600);
    writeFileSync(encrypted, ole);
    for (const [file, word] of [
      [path.join(dir, "nope.xlsx"), "找不到"],
      [text, "不是"],
      [corrupt, "损坏"],
      [encrypted, "密码"],
    ]) {
      const r = await runCli([file]);
      expect(r.code).toBe(2);
      expect(r.err.split("\n")).toHaveLength(1);
      expect(r.err).toContain(word);
      expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  it("exits 2 on bad usage", async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli([clean, "--tolerance", "abc"])).code).toBe(2);
    expect((await runCli([clean, broken, "--annotate", path.join(dir, "x.xlsx")])).code).toBe(2);
    expect((await runCli(["--bogus"])).code).toBe(2);
  });

  it("--annotate writes a marked copy and leaves the input byte-identical", async () => {
    const before = sha(broken);
    const out = path.join(dir, "annotated.xlsx");
    const r = await runCli([broken, "--annotate", out]);
    expect(r.code).toBe(1);
    expect(sha(broken)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cell = wb.getWorksheet("收支总表")!.getCell("D8");
    expect(JSON.stringify(cell.note)).toContain("BAL-SPEND");
    // A mark is a conditional format with the add-in's marker formula, never the cell's own fill.
    expect(cell.fill).toEqual({ type: "pattern", pattern: "none" });
    expect((await marksOf(readFileSync(out))).get("收支总表")!.get("D8")).toBe("error");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["收支总表", "检查结果"]);
  });

  it("--annotate colours only the flagged cells, each by its worst severity, on a real workbook", async () => {
    const sample = "samples/示例预算表.xlsx";
    const out = path.join(dir, "sample-annotated.xlsx");
    const json = JSON.parse((await runCli([sample, "--json"])).out);
    await runCli([sample, "--annotate", out]);
    const worst = new Map<string, string>();
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    for (const f of json.files[0].findings) {
      const key = `${f.sheet}!${f.cell}`;
      if (!worst.has(key) || rank[f.severity] < rank[worst.get(key)!]) worst.set(key, f.severity);
    }
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(sample);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(out);
    let checked = 0;
    before.eachSheet((ws) => {
      const annotated = after.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const key = `${ws.name}!${cell.address}`;
          const got = annotated.getCell(r, c);
          expect([key, got.fill, got.font, got.border]).toEqual([key, cell.fill, cell.font, cell.border]);
          checked++;
        }),
      );
    });
    expect(checked).toBeGreaterThan(500);
    const marks = await marksOf(readFileSync(out));
    for (const ws of before.worksheets) {
      const want = Object.fromEntries(
        [...worst].filter(([k]) => k.startsWith(`${ws.name}!`)).map(([k, v]) => [k.slice(ws.name.length + 1), v]),
      );
      expect(Object.fromEntries(marks.get(ws.name)!)).toEqual(want);
    }
  });

  it("never writes over the input, even through a symlink", async () => {
    const before = sha(broken);
    const link = path.join(dir, "link.xlsx");
    symlinkSync(broken, link);
    const r = await runCli([broken, "--annotate", link]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("原文件");
    expect(sha(broken)).toBe(before);
  });

  it("refuses an output that is a folder, in Chinese with exit 2", async () => {
    for (const args of [
      [clean, "--annotate", dir + "/sub.xlsx"],
      ["--template", "all", "--out", dir + "/sub.xlsx"],
    ]) {
      mkdirSync(dir + "/sub.xlsx", { recursive: true });
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain("文件夹");
    }
  });

  it("--template does not replace an existing file unless --force", async () => {
    const victim = path.join(dir, "victim.xlsx");
    writeFileSync(victim, readFileSync(clean));
    const before = sha(victim);
    const refused = await runCli(["--template", "all", "--out", victim]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("已存在");
    expect(sha(victim)).toBe(before);
    const forced = await runCli(["--template", "all", "--out", victim, "--force"]);
    expect(forced.code).toBe(0);
    expect(sha(victim)).not.toBe(before);
  });

  it("refuses to annotate over its own input", async () => {
    const before = sha(broken);
    const r = await runCli([broken, "--annotate", broken]);
    expect(r.code).toBe(2);
    expect(sha(broken)).toBe(before);
  });

  it("the installed binary keeps stdout pure JSON and sets the exit code", () => {
    const bin = path.resolve("bin/budget-check.js");
    const r = spawnSync(process.execPath, [bin, broken, "--json"], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    const missing = spawnSync(process.execPath, [bin, path.join(dir, "missing.xlsx")], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
  });
});
