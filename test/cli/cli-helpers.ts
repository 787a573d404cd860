import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import os from "os";
import path from "path";
import { run } from "../../src/cli/main";

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "budget-check-"));
}

/** A small 收支总表 in the seed-001 layout; `spendTotal` lets a test break BAL-SPEND. */
export async function writeSummaryWorkbook(file: string, spendTotal = 24490.91): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("收支总表");
  ws.addRow(["部门预算收支总表"]);
  ws.addRow(["361秦皇岛市海港区卫生健康局", "", "预算年度：2025", "单位：万元"]);
  ws.addRow(["收入", "", "支出", ""]);
  ws.addRow(["项目", "预算数", "项目", "预算数"]);
  ws.addRow(["一、一般公共预算拨款收入", 24490.91, "八、社会保障和就业支出", 1060.41]);
  ws.addRow(["二、政府性基金预算拨款收入", null, "十、卫生健康支出", 23153.16]);
  ws.addRow(["", null, "二十、住房保障支出", 277.34]);
  ws.addRow(["本年收入合计", 24490.91, "本年支出合计", spendTotal]);
  ws.addRow(["上年结转结余", null, "年终结转结余", null]);
  ws.addRow(["收入总计", 24490.91, "支出总计", 24490.91]);
  for (let r = 5; r <= 10; r++) for (const c of [2, 4]) ws.getCell(r, c).numFmt = "0.00";
  await wb.xlsx.writeFile(file);
}

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A 三公 table as a unit sends it: rows 合计, 出国, 接待, 公务用车; the columns as given. */
export async function writeSangong(file: string, year: number, header: string[], figures: number[][], unit = "某某县农业农村局") {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("三公经费支出表");
  ws.addRow([`${year}年“三公”经费预算表`]);
  ws.addRow([`单位名称：${unit}`, "", "单位：万元"]);
  ws.addRow(["项目", ...header]);
  const labels = ["合计", "1.因公出国（境）费", "2.公务接待费", "3.公务用车购置及运行费"];
  labels.forEach((l, i) => ws.addRow([l, ...figures[i]]));
  for (let r = 4; r <= 7; r++) for (let c = 2; c <= header.length + 1; c++) ws.getCell(r, c).numFmt = "0.00";
  await wb.xlsx.writeFile(file);
}
