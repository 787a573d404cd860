import { checkWorkbook } from "../../../src/core/check";
import { RectRef } from "../../../src/core/address";
import { notesFromSheet } from "../../../src/core/narrative";
import { LiteralCell, SheetView, gridSheet } from "../../../src/core/snapshot";

/**
 * A 说明 written inside a table (沅陵县's 2021 三公 table ends with a merged 增减情况说明 row, test/wild/41):
 * read by the 说明's reader with the table's own figures. Invented figures in that layout.
 */
const NOTE = (rate: string, total = "4196") =>
  `增减情况说明:2021年度“三公”经费预算数为${total}万元,较2020年4729万元减少533万元,同比下降${rate}。其中:公务接待费预算数为2747万元。`;

function sangong(note: string, layout: "merged" | "single" | "below" = "merged"): { rows: LiteralCell[][]; merges: RectRef[] } {
  const rows: LiteralCell[][] = [
    ["2021年“三公”经费预算财政拨款情况统计表", null, null],
    ["单位：万元", null, null],
    ["项目", "本年预算数", "备注"],
    ["合计", 4196, null],
    ["1、因公出国(境)费用", 0, null],
    ["2、公务接待费", 2747, null],
    ["3、公务用车费", 1449, null],
    ["其中:(1)公务用车运行维护费", 1449, null],
    ["(2)公务用车购置", 0, null],
  ];
  if (layout === "below") rows.push([null, null, null]);
  rows.push([note, null, null]);
  const last = rows.length - 1;
  const merges = layout === "single" ? [] : [{ top: last, left: 0, bottom: last, right: 2 }];
  return { rows, merges };
}

const check = (note: string, layout?: "merged" | "single" | "below") => {
  const { rows, merges } = sangong(note, layout);
  return checkWorkbook([gridSheet("三公经费预算表", rows, { merges })]).findings.filter((f) => f.rule.startsWith("NARR-"));
};

describe("a 说明 row inside a table", () => {
  it("NARR-ARITH: a rate the row's own figures contradict, at the row's cell", () => {
    const f = check(NOTE("11.2%"));
    expect(f.map((x) => `${x.rule} ${x.cell} ${x.severity}`)).toEqual(["NARR-ARITH A10 warning"]);
    expect(f[0].message).toContain("11.3%");
  });

  it("is quiet when the rate is right and the figures agree with the table", () => {
    expect(check(NOTE("11.3%"))).toEqual([]);
    expect(check(NOTE("11.27%"))).toEqual([]);
  });

  it("NARR-VS-TABLE: the row's 三公 total against the table's own 合计", () => {
    const f = check(NOTE("11.3%", "4296").replace("减少533万元", "减少433万元").replace("11.3%", "9.2%"));
    expect(f.map((x) => `${x.rule} ${x.cell}`)).toContain("NARR-VS-TABLE A10");
  });

  it("layout variants: an unmerged cell, or a row below a blank one, is read the same", () => {
    for (const layout of ["single", "below"] as const) {
      const f = check(NOTE("11.2%"), layout);
      expect(f.map((x) => x.rule)).toEqual(["NARR-ARITH"]);
    }
  });

  it("two notes on one sheet are two texts: their figures for one item are not compared", () => {
    const { rows, merges } = sangong(NOTE("11.3%"));
    // Another project's note on the same form, with its own 2021 三公 figure.
    rows.push(["项目二说明:2021年度“三公”经费预算数为2747万元,较2020年2747万元持平,全部为公务接待费。", null, null]);
    const f = checkWorkbook([gridSheet("三公经费预算表", rows, { merges })]).findings;
    expect(f.filter((x) => x.rule === "NARR-TWO-VALUES")).toEqual([]);
  });

  it("a 注 that names no amount is not read as a 说明; one that names an amount is", () => {
    const notes = (note: string) => {
      const { rows, merges } = sangong(note);
      return notesFromSheet(new SheetView(gridSheet("三公经费预算表", rows, { merges }))).map((n) => n.lines[0].cell);
    };
    expect(notes("注:“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费,下降11.2%的口径见说明。")).toEqual([]);
    expect(notes(NOTE("11.3%"))).toEqual(["A10"]);
  });
});
