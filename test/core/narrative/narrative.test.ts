import { readFileSync } from "fs";
import Decimal from "decimal.js";
import { readWorkbookFile } from "../../../src/cli/xlsx-read";
import { CheckResult, checkWorkbook } from "../../../src/core/check";
import { narrativeExplainsChange } from "../../../src/core/narrative";
import { gridSheet, SheetSnapshot } from "../../../src/core/snapshot";

/**
 * The 说明 rules on the 说明 texts of real packages (test/fixtures/narrative/: seed 001's parts
 * 二 to 四, with no defect; seed 010's 情况说明, whose line 4 contradicts 表4), and on real
 * sentences with one figure changed (a planted defect).
 */
const SEED001 = readFileSync("test/fixtures/narrative/seed001.txt", "utf8");
const SEED010 = readFileSync("test/fixtures/narrative/seed010.txt", "utf8");
const NAME = "说明文字";

let seed001: SheetSnapshot[];
let seed010: SheetSnapshot[];
beforeAll(async () => {
  seed001 = await readWorkbookFile("test/fixtures/seed001-budget.xlsx");
  seed010 = await readWorkbookFile("test/fixtures/seed010-juesuan.xlsx");
});

const ours = (r: CheckResult) =>
  r.findings.filter((f) => f.rule.startsWith("NARR-") || f.sheet === NAME).map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
const withText = (sheets: SheetSnapshot[], text: string) => checkWorkbook(sheets, { narrative: { name: NAME, text } });
/** Seed 001's 说明 with one sentence replaced. */
const seed001With = (from: string, to: string) => {
  expect(SEED001).toContain(from);
  return withText(seed001, SEED001.replace(from, to));
};
const MACHINE = "（一）机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。";

describe("the 说明 of a real package", () => {
  it("seed 001's 说明, with its nine tables, gives no finding", () => {
    expect(ours(withText(seed001, SEED001))).toEqual([]);
  });

  it("seed 001's 说明 as a sheet of the workbook gives none either, and the sheet is read as text", () => {
    const sheet = gridSheet(
      "说明",
      SEED001.split("\n")
        .filter((l) => l.trim())
        .map((l) => [l]),
    );
    const r = checkWorkbook([...seed001, sheet]);
    expect(r.findings.filter((f) => f.sheet === "说明")).toEqual([]);
    expect(r.sheets.find((s) => s.name === "说明")).toMatchObject({ narrative: true, kind: "other" });
  });

  it("a sheet named 说明 with no sentence the reader knows keeps its note: it was not checked", () => {
    const r = checkWorkbook([...seed001, gridSheet("说明", [["本工作簿为示例。"]])]);
    expect(r.sheets.find((s) => s.name === "说明")).toMatchObject({ note: expect.stringMatching(/未检查/) });
    expect(r.sheets.find((s) => s.name === "说明")!.narrative).toBeUndefined();
  });

  it("seed 010's 说明 gives the one real defect: 财政拨款收入支出总计 0.3 万元 against 表4's 2961.68", () => {
    const r = withText(seed010, SEED010);
    expect(ours(r)).toEqual([`NARR-VS-TABLE ${NAME}!A4`]);
    const f = r.findings.find((x) => x.rule === "NARR-VS-TABLE")!;
    expect(f).toMatchObject({ line: 4, expected: "2961.68", actual: "0.30", unit: "万元", related: ["'表4'!B36"] });
    expect(f.message).toContain("0.3万元");
  });

  it("real 三公 sentences whose arithmetic holds give no NARR-ARITH or NARR-DIRECTION (no tables to compare with)", () => {
    // Published 三公 说明 sentences with a stated base, a rate, a 持平 and a 同口径 comparison.
    const sentences = [
      "2020 年度一般公共预算财政拨款安排的“三公”经费支出决算总额为 5.48 万元,比预算增加 0 万元,比去年增加1.55 万元,增长 39.4%,增加原因主要是公务用车运行支出增加。",
      "2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元,较上年2.08减少0.03万元,减少了1.44%,原因为严格落实中央八项规定精神,厉行节约;其中:因公出国(境)支出0万元;公务用车购置支出0万元;公务用车运行维护费用支出0万元;公务接待费支出2.05万元,占“三公”经费的100%。",
      "2025年全市“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,下降10.1%;其中:因公出国(境)经费40万元,较上年持平;公务接待费242万元,较上年减少12万元,下降4.7%;公务用车购置及运行维护费1687万元,较上年减少209万元,下降11%。",
      MACHINE,
    ];
    for (const s of sentences) expect(ours(withText([], s))).toEqual([]);
  });
});

describe("NARR-ARITH", () => {
  it("a rate that is not change ÷ base: −1.10% written for −15.13%", () => {
    const r = withText([], "2025年公务接待费预算8.47万元，比上年减少1.51万元，下降1.10%。");
    expect(ours(r)).toEqual([`NARR-ARITH ${NAME}!A1`]);
    expect(r.findings[0].message).toContain("15.13%");
  });

  it("a rate in a real sentence, one digit changed", () => {
    expect(ours(withText([], MACHINE.replace("1.40%", "1.10%")))).toEqual([`NARR-ARITH ${NAME}!A1`]);
  });

  it("a share of a stated whole that is off", () => {
    const r = withText(seed010, SEED010.replace("占79.49%", "占80.49%"));
    expect(ours(r)).toEqual([`NARR-ARITH ${NAME}!A3`, `NARR-VS-TABLE ${NAME}!A4`]);
  });

  it("a rate in brackets after the change (西安市新城区卫计局 2019: 减少1.5万元(42.86%) for 39.47%)", () => {
    const r = withText([], "2、公务接待费2.30万元,较上年减少1.5万元(42.86%),减少的主要原因是压缩接待费开支。");
    expect(ours(r)).toEqual([`NARR-ARITH ${NAME}!A1`]);
    expect(r.findings[0].message).toContain("应写 39.47%");
    expect(ours(withText([], "2、公务接待费2.30万元,较上年减少1.5万元(39.47%),减少的主要原因是压缩接待费开支。"))).toEqual([]);
  });

  it("增长 100% from a base of 0", () => {
    expect(ours(withText([], "2025年公务接待费0.92万元，比上年增加0.92万元，增长100%。"))).toEqual([`NARR-ARITH ${NAME}!A1`]);
  });
});

describe("NARR-DIRECTION", () => {
  it("增加 with 下降 in one sentence", () => {
    expect(ours(withText([], MACHINE.replace("增长1.40%", "下降1.40%")))).toEqual([`NARR-DIRECTION ${NAME}!A1`]);
  });

  it("增加 where the tables show a fall: seed 010's 三公 决算 0.00 against a 预算 of 0.95", () => {
    const r = withText(seed010, "“三公”经费财政拨款支出决算为0.00万元，比预算增加0.95万元。");
    expect(ours(r)).toEqual([`NARR-DIRECTION ${NAME}!A1`]);
  });
});

describe("NARR-VS-TABLE", () => {
  it("a 三公 item that is not the table's", () => {
    expect(ours(seed001With("公务接待费0.92万元", "公务接待费0.95万元"))).toEqual([`NARR-VS-TABLE ${NAME}!A12`]);
  });

  it("a figure the text rounds (37 for 36.97) agrees", () => {
    expect(ours(seed001With("预算安排36.97万元", "预算安排37万元"))).toEqual([]);
  });

  it("a 基本支出 that is not the 支出总表's", () => {
    expect(ours(seed001With("其中基本支出4658.03万元", "其中基本支出4685.03万元"))).toEqual([`NARR-VS-TABLE ${NAME}!A6`]);
  });
});

describe("NARR-TWO-VALUES", () => {
  it("one item, two amounts", () => {
    const r = withText([], "2025年公务接待费预算8万元。\n（二）公务接待费预算9万元，主要用于业务往来接待。");
    expect(ours(r)).toEqual([`NARR-TWO-VALUES ${NAME}!A2`]);
  });

  it("the same amount twice, or 预算 beside 决算, is not", () => {
    expect(ours(withText([], "2025年公务接待费预算8万元。\n公务接待费预算8.00万元。"))).toEqual([]);
    expect(ours(withText([], "公务接待费年初预算为8万元，支出决算为7万元，完成预算的87.5%。"))).toEqual([]);
  });
});

describe("fail closed", () => {
  it.each([
    ["an item the reader does not know", "奖特扶经费3069.27万元，比上年增加100万元，增长50%。"],
    ["a figure with no unit", "公务接待费0.92，比上年增加0.5，增长5%。"],
    ["a rate with no base to check it by", "公务接待费比上年下降7.4%。"],
  ])("%s gives nothing", (_what, text) => {
    expect(ours(withText(seed001, text))).toEqual([]);
  });

  it("text copied from a PDF, a paragraph broken where the page wrapped it, is read as the paragraph (梧州市农产品质量安全综合检测中心 2020)", () => {
    const pdf = [
      "2020 年度一般公共预算财政拨款安排的“三公”经费支",
      "出决算总额为 5.48 万元,比去年增加 1.55 万元,增长",
      "39.4%,增加原因主要是公务用车运行支出增加。其中,公",
      "务接待费支出决算 1.5 万元,比去年增加 0.5 万元,增长",
      "50%,增加原因主要是接待上级有关部门来本单位监督检查。",
      "(一)因公出国(境)费支出 0 万元。",
    ];
    expect(ours(withText([], pdf.join("\n")))).toEqual([]);
    // One rate changed: found, at the line where its sentence starts.
    expect(ours(withText([], pdf.join("\n").replace("增长\n50%", "增长\n60%")))).toEqual([`NARR-ARITH ${NAME}!A3`]);
    expect(ours(withText([], pdf.join("\n").replace("增长\n39.4%", "增长\n93.4%")))).toEqual([`NARR-ARITH ${NAME}!A1`]);
  });

  it("a sentence with a figure the template left blank (占 %, 减少 万元) is not read: only the leftover is reported", () => {
    // 湛江市委宣传部 2017: read, the blank 减少 万元 made 0 and 30 look like a level and its base.
    const text =
      "其中:因公出国(境)费 0 万元,占 %,比上年减少 万元;公务用车保有量2辆,购置及运行维护费5万元,占 %,比上年减少 0.28 万元,公务接待费30万元,占 %,比上年减少2 万元。";
    expect(withText([], text).findings.map((f) => f.rule)).toEqual(["PKG-LEFTOVER"]);
  });

  it("a 其中 right after a change stated alone breaks the change down: a bare figure there is no level (寻甸县农业农村局 2022)", () => {
    // Read as a level, 174,732.10 made NARR-TWO-VALUES against the 273,702.10 stated before.
    const text =
      "公务用车购置及运行费支出决算为273,702.10元。\n" +
      "2022年度“三公”经费支出决算数比2021年增加231,448.10元,增长145.87%。其中:公务用车购置及运行费支出决算174,732.10元,增长176.55%。";
    expect(ours(withText([], text))).toEqual([]);
    // After a level with its change (寿县司法局 2022's 说明), the 其中 breaks the level down: its figures are levels.
    const levels =
      "公务用车购置及运行费预算75万元,比上年减少45万元,下降37.5%。其中:公务用车运行费50万元。\n公务用车运行费40万元,主要用于车辆燃料费。";
    expect(ours(withText([], levels))).toEqual([`NARR-TWO-VALUES ${NAME}!A2`]);
  });

  it("an item's figures for two years: the earlier year's is the base of the change (英德市经信局 2016)", () => {
    // Read as a level, 12.5 made the base 12.5 + 4.5 and the rate 26.47%.
    expect(ours(withText([], "公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.5万元;减少率36%。"))).toEqual([]);
    expect(ours(withText([], "公务接待费2016年预算8万元,2015年预算12.5万元;对比减少4.5万元;减少率26.47%。"))).toEqual([
      `NARR-ARITH ${NAME}!A1`,
    ]);
  });
});

describe("template text in the 说明", () => {
  it("下降（增长） left from the template is PKG-LEFTOVER at its line", () => {
    const r = withText([], "2025年公务接待费预算8万元，比上年下降（增长）2万元。");
    expect(r.findings.map((f) => `${f.rule} ${f.cell} ${f.line}`)).toEqual(["PKG-LEFTOVER A1 1"]);
  });
});

describe("narrativeExplainsChange", () => {
  const text = "（三）公务接待费0.92万元，比上年减少0.08万元，主要原因是严格控制接待标准。";
  const d = (s: string) => new Decimal(s);

  it("is true when a sentence names the item, the change and its reason", () => {
    expect(narrativeExplainsChange(text, "三、公务接待费", d("1.00"), d("0.92"), "万元")).toBe(true);
    expect(narrativeExplainsChange(text, "公务接待费", d("10000"), d("9200"), "元")).toBe(true);
  });

  it("is false for the other direction, other figures, an unknown item, or no reason", () => {
    expect(narrativeExplainsChange(text, "公务接待费", d("0.80"), d("0.92"), "万元")).toBe(false);
    expect(narrativeExplainsChange(text, "公务接待费", d("2.00"), d("1.50"), "万元")).toBe(false);
    expect(narrativeExplainsChange(text, "奖特扶经费", d("1.00"), d("0.92"), "万元")).toBe(false);
    expect(narrativeExplainsChange("公务接待费0.92万元，比上年减少0.08万元。", "公务接待费", d("1.00"), d("0.92"), "万元")).toBe(
      false,
    );
  });
});
