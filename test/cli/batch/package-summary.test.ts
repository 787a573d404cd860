import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync } from "fs";
import path from "path";
import { SUMMARY_COLUMNS } from "../../../src/cli/batch/tables";
import { runCli, tempDir } from "../cli-helpers";

/** The batch report's 汇总 states each package's year, 编制单位 and unit, and says when one is incomplete (issue 20). */
describe("budget-check FOLDER --report: packages in 汇总", () => {
  it("a complete package gets its 年度, 编制单位 and 金额单位; one lacking a table, a 备注 naming it", async () => {
    const dir = tempDir();
    const inbox = path.join(dir, "收件");
    mkdirSync(inbox);
    copyFileSync("test/fixtures/seed001-budget.xlsx", path.join(inbox, "a-完整.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("test/fixtures/seed001-budget.xlsx");
    wb.removeWorksheet(wb.getWorksheet("国有资本经营预算财政拨款支出表")!.id);
    await wb.xlsx.writeFile(path.join(inbox, "b-缺表.xlsx"));

    const report = path.join(dir, "报告.xlsx");
    const { code } = await runCli([inbox, "--report", report, "--quiet", "--jobs", "1"]);
    expect(code).toBe(0);
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(report);
    const rows: unknown[][] = [];
    read.getWorksheet("汇总")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const at = (name: string) => SUMMARY_COLUMNS.indexOf(name as (typeof SUMMARY_COLUMNS)[number]);
    const pick = (r: unknown[]) => ["文件", "疑似", "备注", "年度", "编制单位", "金额单位"].map((c) => r[at(c)] ?? null);
    expect(rows.slice(1).map(pick)).toEqual([
      ["a-完整.xlsx", 0, null, 2025, "秦皇岛市海港区卫生健康局", "万元"],
      ["b-缺表.xlsx", 1, "公开表不全，缺少「国有资本经营预算财政拨款支出表」", 2025, "秦皇岛市海港区卫生健康局", "万元"],
    ]);
    const rules: unknown[][] = [];
    read.getWorksheet("规则统计")!.eachRow((row) => rules.push((row.values as unknown[]).slice(1)));
    // 规则统计's columns as issue 19 gave them: 规则, 规则名称, 严重程度, 说明, 文件数, 问题数.
    expect(rules).toContainEqual(["PKG-MISSING-TABLE", expect.any(String), "疑似", expect.any(String), 1, 1]);
  });
});
