import { readFileSync, writeFileSync } from "fs";
import JSZip from "jszip";
import path from "path";
import { runCli, tempDir } from "./cli-helpers";

/** `--narrative FILE` (issue 20): a 说明 beside one workbook, as .txt or .docx. */
const WORKBOOK = "test/fixtures/seed010-juesuan.xlsx";
const TEXT = readFileSync("test/fixtures/narrative/seed010.txt", "utf8");

/** GBK bytes of a text, built by decoding every two-byte GBK code (Node's TextEncoder writes only UTF-8). */
function gbk(text: string): number[] {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gbk");
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? fail(ch))));
}
const fail = (ch: string): never => {
  throw new Error(`no GBK code for ${ch}`);
};

async function docx(file: string, paragraphs: string[]): Promise<void> {
  const zip = new JSZip();
  const body = paragraphs.map(
    (p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</w:t></w:r></w:p>`,
  );
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join("")}</w:body></w:document>`,
  );
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("budget-check --narrative", () => {
  it("checks a .txt 说明 against the workbook's tables and names the line", async () => {
    const dir = tempDir();
    const file = path.join(dir, "说明.txt");
    writeFileSync(file, TEXT);
    const { code, out } = await runCli([WORKBOOK, "--narrative", file]);
    expect(code).toBe(1); // 表6's CODE-TREE error, as without the 说明
    expect(out).toContain("套表：部门决算公开表 9 张；金额单位：万元；编制单位：上海市普陀区财政局");
    expect(out).toMatch(/【说明\.txt】（说明文字）\n {2}\[疑似\] 第4行 +NARR-VS-TABLE/);
  });

  it("reads a .docx paragraph by paragraph, and the JSON carries the line", async () => {
    const dir = tempDir();
    const file = path.join(dir, "说明.docx");
    await docx(
      file,
      TEXT.split("\n").filter((l) => l.trim()),
    );
    const { out } = await runCli([WORKBOOK, "--narrative", file, "--json"]);
    const findings = JSON.parse(out).files[0].findings.filter((f: { rule: string }) => f.rule.startsWith("NARR-"));
    expect(
      findings.map((f: { rule: string; sheet: string; cell: string; line: number }) => [f.rule, f.sheet, f.cell, f.line]),
    ).toEqual([["NARR-VS-TABLE", "说明.docx", "A4", 4]]);
  });

  it.each([
    ["GBK (记事本's ANSI on a Chinese Windows)", (t: string) => Buffer.from(gbk(t))],
    [
      "UTF-16 with its byte order mark (记事本's Unicode)",
      (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]),
    ],
    ["UTF-8 with a byte order mark", (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")])],
  ])("reads a .txt saved as %s like the UTF-8 one", async (_how, encode) => {
    const dir = tempDir();
    const file = path.join(dir, "说明.txt");
    writeFileSync(file, encode(TEXT));
    const { out } = await runCli([WORKBOOK, "--narrative", file, "--json"]);
    const findings = JSON.parse(out).files[0].findings.filter((f: { sheet: string }) => f.sheet === "说明.txt");
    expect(findings.map((f: { rule: string; line: number; message: string }) => [f.rule, f.line, f.message])).toEqual([
      ["NARR-VS-TABLE", 4, expect.stringContaining("财政拨款收入支出总计")],
    ]);
  });

  it("with --annotate, the 检查结果 row of a 说明 finding names its line and links nowhere: the 说明 is no sheet of the copy", async () => {
    const dir = tempDir();
    const file = path.join(dir, "说明.txt");
    const out = path.join(dir, "标注.xlsx");
    writeFileSync(file, TEXT);
    expect((await runCli([WORKBOOK, "--narrative", file, "--annotate", out])).code).toBe(1);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const names = [...workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
    expect(names).not.toContain("说明.txt");
    const parts = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    const xml = (await Promise.all(parts.map((p) => zip.file(p)!.async("string")))).find((x) => x.includes("NARR-VS-TABLE"))!;
    const row = /<row r="(\d+)">(?:(?!<\/row>).)*NARR-VS-TABLE(?:(?!<\/row>).)*<\/row>/.exec(xml)!;
    expect(row[0]).toContain("第 4 行");
    const links = [...xml.matchAll(/<hyperlink ref="B(\d+)" location="([^"]*)"/g)];
    expect(links.length).toBeGreaterThan(0);
    expect(links.map((m) => m[1])).not.toContain(row[1]);
    // Every link left goes to a sheet the copy has.
    for (const [, , location] of links)
      expect(names).toContain(/^'(.*)'!/.exec(location.replace(/&apos;/g, "'"))![1].replace(/''/g, "'"));
  });

  it("refuses a file it cannot read, in Chinese, with exit code 2", async () => {
    const dir = tempDir();
    const bad = path.join(dir, "说明.docx");
    writeFileSync(bad, "not a zip");
    const notUtf8 = path.join(dir, "说明.txt");
    writeFileSync(notUtf8, Buffer.from([0xc8, 0xfd, 0xb9, 0xab, 0x80, 0xff])); // 三公 in GBK, then bytes no encoding reads
    for (const [args, message] of [
      [[WORKBOOK, "--narrative", bad], /说明文件已损坏或不是 Word 文档/],
      [[WORKBOOK, "--narrative", notUtf8], /既不是 UTF-8 也不是 GBK/],
      [[WORKBOOK, "--narrative", WORKBOOK], /只接受 \.txt 或 \.docx/],
      [[WORKBOOK, "--narrative", path.join(dir, "无.txt")], /找不到文件/],
      [[WORKBOOK, WORKBOOK, "--narrative", notUtf8], /只与一个工作簿一起使用/],
    ] as const) {
      const { code, err } = await runCli([...args]);
      expect([code, err]).toEqual([2, expect.stringMatching(message)]);
    }
  });
});
