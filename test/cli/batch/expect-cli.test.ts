import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, writeFileSync } from "fs";
import path from "path";
import { runCli, tempDir, writeSangong } from "../cli-helpers";

/** A province's inbox against its list: one unit twice, one with last year's file, one not listed, one silent. */
const root = path.join(tempDir(), "收件");
const out = tempDir();
const LIST = path.join(out, "名单.csv");
const FIG = [[1], [0], [1], [0]];

beforeAll(async () => {
  mkdirSync(root);
  await writeSangong(path.join(root, "a.xlsx"), 2025, ["预算数"], FIG, "某某县农业农村局");
  copyFileSync(path.join(root, "a.xlsx"), path.join(root, "a-再次.xlsx"));
  await writeSangong(path.join(root, "b.xlsx"), 2024, ["预算数"], FIG, "某某县水利局（本级）");
  await writeSangong(path.join(root, "c.xlsx"), 2025, ["预算数"], FIG, "某某县财政局");
  await writeSangong(path.join(root, "d.xlsx"), 2025, ["预算数"], FIG, "某某县教育局");
  // A title row above the header (GB18030 lists are covered by expect-match.test.ts's csvRows cases).
  const text =
    "2025年应报单位\n单位名称,单位编码\n某某县农业农村局,101\n某某县水利局,102\n某某县教育局,103\n某某县文化和旅游局,104\n";
  writeFileSync(LIST, text, "utf8");
});

describe("budget-check DIR --report OUT --expect UNITS", () => {
  it("marks duplicates, the wrong year and off-list files, adds 未收到 rows, and counts them all", async () => {
    const report = path.join(out, "报告.xlsx");
    const r = await runCli([root, "--report", report, "--expect", LIST, "--quiet"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "单位名单：应报 4 个单位，未收到 1 个；重复 2 个文件，年度不符 1 个，名单外 1 个，对应单位不明 0 个（本批年度 2025）",
    );
    expect(r.out).toContain("未收到（1 个单位）：\n  某某县文化和旅游局（104）");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const status: Record<string, string> = {};
    wb.getWorksheet("汇总")!.eachRow((row, n) => {
      if (n > 1) status[String(row.getCell(1).value ?? "") || String(row.getCell(2).value)] = String(row.getCell(3).value);
    });
    expect(status).toEqual({
      "a-再次.xlsx": "已检查；重复",
      "a.xlsx": "已检查；重复",
      "b.xlsx": "已检查；年度不符",
      "c.xlsx": "已检查；名单外",
      "d.xlsx": "已检查",
      某某县文化和旅游局: "未收到",
    });
  });

  it("--year sets the batch's year; a list without a 单位名称 column is refused (exit 2)", async () => {
    const r = await runCli([root, "--expect", LIST, "--year", "2024", "--quiet"]);
    expect(r.out).toContain("年度不符 4 个");
    const bad = path.join(out, "坏名单.csv");
    writeFileSync(bad, "名字\n甲\n");
    const refused = await runCli([root, "--expect", bad, "--quiet"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("找不到「单位名称」列");
  });

  it("reads the list from a workbook too", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.addRow(["单位名称"]);
    ws.addRow(["某某县农业农村局"]);
    const list = path.join(out, "名单.xlsx");
    await wb.xlsx.writeFile(list);
    const r = await runCli([root, "--expect", list, "--quiet"]);
    expect(r.out).toContain("单位名单：应报 1 个单位，未收到 0 个；重复 2 个文件，年度不符 1 个，名单外 3 个");
  });
});
