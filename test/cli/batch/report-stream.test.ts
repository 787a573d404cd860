import ExcelJS from "exceljs";
import path from "path";
import { checkFile } from "../../../src/cli/batch/check-file";
import { writeReportWorkbook } from "../../../src/cli/batch/report-xlsx";
import { DETAIL_COLUMNS, detailRows } from "../../../src/cli/batch/tables";
import { tempDir } from "../cli-helpers";

const SAMPLE = path.resolve(__dirname, "../../../samples/示例预算表.xlsx");

describe("the streamed batch report", () => {
  it("continues 明细 on 明细 (2), (3)… past the rows per sheet, every finding once, each sheet with its header", async () => {
    const outcomes = await Promise.all(["一.xlsx", "二.xlsx"].map((file) => checkFile({ path: SAMPLE, file, found: false })));
    const findings = outcomes.flatMap((o) => (o.status === "checked" ? o.result.findings : []));
    expect(findings.length).toBeGreaterThan(7);
    const out = path.join(tempDir(), "报告.xlsx");
    await writeReportWorkbook(outcomes, [], out, { detailRowsPerSheet: 4 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const details = wb.worksheets.filter((w) => w.name.startsWith("明细"));
    const sheets = Math.ceil(findings.length / 4);
    expect(details.map((w) => w.name)).toEqual(["明细", ...Array.from({ length: sheets - 1 }, (_, i) => `明细 (${i + 2})`)]);
    // Columns by header: 明细 gained 单位, 项目 and 规则名称 (issue 19).
    const [cellAt, ruleAt] = ["单元格", "规则"].map((h) => DETAIL_COLUMNS.indexOf(h) + 1);
    const rows = details.flatMap((w) => {
      const got: string[] = [];
      w.eachRow((row, n) => {
        if (n === 1) expect(row.getCell(1).value).toBe("文件");
        else got.push(`${row.getCell(1).value} ${row.getCell(cellAt).value} ${row.getCell(ruleAt).value}`);
      });
      expect(w.autoFilter).toBeTruthy();
      return got;
    });
    // Each file's findings in 明细's order (most severe first), files in report order.
    expect(rows).toEqual(outcomes.flatMap((o) => detailRows(o).map((r) => `${o.file} ${r.cell} ${r.rule}`)));
    expect(rows).toHaveLength(findings.length);
    expect(wb.worksheets.map((w) => w.name)[0]).toBe("汇总");
    expect(wb.worksheets.map((w) => w.name).at(-1)).toBe("规则统计");
  });
});
