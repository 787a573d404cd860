import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { CheckResult, checkWorkbook } from "../../src/core/check";

/**
 * The 决算 fixtures of seeds 010 (Shanghai, nine tables by title) and 014 (Yunnan, 行次 / 栏次)
 * beyond what the manifest lists: what must stay quiet, and how amounts read in messages.
 */
const results = new Map<string, CheckResult>();
async function resultFor(file: string): Promise<CheckResult> {
  if (!results.has(file)) results.set(file, checkWorkbook(await readWorkbookFile(file)));
  return results.get(file)!;
}
const brief = (r: CheckResult) => r.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`);

describe("seed 010, 上海市普陀区财政局 2024 决算", () => {
  const file = "test/fixtures/seed010-juesuan.xlsx";

  it("knows all nine tables by their titles and reads each one", async () => {
    const { sheets } = await resultFor(file);
    expect(sheets.map((s) => [s.name, s.kind, s.table ?? null, s.note ?? null])).toEqual([
      ["表1", "summary", "收支总表", null],
      ["表2", "other", "收入总表", null],
      ["表3", "other", "支出总表", null],
      ["表4", "summary", "财政拨款收支总表", null],
      ["表5", "other", "一般公共预算财政拨款支出表", null],
      ["表6", "other", "一般公共预算财政拨款基本支出表", null],
      ["表7", "other", "三公经费支出表", null],
      ["表8", "other", null, null],
      ["表9", "other", null, null],
    ]);
  });

  it("reports its one real error, 302 商品和服务支出 171.07 against 171.09, and only info besides", async () => {
    const r = await resultFor(file);
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell} ${f.rule}: ${f.message}`)).toEqual([
      // 302 itself agrees with the 公用经费合计: the message says the error lies among its 款.
      "表6!H4 CODE-TREE: 科目 302 商品和服务支出 171.07 与其下级科目之和 171.09 不一致，相差 −0.02（万元）；它与「公用经费合计」的核对相符，差错应在其下级科目中",
    ]);
  });

  it("calls every 0.01 gap rounding, including the 326.71 / 326.72 of 社会保障和就业支出 between tables", async () => {
    const all = await resultFor(file);
    // No table title names the year: the package's own info (test/core/package); the sums' findings follow.
    expect(brief(all).filter((b) => b.includes("PKG-"))).toEqual(["表1!A1 PKG-YEAR-MISSING info"]);
    const r = { ...all, findings: all.findings.filter((f) => !f.rule.startsWith("PKG-")) };
    const info = r.findings.filter((f) => f.severity === "info");
    expect(info.every((f) => f.difference === "0.01" || f.difference === "-0.01")).toBe(true);
    expect(brief(r).filter((b) => b.includes("XT-SPEND-CLASS"))).toEqual(["表3!E11 XT-SPEND-CLASS info"]);
    // No BAL-BALANCE on the 总表: 总计 balances 总计 once the 结余 and 结转 rows are counted.
    expect(brief(r).filter((b) => b.startsWith("表1") || b.startsWith("表4"))).toEqual([]);
  });

  it("shows amounts as the tables print them", async () => {
    const r = await resultFor(file);
    const total = r.findings.find((f) => f.sheet === "表2" && f.cell === "E4")!;
    expect(total.message).toBe(
      "合计（本年收入合计） 2,946.25 与各类级科目之和 2,946.26 不一致，相差 −0.01（万元），在舍入容差内，可能是四舍五入所致",
    );
  });
});

describe("seed 010 with one planted figure", () => {
  it("reports a 项 that breaks its row and its 款 once, at the 项", async () => {
    const r = await resultFor("test/fixtures/planted/juesuan-crossing.xlsx");
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      "表3!E10 SUM-COL",
      "表6!H4 CODE-TREE",
    ]);
  });

  it("checks each panel's part of the shared total row on its own", async () => {
    const r = await resultFor("test/fixtures/planted/juesuan-panel.xlsx");
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([
      "表6!H4 CODE-TREE",
      "表6!D42 SUM-ROW",
    ]);
  });
});

describe("seed 014, 天星镇中心卫生院 2021 决算 公开01表", () => {
  const file = "test/fixtures/seed014-juesuan.xlsx";

  it("never reads a 行次 or 栏次 number as an amount, and says the cut spending side was not checked", async () => {
    const r = await resultFor(file);
    expect(r.sheets[0]).toMatchObject({ name: "公开01表", kind: "summary" });
    expect(r.findings.filter((f) => /^[BE]\d+$/.test(f.cell) || /^[A-Z]+5$/.test(f.cell))).toEqual([]);
    expect(brief(r)).toEqual(["公开01表!A32 LAYOUT-UNKNOWN warning", "公开01表!C32 BAL-INCOME error"]);
  });

  it("shows whole 元 with separators and names the unit", async () => {
    const r = await resultFor(file);
    expect(r.findings.find((f) => f.rule === "BAL-INCOME")!.message).toBe(
      "本年收入合计 25,754,899.39 与各项收入之和 0.00 不一致，相差 +25,754,899.39（元）",
    );
  });
});
