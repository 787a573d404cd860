import JSZip from "jszip";
import { writeFileSync } from "fs";
import path from "path";
import { toJsonFile } from "../../src/core/report-json";
import { SHOWN_PER_RULE } from "../../src/core/cap-findings";
import { checkWorkbook } from "../../src/core/check";
import { CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { runCli, tempDir } from "./cli-helpers";

/** Over 125,000 arguments to push(...) overflowed V8's stack: 66,000 rows of two #REF! cells give 132,000 findings. */
const ROWS = 66000;
const HEAD: CellValue[][] = [
  ["部门预算收支总表", "", "", ""],
  ["某单位", "", "预算年度：2025", "单位：万元"],
  ["收入", "", "支出", ""],
  ["项目", "预算数", "项目", "预算数"],
];

function snapshot(): SheetSnapshot {
  const values: CellValue[][] = [...HEAD];
  for (let i = 0; i < ROWS; i++) values.push([`收入项${i}`, "#REF!", `支出项${i}`, "#REF!"]);
  values.push(["本年收入合计", 1, "本年支出合计", 1]);
  const shape = <T>(f: (v: CellValue) => T) => values.map((r) => r.map(f));
  return {
    name: "收支总表",
    origin: { row: 0, col: 0 },
    values,
    texts: shape((v) => String(v ?? "")),
    formulas: shape(() => ""),
    numberFormats: shape(() => "General"),
    merges: [],
  };
}

/** The same sheet as a real .xlsx, written as raw XML (exceljs takes far longer for 264,000 cells). */
async function workbookFile(): Promise<string> {
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const cell = (ref: string, v: CellValue) =>
    v === "#REF!"
      ? `<c r="${ref}" t="e"><v>#REF!</v></c>`
      : typeof v === "number"
        ? `<c r="${ref}"><v>${v}</v></c>`
        : v
          ? `<c r="${ref}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`
          : "";
  const rows = snapshot().values.map(
    (r, i) => `<row r="${i + 1}">${r.map((v, c) => cell(`${"ABCD"[c]}${i + 1}`, v)).join("")}</row>`,
  );
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="收支总表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`,
  );
  const file = path.join(tempDir(), "满表错误.xlsx");
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

describe("a sheet with more than 125,000 findings (issue 18)", () => {
  it("keeps every finding: the sheet is not called 结构异常 and --json lists them all", () => {
    const result = checkWorkbook([snapshot()]);
    expect(result.sheets[0].note).toBeUndefined();
    const errors = result.findings.filter((f) => f.rule === "CELL-ERROR" && f.severity === "error");
    expect(errors.length).toBeGreaterThan(125000);
    expect(toJsonFile("x.xlsx", result).findings).toHaveLength(result.findings.length);
  });

  it("exits 1 and the text lists at most N per rule, then 另有 N 处同类问题", async () => {
    const r = await runCli([await workbookFile()]);
    expect(r.code).toBe(1);
    expect(r.out).not.toContain("结构异常");
    const listed = r.out.split("\n").filter((l) => l.includes("CELL-ERROR") && l.startsWith("  [错误]"));
    expect(listed).toHaveLength(SHOWN_PER_RULE);
    const more = r.out.split("\n").filter((l) => l.includes("处同类问题"));
    expect(more).toHaveLength(1);
    const total = Number(/小计：错误 (\d+) 项/.exec(r.out)![1]);
    expect(total).toBeGreaterThan(125000);
    expect(more[0]).toContain(`另有 ${total - SHOWN_PER_RULE} 处同类问题`);
  });
});
