import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeFileAtomic } from "../../src/cli/output-path";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { bytesToBase64 } from "../../src/templates/base64";
import { writeTemplateFile } from "../../src/cli/template-file";
import { buildTemplateBase64 } from "../../src/templates/xlsx-writer";

describe("writeTemplateFile (the CLI's --template)", () => {
  const dir = mkdtempSync(join(tmpdir(), "budget-check-tpl-"));

  it("writes every template as its own sheet for `all`, creating the folder", async () => {
    const out = join(dir, "新建", "模板.xlsx");
    expect(await writeTemplateFile("all", out, {}, writeFileAtomic)).toEqual(["收支总表", "绩效指标"]);
    const sheets = await readWorkbookFile(out);
    expect(sheets.map((s) => s.name)).toEqual(["收支总表", "项目支出绩效目标表"]);
  });

  it("writes one template with the requested number of project blocks", async () => {
    const out = join(dir, "绩效.xlsx");
    expect(await writeTemplateFile("绩效指标", out, { blocks: 3 }, writeFileAtomic)).toEqual(["绩效指标"]);
    const [sheet] = await readWorkbookFile(out);
    expect(sheet.values.flat().filter((v) => v === "项目名称")).toHaveLength(3);
  });
});

describe("base64 for insertWorksheetsFromBase64", () => {
  it("encodes any bytes as Node's encoder does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => bytesToBase64(bytes) === Buffer.from(bytes).toString("base64")),
    );
  });

  it("carries the requested sheet name inside the file", async () => {
    const base64 = await buildTemplateBase64("收支总表", "收支总表 (2)");
    const path = join(mkdtempSync(join(tmpdir(), "budget-check-b64-")), "t.xlsx");
    writeFileSync(path, Buffer.from(base64, "base64"));
    expect((await readWorkbookFile(path)).map((s) => s.name)).toEqual(["收支总表 (2)"]);
  });
});
