import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { fixTargetProblem } from "../../src/cli/fix-file";
import { checkWorkbook } from "../../src/core/check";
import { readWorkbookBytes } from "../../src/xlsx";
import { exceljsRichWorkbook, withExcelOnlyParts } from "../xlsx/support/rich-workbook";
import { runCli, tempDir, writeSummaryWorkbook } from "./cli-helpers";

const SAMPLE = path.join(__dirname, "../../samples/示例预算表.xlsx");

describe("budget-check FILE --fix OUT.xlsx", () => {
  it("writes a copy with every safe fix, lists each cell before and after, and leaves the input byte-identical", async () => {
    const dir = tempDir();
    const input = path.join(dir, "示例.xlsx");
    copyFileSync(SAMPLE, input);
    const original = readFileSync(input);
    const out = path.join(dir, "修复.xlsx");
    const r = await runCli([input, "--fix", out]);
    // The exit code reports the input, as for every check: it has errors.
    expect(r.code).toBe(1);
    expect(r.out).toContain(`修复副本：${out}（修改了 3 个单元格，原文件未改动）`);
    expect(r.out).toContain(
      "收支总表!E13：文本“1,060.41” → 数字 1060.41　金额以文本形式存储，Excel 的 SUM 会忽略它（CELL-TEXTNUM）",
    );
    expect(r.out).toMatch(
      /收支总表!E37：手工录入的 24,?488\.41 → =SUM\(E6:E36\)（计算结果 24,?490\.91）\u3000本年支出合计应等于各项支出之和（BAL-SPEND）/,
    );
    expect(r.out).toContain("绩效指标!E11：“0.85” → “85%”");
    expect(readFileSync(input).equals(original)).toBe(true);
    const after = checkWorkbook((await readWorkbookBytes(readFileSync(out))).snapshots).findings.map((f) => f.rule);
    expect(after).not.toContain("BAL-SPEND");
    expect(after).not.toContain("CELL-TEXTNUM");
    expect(r.out).toMatch(/修复后：错误 1 项/);
    // Written through a temporary file and a rename: nothing else is left in the folder.
    expect(readdirSync(dir).sort()).toEqual(["示例.xlsx", "修复.xlsx"].sort());
  });

  it("keeps stdout for --json and lists the fixes on stderr", async () => {
    const dir = tempDir();
    const out = path.join(dir, "fixed.xlsx");
    const r = await runCli([SAMPLE, "--json", "--fix", out]);
    expect(JSON.parse(r.out).version).toBe(1);
    expect(r.err).toContain("收支总表!E37");
  });

  it("refuses an existing file without --force, the input itself even with it, and a macro workbook's copy without .xlsm", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    await writeSummaryWorkbook(input, 24000);
    const out = path.join(dir, "out.xlsx");
    writeFileSync(out, "keep me");
    const refused = await runCli([input, "--fix", out]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/文件已存在，为免覆盖未写出/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await runCli([input, "--fix", out, "--force"])).code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const self = await runCli([input, "--fix", input, "--force"]);
    expect(self.code).toBe(2);
    expect(self.err).toMatch(/原文件不能被覆盖/);
    expect((await runCli([input, "--fix", out, "--annotate", out, "--force"])).err).toMatch(/不能写到同一个文件/);
    expect((await runCli([input, input, "--fix", out])).err).toMatch(/--fix 只接受一个输入文件/);
    const macros = path.join(dir, "宏.xlsm");
    writeFileSync(macros, await withExcelOnlyParts(await exceljsRichWorkbook(), { macros: true }));
    const xlsm = await runCli([macros, "--fix", path.join(dir, "宏-修复.xlsx")]);
    expect(xlsm.code).toBe(2);
    expect(xlsm.err).toMatch(/修复副本也须以 \.xlsm 结尾/);
    expect((await runCli([macros, "--fix", path.join(dir, "宏-修复.xlsm")])).code).toBe(1);
  });

  it("an .xls input's copy must be an .xlsx", () => {
    expect(fixTargetProblem("/tmp/a.xlsm", "a.xlsm", ["/tmp/old.xls"], false)).toMatch(/只能写成 \.xlsx/);
    expect(fixTargetProblem("/tmp/nonexistent-dir-for-test/a.xlsx", "a.xlsx", ["/tmp/old.xls"], false)).toBeNull();
  });
});
