import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { runCli, tempDir, writeSangong, writeSummaryWorkbook } from "../cli/cli-helpers";
import { EngineError } from "../../src/web/engine";
import { jsonReportText } from "../../src/web/json-report";
import { CheckSession } from "../../src/web/session";
import { sofficeConvert } from "../templates/support/libreoffice";
import { changedParts, marksOf, worstByCell } from "../xlsx/support/copy-reader";
import { bombStream, SHEET_HEAD, SHEET_TAIL, workbookAround, zipOf } from "../xlsx/support/hostile-zip";

const SAMPLE = path.resolve(__dirname, "../../samples/示例预算表.xlsx");

/** Sheet → cell → severity of the marks in a copy, as plain sorted data (sheets without marks left out). */
async function marks(bytes: Uint8Array) {
  return plain(await marksOf(bytes));
}
function plain(byCell: Map<string, Map<string, string>>) {
  return Object.fromEntries(
    [...byCell].filter(([, cells]) => cells.size > 0).map(([sheet, cells]) => [sheet, Object.fromEntries([...cells].sort())]),
  );
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe("the browser page's checker session", () => {
  test("下载修复副本's copy is --fix's: the same cells, listed before and after, and the ignored left as they are", async () => {
    const file = path.join(tempDir(), "错.xlsx");
    await writeSummaryWorkbook(file, 24488.41);
    const bytes = readFileSync(file);
    const session = new CheckSession();
    const outcome = await session.open({ name: "错.xlsx", bytes: arrayBufferOf(bytes) }, "0.01");
    const spend = outcome.findings.find((f) => f.rule === "BAL-SPEND")!;
    const copy = await session.fix([]);
    expect(copy.cells).toContainEqual(expect.objectContaining({ sheet: "收支总表", cell: "D8", rule: "BAL-SPEND" }));
    expect(copy.cells.find((c) => c.cell === "D8")!.after).toMatch(/^=SUM\(D5:D7\)/);
    expect(copy.countsAfter.error).toBe(0);
    const out = path.join(tempDir(), "修复.xlsx");
    await runCli([file, "--fix", out]);
    expect(Buffer.from(copy.bytes).equals(readFileSync(out))).toBe(true);
    const kept = await session.fix([spend]);
    expect(kept.cells.some((c) => c.cell === "D8")).toBe(false);
  });

  test("下载修复副本 of an .xls is --fix's .xlsx copy, without macros", async () => {
    const file = path.join(tempDir(), "错.xlsx");
    await writeSummaryWorkbook(file, 24488.41);
    const [converted] = sofficeConvert([{ name: "错.xlsx", bytes: readFileSync(file) }], "xls");
    const xls = path.join(tempDir(), "错.xls");
    writeFileSync(xls, readFileSync(converted));
    const session = new CheckSession();
    await session.open({ name: "错.xls", bytes: arrayBufferOf(readFileSync(xls)) }, "0.01");
    const copy = await session.fix([]);
    expect(copy.macroEnabled).toBe(false);
    expect(copy.cells).toContainEqual(expect.objectContaining({ sheet: "收支总表", cell: "D8", rule: "BAL-SPEND" }));
    const out = path.join(tempDir(), "修复.xlsx");
    expect((await runCli([xls, "--fix", out])).code).not.toBe(2);
    expect(Buffer.from(copy.bytes).equals(readFileSync(out))).toBe(true);
  }, 120_000);

  test("finds exactly what budget-check --json finds on the sample, in the same order", async () => {
    const cli = await runCli(["--json", SAMPLE]);
    expect(cli.err).toBe("");
    const session = new CheckSession();
    const stages: string[] = [];
    const outcome = await session.open(
      { name: SAMPLE, bytes: arrayBufferOf(readFileSync(SAMPLE)) },
      "0.01",
      (stage, done, total) => stages.push(`${stage} ${done}/${total}`),
    );
    expect(outcome.findings.length).toBeGreaterThan(5);
    expect(JSON.parse(jsonReportText(SAMPLE, outcome))).toEqual(JSON.parse(cli.out));
    expect(stages[0]).toBe("read 0/0");
    expect(stages[stages.length - 1]).toBe(`check ${outcome.sheets.length}/${outcome.sheets.length}`);
  });

  test("a re-check with another band equals the CLI's --tolerance", async () => {
    const session = new CheckSession();
    const first = await session.open({ name: SAMPLE, bytes: arrayBufferOf(readFileSync(SAMPLE)) }, "0.01");
    const wide = await session.recheck("5");
    // The units come from the cells, not the band: the sample states 万元 and keeps it.
    expect(Object.values(first.units)).toContain("万元");
    expect(wide.units).toEqual(first.units);
    const cli = await runCli(["--json", "--tolerance", "5", SAMPLE]);
    expect(JSON.parse(jsonReportText(SAMPLE, wide))).toEqual(JSON.parse(cli.out));
    await expect(session.recheck("-1")).rejects.toThrow("容差必须是非负数字");
  });

  test.each([
    ["text file", Buffer.from("项目,预算数\n合计,100\n", "utf8")],
    [
      "corrupt xlsx",
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("xl/workbook.xml PK\x01\x02 broken", "latin1")]),
    ],
    [
      "encrypted workbook",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(64),
        Buffer.from("EncryptedPackage", "utf16le"),
      ]),
    ],
    ["old .xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)])],
    ["empty file", Buffer.alloc(0)],
    [
      "zip bomb (6 MB, 6 GB inflated)",
      Buffer.from(
        zipOf(
          workbookAround({ name: "", method: 8, statedSize: 1000, data: bombStream(SHEET_HEAD, " ", 6 * 1024 ** 3, SHEET_TAIL) }),
        ),
      ),
    ],
  ])("a %s gets the command line's own one-line message", async (_, bytes) => {
    const file = path.join(tempDir(), "坏文件.xlsx");
    writeFileSync(file, bytes);
    const cli = await runCli([file]);
    expect(cli.code).toBe(2);
    const failure = await new CheckSession().open({ name: file, bytes: arrayBufferOf(bytes) }, "0.01").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).message).toBe(cli.err);
    expect((failure as EngineError).message).not.toMatch(/\n|Error|at /);
  });

  test("the preview shows the flagged cell's displayed text; unknown sheets give none", async () => {
    const session = new CheckSession();
    const outcome = await session.open({ name: "示例预算表.xlsx", bytes: arrayBufferOf(readFileSync(SAMPLE)) }, "0.01");
    const textNumber = outcome.findings.find((f) => f.rule === "CELL-TEXTNUM")!;
    const preview = (await session.preview(textNumber))!;
    expect(preview.texts[preview.flagged!.row][preview.flagged!.col]).toBe("1,060.41");
    await expect(session.preview({ sheet: "没有这张表", cell: "A1", related: [] })).resolves.toBeNull();
  });

  test("the annotated copy is the command line's --annotate copy: same marks, same changed parts", async () => {
    const session = new CheckSession();
    const input = readFileSync(SAMPLE);
    const outcome = await session.open({ name: "示例预算表.xlsx", bytes: arrayBufferOf(input) }, "0.01");
    const copy = await session.annotate(outcome.findings);
    expect(copy.macroEnabled).toBe(false);
    expect(copy.marked).toBe(new Set(outcome.findings.map((f) => `${f.sheet}!${f.cell}`)).size);
    expect(await marks(copy.bytes)).toEqual(plain(worstByCell(outcome.findings)));

    const out = path.join(tempDir(), "示例预算表-已标注.xlsx");
    const cli = await runCli(["--annotate", out, SAMPLE]);
    expect(cli.err).toMatch(/已写出标注副本/);
    const written = readFileSync(out);
    expect(await marks(written)).toEqual(await marks(copy.bytes));
    expect(await changedParts(input, copy.bytes)).toEqual(await changedParts(input, written));
  });

  test("a copy without the ignored findings marks only the others", async () => {
    const session = new CheckSession();
    const outcome = await session.open({ name: "示例预算表.xlsx", bytes: arrayBufferOf(readFileSync(SAMPLE)) }, "0.01");
    const kept = outcome.findings.filter((f) => f.rule !== "BAL-SPEND");
    const copy = await session.annotate(kept);
    expect(await marks(copy.bytes)).toEqual(plain(worstByCell(kept)));
  });

  test("「与上年对比」 reads last year's bytes with the same reader; the same file again is YOY-SAME-FILE", async () => {
    const seed = path.resolve(__dirname, "../fixtures/seed001-budget.xlsx");
    const session = new CheckSession();
    const alone = await session.open({ name: "本年.xlsx", bytes: arrayBufferOf(readFileSync(seed)) }, "0.01");
    expect(alone.compared).toBeUndefined();
    const both = await session.compare({ name: "上年.xlsx", bytes: arrayBufferOf(readFileSync(seed)) }, "0.01");
    expect(both.compared?.file).toBe("上年.xlsx");
    expect(both.compared?.tables.length).toBeGreaterThan(3);
    const yoy = both.findings.filter((f) => f.rule.startsWith("YOY-"));
    expect(yoy.map((f) => f.rule)).toEqual(["YOY-SAME-FILE"]);
    expect(yoy[0].compare?.file).toBe("上年.xlsx");
    expect(new Set(both.findings.map((f) => f.id)).size).toBe(both.findings.length);
    // A re-check with another band keeps last year's workbook; uncompare drops it.
    expect((await session.recheck("0.5")).compared?.file).toBe("上年.xlsx");
    const again = await session.uncompare("0.01");
    expect(again.compared).toBeUndefined();
    expect(again.findings).toEqual(alone.findings);
  });

  test("「与上年对比」 with a pasted 说明: a large change it explains is dropped, one it only restates stays", async () => {
    const dir = tempDir();
    await writeSangong(path.join(dir, "上年.xlsx"), 2024, ["预算数"], [[30], [5], [8], [17]]);
    await writeSangong(path.join(dir, "本年.xlsx"), 2025, ["预算数"], [[53], [5], [8], [40]]);
    const session = new CheckSession();
    await session.open({ name: "本年.xlsx", bytes: arrayBufferOf(readFileSync(path.join(dir, "本年.xlsx"))) }, "0.01");
    const last = { name: "上年.xlsx", bytes: arrayBufferOf(readFileSync(path.join(dir, "上年.xlsx"))) };
    const changes = (o: { findings: { rule: string; cell: string }[] }) =>
      o.findings.filter((f) => f.rule === "YOY-CHANGE").map((f) => f.cell);
    expect(changes(await session.compare(last, "0.01"))).toEqual(["B4", "B7"]);
    const reason = "2025年公务用车购置及运行费预算40万元，比上年增加23万元，主要原因是更新执法执勤车辆。";
    expect(changes(await session.recheck("0.01", undefined, reason))).toEqual(["B4"]);
    expect(changes(await session.recheck("0.01", undefined, "2025年公务用车购置及运行费预算40万元，比上年增加23万元。"))).toEqual(
      ["B4", "B7"],
    );
  });

  test("last year's file that cannot be read gives the reader's message, and this year's stays open", async () => {
    const session = new CheckSession();
    await session.open({ name: "本年.xlsx", bytes: arrayBufferOf(readFileSync(SAMPLE)) }, "0.01");
    const failure = await session
      .compare({ name: "上年.txt", bytes: arrayBufferOf(Buffer.from("不是工作簿")) }, "0.01")
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).message).toMatch(/上年\.txt/);
    expect((await session.recheck("0.01")).compared).toBeUndefined();
    await expect(
      new CheckSession().compare({ name: "上年.xlsx", bytes: arrayBufferOf(readFileSync(SAMPLE)) }, "0.01"),
    ).rejects.toThrow("请先打开一个 Excel 文件。");
  });

  test("nothing opened: re-check and the annotated copy say to open a file first", async () => {
    const session = new CheckSession();
    await expect(session.recheck("0.01")).rejects.toThrow("请先打开一个 Excel 文件。");
    await expect(session.annotate([])).rejects.toThrow("请先打开一个 Excel 文件。");
  });

  test("a template download is the 「插入模板」 spec as an .xlsx the checker reads back", async () => {
    const bytes = await new CheckSession().template("收支总表");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(bytes));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["收支总表"]);
    const outcome = await new CheckSession().open({ name: "模板.xlsx", bytes: arrayBufferOf(bytes) }, "0.01");
    expect(outcome.sheets[0].kind).toBe("summary");
    expect(outcome.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
