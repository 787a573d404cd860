import ExcelJS from "exceljs";
import path from "path";
import { Progress } from "../../src/cli/batch/progress";
import { jsonText, terminalText } from "../../src/cli/terminal-text";
import { runCli, tempDir } from "./cli-helpers";

/** Any C0 control but tab and newline, DEL, or any C1 control. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ESC = "\u001b";
const OSC52 = `${ESC}]52;c;ZXZpbA==\u0007`;
/** C1 forms are legal XML 1.0, so any reader hands them on: CSI and OSC as single characters. */
const CSI = "\u009b";
const OSC = "\u009d";

async function hostileWorkbook(file: string): Promise<string> {
  const sheet = `收支${CSI}2J总表`;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(["部门预算收支总表"]);
  ws.addRow([`单位${OSC}52;c;ZXZpbA==${ESC}\\`, "", "预算年度：2025", "单位：万元"]);
  ws.addRow(["收入", "", "支出", ""]);
  ws.addRow(["项目", "预算数", "项目", "预算数"]);
  ws.addRow([`一、一般公共预算拨款收入${OSC52}`, 100, `八、社会保障和就业支出${CSI}31m`, 50]);
  ws.addRow(["本年收入合计", 100, "本年支出合计", 60]);
  await wb.xlsx.writeFile(file);
  return sheet;
}

describe("terminal escapes from cell text, sheet and file names never reach the terminal (issue 18)", () => {
  it("terminalText replaces C0 (but tab and newline), DEL and C1 with visible marks, and keeps the rest", () => {
    expect(terminalText(`a${OSC52}b`)).toBe("a␛]52;c;ZXZpbA==␇b");
    expect(terminalText(`x${CSI}31m\r\u0000\u007f`)).toBe("x�31m␍␀␡");
    expect(terminalText("表\t格\n第二行 ½ é 汉字")).toBe("表\t格\n第二行 ½ é 汉字");
    expect(terminalText(`${OSC}x`)).not.toMatch(CONTROL);
  });

  it("jsonText is exact JSON with C1 and DEL written as \\u escapes", () => {
    const value = { s: `a${CSI}b${ESC}c\u007f`, n: [1, "二"] };
    const text = jsonText(value, 2);
    expect(text).not.toMatch(CONTROL);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toBe(JSON.stringify(value, null, 2).replace(CSI, "\\u009b").replace("\u007f", "\\u007f"));
  });

  it("the text report shows a hostile sheet name and cell text inert", async () => {
    const file = path.join(tempDir(), "hostile.xlsx");
    await hostileWorkbook(file);
    const r = await runCli([file]);
    expect(r.out).not.toMatch(CONTROL);
    expect(r.err).not.toMatch(CONTROL);
    expect(r.out).toContain("【收支�2J总表】");
  });

  it("--json keeps the exact names, escaped, and stays parseable", async () => {
    const file = path.join(tempDir(), "hostile.xlsx");
    const sheet = await hostileWorkbook(file);
    const r = await runCli([file, "--json"]);
    expect(r.out).not.toMatch(CONTROL);
    expect(JSON.parse(r.out).files[0].sheets[0].name).toBe(sheet);
  });

  it("a file name with ESC reaches stderr inert, in the single-file and the batch paths", async () => {
    const dir = tempDir();
    const name = path.join(dir, `x${OSC52}.xlsx`);
    const single = await runCli([name]);
    expect(single.code).toBe(2);
    expect(single.err).toContain("找不到文件");
    expect(single.err).not.toMatch(CONTROL);
    const batch = await runCli([name, "--jobs", "1"]);
    expect(batch.err + batch.out).not.toMatch(CONTROL);
    expect(batch.out).toContain("x␛]52;c;ZXZpbA==␇.xlsx");
  });

  it("the progress bar writes its own escapes only", () => {
    let screen = "";
    const p = new Progress(1, { isTTY: true, columns: 80, write: (t) => (screen += t) });
    p.start(`a${OSC52}.xlsx`);
    p.finished({ file: `a${OSC52}.xlsx`, status: "failed", error: { kind: "corrupt", message: `坏${CSI}31m：a${OSC52}.xlsx` } });
    p.end();
    expect(screen.split("\r\x1b[2K").join("")).not.toMatch(CONTROL);
    expect(screen).toContain("a␛]52;c;ZXZpbA==␇.xlsx");
  });
});
