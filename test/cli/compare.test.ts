import ExcelJS from "exceljs";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { DETAIL_COLUMNS, fileShown } from "../../src/cli/batch/tables";
import { runCli, tempDir, writeSangong } from "./cli-helpers";

const dir = tempDir();
const LAST = path.join(dir, "农业农村局2024.xlsx");
const QUIET = path.join(dir, "农业农村局2025.xlsx");
const PLANTED = path.join(dir, "农业农村局2025-有误.xlsx");
const HEADER = ["上年预算数", "本年预算数"];

beforeAll(async () => {
  await writeSangong(LAST, 2024, ["预算数"], [[30], [5], [8], [17]]);
  // Every 上年数 is last year's 预算数; this year's figures move by less than 10 万元.
  await writeSangong(QUIET, 2025, HEADER, [
    [30, 32],
    [5, 5],
    [8, 9],
    [17, 18],
  ]);
  // 接待费's 上年数 is 9, not 8; 公务用车 goes from 17 to 40 (and so does 合计, from 30 to 53).
  await writeSangong(PLANTED, 2025, HEADER, [
    [31, 53],
    [5, 5],
    [9, 8],
    [17, 40],
  ]);
});

interface JsonOut {
  files: {
    file: string;
    findings: { rule: string; severity: string; cell: string; related: string[]; compare?: unknown; message: string }[];
  }[];
}

describe("budget-check THIS --compare LAST", () => {
  it("finds the planted 上年数 mismatch and the large change, naming last year's cell", async () => {
    const r = await runCli([PLANTED, "--compare", LAST, "--json"]);
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.out) as JsonOut).files[0].findings.filter((f) => f.rule.startsWith("YOY-"));
    expect(findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`)).toEqual([
      "YOY-PRIOR B4 warning",
      "YOY-CHANGE C4 info",
      "YOY-PRIOR B6 warning",
      "YOY-CHANGE C7 info",
    ]);
    expect(findings[2].compare).toEqual({ file: LAST, sheet: "三公经费支出表", cell: "B6", value: "8.00" });
    expect(findings[2].related).toEqual(["'[农业农村局2024.xlsx]三公经费支出表'!B6"]);
    expect(findings[3].message).toContain("17.00");
    expect(findings[3].message).toContain("40.00");
    expect(findings[3].message).toContain("需在说明中解释");
    expect(r.err).toContain("与上年文件");
  });

  it("--narrative: a large change the 说明 explains is dropped, one it only restates is kept", async () => {
    const explains = path.join(dir, "说明.txt");
    const restates = path.join(dir, "说明-无原因.txt");
    writeFileSync(explains, "2025年公务用车购置及运行费预算40万元，比上年增加23万元，主要原因是更新执法执勤车辆。\n");
    writeFileSync(restates, "2025年公务用车购置及运行费预算40万元，比上年增加23万元。\n");
    const changes = async (narrative: string) => {
      const r = await runCli([PLANTED, "--compare", LAST, "--narrative", narrative, "--json"]);
      const findings = (JSON.parse(r.out) as JsonOut).files[0].findings;
      return findings.filter((f) => f.rule === "YOY-CHANGE").map((f) => f.cell);
    };
    // 合计's change (30 → 53) is not explained by a sentence about 公务用车: it stays.
    expect(await changes(explains)).toEqual(["C4"]);
    expect(await changes(restates)).toEqual(["C4", "C7"]);
  });

  it("stays quiet on a pair whose 上年数 columns agree and whose changes are small", async () => {
    const r = await runCli([QUIET, "--compare", LAST, "--json"]);
    const findings = (JSON.parse(r.out) as JsonOut).files[0].findings;
    expect(findings.filter((f) => f.rule.startsWith("YOY-"))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("--change-threshold moves YOY-CHANGE's rate; without --compare the file gets no YOY finding", async () => {
    const high = JSON.parse((await runCli([PLANTED, "--compare", LAST, "--json", "--change-threshold", "200"])).out) as JsonOut;
    expect(high.files[0].findings.filter((f) => f.rule === "YOY-CHANGE")).toEqual([]);
    const alone = JSON.parse((await runCli([PLANTED, "--json"])).out) as JsonOut;
    expect(alone.files[0].findings.filter((f) => f.rule.startsWith("YOY-"))).toEqual([]);
  });

  it("the same file sent again is one YOY-SAME-FILE warning, not a finding per cell", async () => {
    const again = path.join(dir, "again.xlsx");
    copyFileSync(QUIET, again);
    const r = await runCli([QUIET, "--compare", again]);
    expect(r.out).toContain("YOY-SAME-FILE");
    expect(r.out).not.toContain("YOY-PRIOR");
  });

  it("text output and --annotate carry the findings; the copy is written, both inputs untouched", async () => {
    const before = [readFileSync(PLANTED), readFileSync(LAST)];
    const out = path.join(tempDir(), "标注.xlsx");
    const r = await runCli([PLANTED, "--compare", LAST, "--annotate", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("YOY-PRIOR");
    expect(r.err).toMatch(/已写出标注副本/);
    expect(existsSync(out)).toBe(true);
    expect([readFileSync(PLANTED), readFileSync(LAST)]).toEqual(before);
  });

  it("--report writes the comparison's findings into 明细", async () => {
    const report = path.join(tempDir(), "报告.xlsx");
    const r = await runCli([PLANTED, "--compare", LAST, "--report", report, "--quiet"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const rules: string[] = [];
    // By header: 明细 gained 单位 and 项目 before 规则 (issue 19).
    const ruleAt = DETAIL_COLUMNS.indexOf("规则") + 1;
    wb.getWorksheet("明细")!.eachRow((row, n) => {
      if (n > 1) rules.push(String(row.getCell(ruleAt).value));
    });
    expect(rules.filter((x) => x.startsWith("YOY-")).sort()).toEqual(["YOY-CHANGE", "YOY-CHANGE", "YOY-PRIOR", "YOY-PRIOR"]);
  });

  it("last year's file missing, or given with several files, is a clear usage problem (exit 2)", async () => {
    const missing = await runCli([PLANTED, "--compare", path.join(dir, "没有.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^上年文件：找不到文件/);
    const two = await runCli([PLANTED, QUIET, "--compare", LAST]);
    expect(two.code).toBe(2);
    expect(two.err).toContain("--compare-dir");
    const bad = await runCli([PLANTED, "--compare", LAST, "--change-threshold", "很多"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--change-threshold");
  });
});

describe("budget-check DIR --compare-dir LAST_DIR", () => {
  const now = path.join(tempDir(), "2025");
  const last = path.join(tempDir(), "2024");
  beforeAll(async () => {
    const { mkdirSync } = await import("fs");
    mkdirSync(now);
    mkdirSync(last);
    // Paired by the unit the tables name, though the file names share nothing.
    copyFileSync(PLANTED, path.join(now, "甲.xlsx"));
    await writeSangong(path.join(last, "乙.xlsx"), 2024, ["预算数"], [[30], [5], [8], [17]], "某某县农业农村局（本级）");
    // Paired by the file name but for its year: its tables name no unit the other folder has.
    await writeSangong(
      path.join(now, "水利局2025.xlsx"),
      2025,
      HEADER,
      [
        [20, 20],
        [5, 5],
        [5, 5],
        [10, 10],
      ],
      "水利",
    );
    await writeSangong(path.join(last, "水利局2024.xlsx"), 2024, ["预算数"], [[21], [5], [5], [10]], "水务");
    // Nobody's partner, on either side.
    await writeSangong(
      path.join(now, "教育局.xlsx"),
      2025,
      HEADER,
      [
        [1, 1],
        [0, 0],
        [1, 1],
        [0, 0],
      ],
      "某某县教育局",
    );
    await writeSangong(path.join(last, "财政局.xlsx"), 2024, ["预算数"], [[1], [0], [1], [0]], "某某县财政局");
  });

  it("pairs by the unit, then by the file name, compares each pair, and lists the unpaired files", async () => {
    const r = await runCli([now, "--compare-dir", last, "--json", "--quiet"]);
    const json = JSON.parse(r.out) as JsonOut & { unpaired: { thisYear: { file: string }[]; lastYear: string[] } };
    const rules = (file: string) =>
      json.files
        .find((f) => f.file === file)!
        .findings.filter((f) => f.rule.startsWith("YOY-"))
        .map((f) => `${f.rule} ${f.cell}`);
    expect(rules("甲.xlsx")).toEqual(["YOY-PRIOR B4", "YOY-CHANGE C4", "YOY-PRIOR B6", "YOY-CHANGE C7"]);
    // 水利局: its 上年数 合计 20 against last year's 21.
    expect(rules("水利局2025.xlsx")).toEqual(["YOY-PRIOR B4"]);
    expect(json.unpaired.thisYear.map((u) => u.file)).toEqual(["教育局.xlsx"]);
    expect(json.unpaired.lastYear).toEqual([path.join(last, "财政局.xlsx")]);

    const text = await runCli([now, "--compare-dir", last, "--quiet"]);
    expect(text.out).toContain("未与上年文件配对的本年文件（1 个）：\n  教育局.xlsx：没有找到同一单位的上年文件");
    expect(text.out).toContain(`没有本年文件与之配对的上年文件（1 个）：\n  ${path.join(last, "财政局.xlsx")}`);
  });

  it("--report notes each file's pairing in 汇总's 备注, through the workers too", async () => {
    const report = path.join(tempDir(), "报告.xlsx");
    const r = await runCli([now, "--compare-dir", last, "--report", report, "--jobs", "2", "--quiet"]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const notes: Record<string, string> = {};
    const status: Record<string, string> = {};
    wb.getWorksheet("汇总")!.eachRow((row, n) => {
      if (n === 1) return;
      notes[String(row.getCell(1).value)] = String(row.getCell(8).value ?? "");
      status[String(row.getCell(1).value)] = String(row.getCell(3).value);
    });
    expect(notes["甲.xlsx"]).toContain("与上年文件");
    expect(notes["甲.xlsx"]).toContain("乙.xlsx");
    expect(notes["教育局.xlsx"]).toContain("没有找到本单位的文件");
    // The unpaired files on both sides, in 状态: this year's marked, last year's a row each (issue 21).
    expect(status["甲.xlsx"]).toBe("已检查");
    expect(status["教育局.xlsx"]).toBe("已检查；未与上年配对");
    const lastYearRows = Object.entries(status).filter(([, s]) => s.startsWith("上年文件"));
    expect(lastYearRows).toEqual([[fileShown(path.join(last, "财政局.xlsx")), "上年文件：没有本年文件与之配对"]]);
    expect(r.out).toContain("未与上年文件配对的本年文件（1 个）");
  });

  it("a --compare-dir that is not a folder is refused (exit 2)", async () => {
    const r = await runCli([now, "--compare-dir", path.join(last, "乙.xlsx"), "--quiet"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--compare-dir 需要上年文件所在的文件夹");
  });
});
