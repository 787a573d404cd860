import { readWorkbookFile } from "../../../src/cli/xlsx-read";
import { PACKAGE, workbook } from "../../../src/core/catalogue/examples";
import { CheckResult, checkWorkbook } from "../../../src/core/check";
import { leftoverIn, placeholderIn, promptIn } from "../../../src/core/package/leftover";
import { gridSheet } from "../../../src/core/snapshot";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { editSheets } from "../../support/edit-snapshot";
import { exampleSheets } from "../../support/example-grid";

/**
 * The package rules (PKG-*) and 三公 against 经济分类 (XT-SANGONG-*) on real packages: seed 001
 * (a clean 2025 部门预算, nine tables) and seed 010 (a 2024 部门决算), each with one planted defect
 * for the failing cases.
 */
const OURS = /^(PKG-|XT-SANGONG-)/;
const ours = (r: CheckResult) =>
  r.findings.filter((f) => OURS.test(f.rule)).map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`);

let seed001: SheetSnapshot[];
let seed010: SheetSnapshot[];
beforeAll(async () => {
  seed001 = await readWorkbookFile("test/fixtures/seed001-budget.xlsx");
  seed010 = await readWorkbookFile("test/fixtures/seed010-juesuan.xlsx");
});
const planted = (edits: Record<string, Record<string, CellValue> | null>) => checkWorkbook(editSheets(seed001, edits));

describe("a clean, complete package", () => {
  it("seed 001 (部门预算) gives no package or 三公 finding, and states its year, unit and 编制单位", () => {
    const r = checkWorkbook(seed001);
    expect(ours(r)).toEqual([]);
    expect(r.package).toMatchObject({ kind: "部门预算", year: 2025, unit: "万元", org: "秦皇岛市海港区卫生健康局", missing: [] });
    expect(r.package!.tables).toHaveLength(9);
  });

  it("seed 010 (部门决算, no year in any title) gives only the info that no table names its year", () => {
    const r = checkWorkbook(seed010);
    expect(ours(r)).toEqual(["PKG-YEAR-MISSING info 表1!A1"]);
    expect(r.package).toMatchObject({ kind: "部门决算", year: null, unit: "万元", org: "上海市普陀区财政局", missing: [] });
  });

  it("the catalogue's example package gives none", () => {
    expect(ours(checkWorkbook(exampleSheets(workbook(PACKAGE, PACKAGE[0].name, "A1"))))).toEqual([]);
  });
});

describe("PKG-MISSING-TABLE", () => {
  it("names the table a package lacks, at the first table's title", () => {
    const r = planted({ 国有资本经营预算财政拨款支出表: null });
    expect(ours(r)).toEqual(["PKG-MISSING-TABLE warning 收支总表!A1"]);
    expect(r.findings.find((f) => f.rule === "PKG-MISSING-TABLE")!.message).toContain("国有资本经营预算财政拨款支出表");
    expect(r.package!.missing).toEqual(["国有资本经营预算财政拨款支出表"]);
  });

  it("says nothing of a workbook with fewer than five tables: it is no package", () => {
    const r = planted({
      收入总表: null,
      支出总表: null,
      财政拨款收支总表: null,
      一般公共预算财政拨款支出表: null,
      基本支出表: null,
    });
    expect(ours(r)).toEqual([]);
    expect(r.package).toMatchObject({ kind: null, missing: [] });
  });
});

describe("PKG-EMPTY-NO-NOTE and PKG-NOTE-NOT-EMPTY", () => {
  it("an empty table without its note is flagged at its title", () => {
    expect(ours(planted({ 政府性基金预算财政拨款支出表: { A7: null } }))).toEqual([
      "PKG-EMPTY-NO-NOTE warning 政府性基金预算财政拨款支出表!A1",
    ]);
  });

  it("a note that says the table is empty, above amounts, is flagged at the note", () => {
    const r = planted({
      政府性基金预算财政拨款支出表: {
        A6: "1",
        B6: "2290401",
        C6: "其他政府性基金支出",
        D6: 5,
        F6: 5,
        A7: "注：本单位无政府性基金预算财政拨款支出，故本表为空表。",
      },
    });
    expect(ours(r)).toEqual(["PKG-NOTE-NOT-EMPTY warning 政府性基金预算财政拨款支出表!A7"]);
  });

  it("the real notes (空表列示, 故本表无数据) are read as notes", () => {
    expect(ours(checkWorkbook(seed001))).not.toContain("PKG-EMPTY-NO-NOTE");
    expect(ours(checkWorkbook(seed010)).filter((f) => f.startsWith("PKG-EMPTY"))).toEqual([]);
  });
});

describe("PKG-YEAR and PKG-YEAR-MISSING", () => {
  it("a table whose 预算年度 is last year's is flagged at its title", () => {
    const r = planted({ 支出总表: { H2: "预算年度：2024" } });
    expect(ours(r)).toEqual(["PKG-YEAR warning 支出总表!A1"]);
    expect(r.findings.find((f) => f.rule === "PKG-YEAR")!.message).toMatch(/2024 年.*2025 年/);
  });

  it("a table that names no year, among tables that do, is an info", () => {
    expect(ours(planted({ 支出总表: { H2: null } }))).toEqual(["PKG-YEAR-MISSING info 支出总表!A1"]);
  });
});

describe("PKG-ORG", () => {
  it("a table naming another 编制单位 is flagged at the cell that names it", () => {
    const r = planted({ 收入总表: { A2: "361秦皇岛市海港区财政局" } });
    expect(ours(r)).toEqual(["PKG-ORG warning 收入总表!A2"]);
    expect(r.findings.find((f) => f.rule === "PKG-ORG")!.message).toContain("秦皇岛市海港区卫生健康局");
  });
});

describe("PKG-LEFTOVER", () => {
  it("template text in a table cell is flagged at that cell", () => {
    expect(ours(planted({ 三公经费支出表: { B16: "注：（此处填写增减变化原因）" } }))).toEqual([
      "PKG-LEFTOVER warning 三公经费支出表!B16",
    ]);
  });

  it("a template row left blank in a package table is one TABLE-PLACEHOLDER info, not a PKG-LEFTOVER per cell", () => {
    const r = planted({ 三公经费支出表: { B10: "XX费用" } });
    expect(ours(r)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "TABLE-PLACEHOLDER").map((f) => `${f.severity} ${f.cell}`)).toEqual(["info B10"]);
    // The same name with figures is a filled row whose name is template text: PKG-LEFTOVER as before.
    expect(ours(planted({ 三公经费支出表: { B13: "XX运行维护费" } }))).toEqual(["PKG-LEFTOVER warning 三公经费支出表!B13"]);
  });

  it.each([
    ["XX单位2025年部门预算", "占位符 XX"],
    ["××局", "占位符 ××"],
    ["比上年下降（增长）5%", "模板用语“增长（下降）”"],
    ["增加（减少）12万元", "模板用语“增加（减少）”"],
    ["例：购置办公设备", "示例“例：”"],
    ["本级单位**", "占位符 **"],
    ["某某乡镇", "占位符“某某”"],
    ["对照年度目标,说明相关任务目标的完成情况(100字以内)", "字数提示“（N字以内）”"],
    ["分析存在的问题及原因。（200字以内）。", "字数提示“（N字以内）”"],
  ])("%s is template text", (text, what) => {
    expect(leftoverIn(text)?.what).toBe(what);
  });

  it.each([
    "举例：本单位",
    "XXL号",
    "比上年增加12万元，增长5%",
    "公务接待费（含外宾接待）",
    "墨玉县*",
    // The form's own note names a limit mid-text: an instruction printed with the form, not a field's prompt.
    "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);2.年中发生预算调整的,应单独说明理由",
  ])("%s is not", (text) => {
    expect(leftoverIn(text)).toBeNull();
  });

  it("tells a placeholder for a name from a field's prompt", () => {
    expect(placeholderIn("本级单位**")?.what).toBe("占位符 **");
    expect(promptIn("本级单位**")).toBeNull();
    expect(promptIn("（此处填写增减变化原因）")?.what).toBe("填写提示");
    expect(placeholderIn("（此处填写增减变化原因）")).toBeNull();
  });
});

describe("PKG-LEFTOVER on a form that is no package: its fields' prompts only", () => {
  const form = (g7: string, b20: string, merged = false) =>
    checkWorkbook([
      gridSheet(
        "项目支出绩效自评表",
        [
          ["项目支出绩效自评表", null, null],
          ["项目名称", "社区健康讲座项目", null],
          ["年度目标完成情况", g7, null],
          ["评价结论", b20, null],
        ],
        { merges: merged ? [{ top: 3, left: 1, bottom: 3, right: 2 }] : [] },
      ),
    ]).findings.filter((f) => f.rule === "PKG-LEFTOVER");

  it("a field still holding the template's prompt is flagged at that field", () => {
    const f = form("对照年度目标,说明相关任务目标的完成情况(100字以内)", "讲座按计划完成，群众满意。");
    expect(f.map((x) => `${x.cell} ${x.severity}`)).toEqual(["B3 warning"]);
    expect(f[0].message).toContain("仍是表样的填写提示");
  });

  it("a filled form is quiet, and so is a placeholder the form's own rules judge (XX in a name)", () => {
    expect(form("全年举办讲座26场，完成年度目标。", "讲座按计划完成，群众满意。")).toEqual([]);
    expect(form("XX社区讲座26场", "讲座按计划完成。")).toEqual([]);
  });

  it("layout variant: the prompt in full-width brackets, in a field merged over two columns", () => {
    const f = form("全年举办讲座26场。", "结合自评情况,说明项目实施取得的成效。（200字以内）", true);
    expect(f.map((x) => x.cell)).toEqual(["B4"]);
  });
});

describe("XT-SANGONG-ECON", () => {
  it("holds on both real packages: 30217 and 30231 equal the 三公 table's items", () => {
    expect(ours(checkWorkbook(seed001)).filter((f) => f.startsWith("XT-SANGONG"))).toEqual([]);
    expect(ours(checkWorkbook(seed010)).filter((f) => f.startsWith("XT-SANGONG"))).toEqual([]);
  });

  it("a 基本支出 公务接待费 above the 三公 table's is flagged on the 基本支出表 line", () => {
    const r = planted({ 三公经费支出表: { C14: 0.5, D14: 0.5, C6: 36.55, D6: 36.55, C7: 36.55, D7: 36.55 } });
    expect(ours(r)).toEqual(["XT-SANGONG-ECON warning 基本支出表!D25"]);
    const f = r.findings.find((x) => x.rule === "XT-SANGONG-ECON")!;
    expect([f.expected, f.actual, f.unit]).toEqual(["0.50", "0.92", "万元"]);
    expect(f.related).toEqual(["'三公经费支出表'!D14"]);
  });
});

describe("XT-SANGONG-ZERO", () => {
  it("a 合计 of 0 beside items that are not is flagged at the 合计", () => {
    const r = planted({ 三公经费支出表: { C6: 0, D6: 0, C7: 0, D7: 0 } });
    expect(ours(r)).toEqual(["XT-SANGONG-ZERO warning 三公经费支出表!C6", "XT-SANGONG-ZERO warning 三公经费支出表!D6"]);
  });

  it("a 合计 that is not 0 above items all blank is flagged too", () => {
    const r = planted({ 三公经费支出表: { C11: null, D11: null, C13: null, D13: null, C14: null, D14: null } });
    expect(ours(r).filter((f) => f.startsWith("XT-SANGONG-ZERO"))).toEqual([
      "XT-SANGONG-ZERO warning 三公经费支出表!C6",
      "XT-SANGONG-ZERO warning 三公经费支出表!D6",
    ]);
  });
});

describe("XT-SANGONG-ZERO beside a located culprit", () => {
  // The 三公 table by fund (合计 | 一般公共预算 | 政府性基金), the 政府性基金 column all 0. Invented figures.
  const byFund: CellValue[][] = [
    ["2025年“三公”经费支出表", null, null, null],
    ["单位：万元", null, null, null],
    ["项目", "合计", "一般公共预算", "政府性基金预算"],
    ["“三公”经费", 29, 29, 0],
    ["其中：（一）因公出国（境）费", 0, 0, 0],
    ["（二）公务用车购置及运行维护费", 28, 28, 0],
    ["1.公务用车购置", 0, 0, 0],
    ["2.公务用车运行维护费", 28, 28, 0],
    ["（三）公务接待费", 1, 1, 0],
  ];
  const found = (rows: CellValue[][]) =>
    checkWorkbook([gridSheet("三公经费支出表", rows)])
      .findings.filter((f) => f.severity !== "info")
      .map((f) => `${f.rule}@${f.cell}`);

  it("is not raised where the non-zero item is itself reported as the wrong figure", () => {
    const rows = byFund.map((r) => r.slice());
    rows[6][3] = 5; // 公务用车购置 under 政府性基金: breaks its row and its column
    expect(found(rows)).toEqual(["SUM-CROSS@D7"]);
  });

  it("is still raised where nothing else names the item", () => {
    const rows = byFund.map((r) => r.slice());
    rows[3] = ["“三公”经费", 0, 0, 0];
    expect(found(rows)).toContain("XT-SANGONG-ZERO@B4");
  });
});
