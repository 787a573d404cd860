import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import { digestOf } from "../../../src/cli/batch/digest";
import { FileOutcome } from "../../../src/cli/batch/outcome";
import { writeReportWorkbook } from "../../../src/cli/batch/report-xlsx";
import { isBatchReport } from "../../../src/cli/batch/tables";
import { makeFinding } from "../../../src/core/finding";
import { readWorkbookBytes } from "../../../src/xlsx/read";
import { tempDir } from "../cli-helpers";

const outcome = (file: string, n: number): FileOutcome => ({
  file,
  status: "checked",
  unit: "某局",
  result: {
    sheets: [{ name: "收支总表", kind: "summary" }],
    findings: Array.from({ length: n }, (_, i) =>
      makeFinding({ rule: "BAL-SPEND", sheet: "收支总表", cell: `D${i + 1}`, message: `第 ${i + 1} 处` }),
    ),
  },
  skipped: [],
  notes: [],
});

describe("the batch report's writer", () => {
  it("continues 明细 on 明细 (2), 明细 (3)… past the row limit, each with its header, and knows the result as its own", async () => {
    const out = path.join(tempDir(), "报告.xlsx");
    // 汇总 and 规则统计 from the digests; the outcomes read once, as from a journal on disk, for 明细.
    const files = [outcome("甲.xlsx", 3), outcome("乙.xlsx", 2)];
    let passes = 0;
    const outcomes = function* () {
      passes++;
      yield* files;
    };
    await writeReportWorkbook({ digests: files.map(digestOf), outcomes }, [], out, { detailRowsPerSheet: 2 });
    expect(passes).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "明细", "明细 (2)", "明细 (3)", "规则统计"]);
    const cells = (name: string) => {
      const rows: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const details = ["明细", "明细 (2)", "明细 (3)"].map(cells);
    expect(details.map((d) => d.length)).toEqual([3, 3, 2]);
    expect(details.every((d) => d[0][0] === "文件")).toBe(true);
    expect(details.flatMap((d) => d.slice(1).map((r) => `${r[0]}:${r[3]}`))).toEqual([
      "甲.xlsx:D1",
      "甲.xlsx:D2",
      "甲.xlsx:D3",
      "乙.xlsx:D1",
      "乙.xlsx:D2",
    ]);
    expect(cells("规则统计")[1].slice(4)).toEqual([2, 5]);
    const read = await readWorkbookBytes(readFileSync(out), out, { includeHidden: true });
    expect(isBatchReport(read.snapshots)).toBe(true);
  });
});
