import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { existsSync, readFileSync, rmSync, writeFileSync } from "fs";
import path from "path";
import { DETAIL_COLUMNS, RULE_COLUMNS, SUMMARY_COLUMNS, fileShown } from "../../../src/cli/batch/tables";
import { xlsxToCsvRows } from "../../templates/support/libreoffice";
import { run } from "../../../src/cli/main";
import { runCli, tempDir } from "../cli-helpers";
import { buildInbox } from "./tree";

/** The unit named in the header row that writeSummaryWorkbook writes (its code left off). */
const UNIT = "秦皇岛市海港区卫生健康局";
let root: string;
let checked: string[];
let skipped: string[];
const out = tempDir();

beforeAll(async () => {
  ({ root, checked, skipped } = await buildInbox());
});

const sheetRows = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe("budget-check FOLDER --report --csv", () => {
  let report: ExcelJS.Workbook;
  let json: {
    version: number;
    files: { file: string; error?: { kind: string; message: string }; sheets: unknown[]; findings: Record<string, unknown>[] }[];
  };
  let result: { code: number; out: string; err: string };

  beforeAll(async () => {
    result = await runCli([root, "--report", path.join(out, "报告.xlsx"), "--csv", path.join(out, "明细.csv"), "--jobs", "2"]);
    report = new ExcelJS.Workbook();
    await report.xlsx.readFile(path.join(out, "报告.xlsx"));
    json = JSON.parse((await runCli([root, "--json", "--jobs", "2", "--quiet"])).out);
  });

  it("checks the nested workbooks, .xls too, in path order and skips lock files, annotated copies and hidden folders", () => {
    expect(json.files.map((f) => f.file)).toEqual(checked);
    expect(result.err).toContain("1 个 Excel 临时文件");
    expect(result.err).toContain("1 个本工具写出的标注副本");
    expect(result.err).not.toContain("旧版 .xls");
  });

  it("exits 2 when a file could not be read, and lists failed files as the error entries", () => {
    expect(result.code).toBe(2);
    const failedOnes = json.files.filter((f) => f.error);
    expect(failedOnes.map((f) => [f.file, f.error!.kind])).toEqual([
      [checked[1], "encrypted"],
      [checked[2], "corrupt"],
      [checked[7], "not-xlsx"],
    ]);
    for (const f of failedOnes) {
      expect(Object.keys(f)).toEqual(["file", "error", "sheets", "findings"]);
      expect(Object.keys(f.error!)).toEqual(["kind", "message"]);
      expect(f.sheets).toEqual([]);
      expect(f.findings).toEqual([]);
    }
  });

  it("prints the summary: files checked and failed, findings by severity, the files with most errors", () => {
    expect(result.out.split("\n")[0]).toBe("总计：检查了 5 个文件，3 个未能检查；错误 3 项，疑似 0 项，提示 0 项");
    expect(result.out).toContain(`未能检查的文件：\n  工作簿设有打开密码`);
    const worst = result.out.split("\n").filter((l) => /^\s+\d\. /.test(l));
    expect(worst).toEqual([
      `  1. ${checked[3]}（${UNIT}）：错误 1 项，疑似 0 项，提示 0 项`,
      `  2. ${checked[4]}（${UNIT}）：错误 1 项，疑似 0 项，提示 0 项`,
      `  3. ${checked[6]}（${UNIT}）：错误 1 项，疑似 0 项，提示 0 项`,
    ]);
    expect(result.out).toContain(`已跳过的文件（1 个）：\n  ${skipped[0]}：本工具的标注副本`);
    expect(result.out).not.toContain("【收支总表】");
  });

  it("writes 汇总 with a row per file, failed ones too, an autofilter and a frozen header", () => {
    expect(report.worksheets.map((w) => w.name)).toEqual(["汇总", "明细", "规则统计"]);
    const ws = report.getWorksheet("汇总")!;
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual([...SUMMARY_COLUMNS]);
    // The file's name first, its folder after it, so a narrow or printed column still names it.
    expect(rows.slice(1).map((r) => r[0])).toEqual([...checked, ...skipped].map(fileShown));
    expect(rows[2][0]).toBe("加密.xlsx（丙）");
    expect(rows[1]).toEqual([checked[0], UNIT, "已检查", 1, 0, 0, 0, undefined, 2025, UNIT, "万元"]);
    // No unit: an empty cell (the streaming writer writes no empty strings).
    expect(rows[checked.length + 1]).toEqual([fileShown(skipped[0]), undefined, "已跳过：本工具的标注副本"]);
    expect(rows[2][2]).toMatch(/^无法读取：工作簿设有打开密码/);
    // A file that could not be read has no unit to show, and says so.
    expect(rows[2]).toEqual([fileShown(checked[1]), "未能读出", expect.stringMatching(/^无法读取/)]);
    expect(rows[3][2]).toMatch(/^无法读取：工作簿已损坏/);
    expect(rows[4].slice(3, 7)).toEqual([1, 1, 0, 0]);
    for (const name of ["汇总", "明细", "规则统计"]) {
      const sheet = report.getWorksheet(name)!;
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
      // Printable: landscape, fitted to the page width, the header row on every page, borders, a bold header.
      expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow).toBe("1:1");
      expect(sheet.getCell("A1").font?.bold).toBe(true);
      expect(sheet.getCell("A2").border?.bottom?.style).toBe("thin");
    }
    // 文件 is as wide as the longest name shown in it.
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(Math.max(...[...checked, ...skipped].map((f) => fileShown(f).length)));
    expect(ws.autoFilter).toBe(`A1:K${checked.length + skipped.length + 1}`);
  });

  it("writes a report LibreOffice opens, its 汇总 as written", () => {
    const [rows] = xlsxToCsvRows([{ name: "report.xlsx", bytes: readFileSync(path.join(out, "报告.xlsx")) }]);
    expect(rows[0]).toEqual([...SUMMARY_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual([...checked, ...skipped].map(fileShown));
    expect(rows[4].slice(2, 7)).toEqual(["已检查", "1", "1", "0", "0"]);
  });

  it("writes 明细 with one row per finding, amounts as numbers showing two decimals", () => {
    const ws = report.getWorksheet("明细")!;
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual([...DETAIL_COLUMNS]);
    const findings = json.files.flatMap((f) => f.findings.map((x) => ({ file: f.file, ...x })));
    expect(rows).toHaveLength(findings.length + 1);
    const bal = rows.find((r) => r[0] === fileShown(checked[3]) && r[5] === "BAL-SPEND")!;
    expect(bal).toEqual([
      fileShown(checked[3]),
      UNIT,
      "收支总表",
      "D8",
      undefined, // 项目: only indicator findings have one
      "BAL-SPEND",
      "本年支出合计应等于各项支出之和",
      "错误",
      expect.stringContaining("本年支出合计"),
      24490.91,
      24488.41,
      -2.5,
    ]);
    const row = rows.indexOf(bal) + 1;
    expect(ws.getCell(row, 10).numFmt).toBe("#,##0.00");
    expect(ws.getCell(row, 12).numFmt).toBe("#,##0.00");
    expect(ws.autoFilter).toBe(`A1:L${rows.length}`);
  });

  it("writes 规则统计 most frequent first", () => {
    const rows = sheetRows(report.getWorksheet("规则统计")!);
    expect(rows[0]).toEqual([...RULE_COLUMNS]);
    const body = rows.slice(1) as [string, string, string, string, number, number][];
    expect(body.find((r) => r[0] === "BAL-SPEND")).toEqual([
      "BAL-SPEND",
      "本年支出合计应等于各项支出之和",
      "错误",
      expect.stringContaining("本年支出合计"),
      3,
      3,
    ]);
    const counts = body.map((r) => r[5]);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.reduce((n, r) => n + r[5], 0)).toBe(rows.length > 1 ? sheetRows(report.getWorksheet("明细")!).length - 1 : 0);
  });

  it("writes the 明细 rows as UTF-8 CSV with a BOM that a CSV parser reads back", () => {
    const bytes = readFileSync(path.join(out, "明细.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("\r\n");
    const rows: string[][] = parse(bytes, { bom: true, relax_column_count: false });
    expect(rows[0]).toEqual([...DETAIL_COLUMNS]);
    // The same rows as the sheet; 文件 is the path, as a script reading the CSV wants it.
    const fromSheet = sheetRows(report.getWorksheet("明细")!).slice(1);
    const texts = (r: unknown[]) => Array.from(r.slice(0, 9), (v) => (v === undefined ? "" : v));
    expect(rows.slice(1).map((r) => [fileShown(r[0]), ...r.slice(1, 9)])).toEqual(fromSheet.map(texts));
    const bal = rows.find((r) => r[0] === checked[3] && r[5] === "BAL-SPEND")!;
    expect(bal.slice(9)).toEqual(["24490.91", "24488.41", "-2.50"]);
  });

  it("gives byte-identical --json with --jobs 1 and --jobs 3", async () => {
    const one = await runCli([root, "--json", "--jobs", "1", "--quiet"]);
    const three = await runCli([root, "--json", "--jobs", "3", "--quiet"]);
    expect(one.out).toBe(three.out);
    expect(one.out.length).toBeGreaterThan(1000);
    expect(one.err).toBe("");
  });

  it("prints today's per-file text without --report, then the summary, and a progress line per file", async () => {
    const r = await runCli([root, "--jobs", "2"]);
    const sections = r.out.split("\n").filter((l) => l.startsWith("文件："));
    expect(sections).toEqual(checked.map((f) => `文件：${f}`));
    expect(r.out).toContain("【收支总表】");
    const lines = r.out.split("\n");
    expect(lines.findIndex((l) => l.startsWith("总计："))).toBeGreaterThan(
      lines.map((l) => l.startsWith("文件：")).lastIndexOf(true),
    );
    const progress = r.err.split("\n").filter((l) => /^\[\d+\/8\] /.test(l));
    expect(progress).toHaveLength(8);
  });

  it("--quiet silences progress, but the summary still names every file passed by", async () => {
    const r = await runCli([root, "--quiet", "--report", path.join(out, "安静.xlsx")]);
    expect(r.err).toBe("");
    expect(r.out).toContain(`已跳过的文件（1 个）：\n  ${skipped[0]}：本工具的标注副本`);
    expect(existsSync(path.join(out, "安静.xlsx"))).toBe(true);
  });

  it("refuses to replace an existing report or CSV without --force", async () => {
    const target = path.join(out, "已有.csv");
    writeFileSync(target, "旧内容");
    const refused = await runCli([root, "--csv", target, "--quiet"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--force");
    expect(readFileSync(target, "utf8")).toBe("旧内容");
    const forced = await runCli([root, "--csv", target, "--quiet", "--force"]);
    expect(forced.code).toBe(2); // the inbox's encrypted and corrupt files
    expect(readFileSync(target, "utf8")).toContain("文件,单位,工作表");
    expect((await runCli([root, "--report", path.join(out, "x.csv")])).err).toContain(".xlsx");
    expect((await runCli([root, "--csv", path.join(out, "x.xlsx")])).err).toContain(".csv");
  });

  it("never reads the report it writes into the folder, and checks an earlier run's report like any workbook", async () => {
    const inside = path.join(root, "汇总报告.xlsx");
    const first = await runCli([root, "--report", inside, "--json", "--quiet"]);
    expect(JSON.parse(first.out).files.map((f: { file: string }) => f.file)).toEqual(checked);
    const again = await runCli([root, "--report", inside, "--json", "--quiet", "--force"]);
    expect(JSON.parse(again.out).files.map((f: { file: string }) => f.file)).toEqual(checked);
    expect(JSON.parse(again.out).skipped).toContainEqual({ file: "汇总报告.xlsx", reason: "own-report" });
    // Not this run's output: only files this run writes, or named *-已标注.xlsx, are passed by (issue 18).
    const later = await runCli([root, "--json", "--quiet"]);
    expect(JSON.parse(later.out).files.map((f: { file: string }) => f.file)).toEqual([...checked, "汇总报告.xlsx"]);
    rmSync(inside);
  });

  it("resolves relative PATHs and outputs against the user's folder, and names files from the PATH as typed", async () => {
    const lines: string[] = [];
    const code = await run(["收件", path.join("收件", "乙"), "--json", "--quiet", "--csv", "相对.csv"], {
      out: (t) => lines.push(t),
      err: () => undefined,
      cwd: path.dirname(root),
    });
    expect(code).toBe(2);
    const files = JSON.parse(lines.join("\n")).files.map((f: { file: string }) => f.file);
    expect(files).toEqual(checked.map((f) => path.join("收件", f)));
    expect(existsSync(path.join(path.dirname(root), "相对.csv"))).toBe(true);
  });

  it("says so when a folder holds no workbook", async () => {
    const empty = tempDir();
    const r = await runCli([empty]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有找到");
  });
});
