import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "fs";
import path from "path";
import { fileShown, STATUS, summaryRow } from "../../../src/cli/batch/tables";
import { FileOutcome } from "../../../src/cli/batch/outcome";
import { runCli, tempDir, writeSummaryWorkbook } from "../cli-helpers";

/** A workbook of prose only: nothing in it is a table the checker knows. */
async function writeProseWorkbook(file: string, sheets: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const name of sheets) wb.addWorksheet(name).addRow(["本表为填报说明，请按要求填写各表。"]);
  await wb.xlsx.writeFile(file);
}

/** The 收支总表 of writeSummaryWorkbook plus a prose sheet, in one workbook. */
async function writeMixedWorkbook(file: string): Promise<void> {
  await writeSummaryWorkbook(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.addWorksheet("填报说明").addRow(["本表为填报说明"]);
  await wb.xlsx.writeFile(file);
}

describe("a workbook the checker could not recognise never reads as clean (issue 19)", () => {
  const root = path.join(tempDir(), "收件");
  const out = tempDir();
  let result: { code: number; out: string; err: string };
  let summary: unknown[][];

  beforeAll(async () => {
    mkdirSync(root, { recursive: true });
    await writeSummaryWorkbook(path.join(root, "a-正常.xlsx"));
    await writeProseWorkbook(path.join(root, "b-说明.xlsx"), ["封面", "说明"]);
    await writeMixedWorkbook(path.join(root, "c-混合.xlsx"));
    result = await runCli([root, "--report", path.join(out, "报告.xlsx"), "--csv", path.join(out, "明细.csv"), "--jobs", "1"]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(path.join(out, "报告.xlsx"));
    summary = [];
    report.getWorksheet("汇总")!.eachRow((row) => summary.push((row.values as unknown[]).slice(1)));
  });

  it("gives it 状态 未识别（未检查）, no counts to sort as zero, and names its sheets in 备注", () => {
    const row = summary.find((r) => r[0] === "b-说明.xlsx")!;
    expect(row[2]).toBe("未识别（未检查）");
    // 已检查表数 0; 错误, 疑似 and 提示 left empty, so sorting by 错误 never lists it with the clean ones.
    expect(row[3]).toBe(0);
    expect(row.slice(4, 7)).toEqual([undefined, undefined, undefined]);
    expect(row[7]).toContain("未识别、未检查的工作表：封面、说明");
    expect(row[1]).toBe("未能读出");
  });

  it("names the sheets not understood in a workbook that was otherwise checked", () => {
    const row = summary.find((r) => r[0] === "c-混合.xlsx")!;
    expect(row.slice(2, 4)).toEqual(["已检查", 1]);
    expect(row[7]).toContain("未识别、未检查的工作表：填报说明");
    const clean = summary.find((r) => r[0] === "a-正常.xlsx")!;
    expect(clean.slice(2, 7)).toEqual(["已检查", 1, 0, 0, 0]);
    expect(clean[7]).toBeUndefined();
  });

  it("counts both in the summary line", () => {
    expect(result.out.split("\n")[0]).toBe(
      "总计：检查了 3 个文件；其中 1 个未识别（未检查），1 个有未识别的工作表；错误 0 项，疑似 0 项，提示 0 项",
    );
  });

  it("says so in the text report of the file itself", async () => {
    const one = await runCli([path.join(root, "b-说明.xlsx")]);
    expect(one.out).toContain("未识别（未检查）：没有一张工作表被识别为可检查的预算表");
    expect(one.out).not.toContain("未发现问题");
  });

  it("the CSV has the 明细 header and no row for it", () => {
    const rows: string[][] = parse(readFileSync(path.join(out, "明细.csv")), { bom: true });
    expect(rows[0].slice(0, 2)).toEqual(["文件", "单位"]);
    expect(rows.slice(1).filter((r) => r[0].includes("b-说明"))).toEqual([]);
  });
});

describe("the 汇总 row of one outcome", () => {
  const base = { status: "checked" as const, unit: "某局", skipped: [], notes: [] };

  it("a workbook with no sheet at all (every one hidden, say) is not recognised", () => {
    const o: FileOutcome = { ...base, file: "x.xlsx", result: { sheets: [], findings: [] } };
    expect(summaryRow(o)).toMatchObject({ status: STATUS.unrecognised, error: null, warning: null, info: null });
  });

  it("a sheet only partly understood is named in 备注", () => {
    const o: FileOutcome = {
      ...base,
      file: "y.xlsx",
      result: {
        sheets: [
          { name: "收支总表", kind: "summary" },
          { name: "半表", kind: "summary" },
        ],
        findings: [
          { id: "1", rule: "LAYOUT-UNKNOWN", severity: "warning", sheet: "半表", cell: "A1", related: [], message: "x" },
        ],
      },
    };
    expect(summaryRow(o)).toMatchObject({ status: STATUS.checked, warning: 1, sheets: 2 });
    expect(summaryRow(o).note).toContain("只检查了一部分的工作表：半表");
  });

  it("shows the file's name first and its folder after it", () => {
    expect(fileShown(path.join("乙", "二级", "c.xlsx"))).toBe(`c.xlsx（${path.join("乙", "二级")}）`);
    expect(fileShown("c.xlsx")).toBe("c.xlsx");
  });
});
