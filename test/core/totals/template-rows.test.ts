import { checkWorkbook } from "../../../src/core/check";
import { LiteralCell, gridSheet } from "../../../src/core/snapshot";
import { check } from "./helpers";

/** A 分配表 as counties publish it: the total on top, then the counties, then what the template left. */
function table(extra: LiteralCell[][], options: { unitCol?: boolean } = {}): LiteralCell[][] {
  const head: LiteralCell[][] = [
    ["资金分配情况表", null, null, null],
    ["单位：万元", null, null, null],
    ["地县", "资金合计", "中央资金", "自治区资金"],
    ["和田地区", 1000, 400, 600],
    ["皮山县", 300, 100, 200],
    ["墨玉县", 700, 300, 400],
  ];
  const rows = [...head, ...extra];
  return options.unitCol ? rows.map((r, i) => [i === 2 ? "序号" : i > 2 ? i - 2 : null, ...r]) : rows;
}

const findings = (rows: LiteralCell[][]) => check([gridSheet("资金分配表", rows)]);
const placeholders = (rows: LiteralCell[][]) => findings(rows).filter((f) => f.rule === "TABLE-PLACEHOLDER");

describe("TABLE-PLACEHOLDER: an amount table's unfilled template rows", () => {
  it("says the template rows once for the table, as info, at the first of them", () => {
    const rows = table([
      ["本级单位**", null, null, null],
      ["本级单位**", null, null, null],
      ["本级单位**", null, null, null],
    ]);
    const f = placeholders(rows);
    expect(f.map((x) => `${x.cell} ${x.severity}`)).toEqual(["A7 info"]);
    expect(f[0].related).toEqual(["A8", "A9"]);
    expect(f[0].message).toContain("3 行模板占位行");
    // The sums hold: nothing else is said about the table.
    expect(findings(rows).filter((x) => x.severity !== "info")).toEqual([]);
  });

  it("knows the other placeholders of the one list: XX单位, ××, 某某, ……", () => {
    for (const name of ["XX单位", "××乡镇", "某某村", "……"]) {
      const f = placeholders(table([[name, null, null, null]]));
      expect(f.map((x) => x.cell)).toEqual(["A7"]);
    }
  });

  it("a row whose name is the template's prompt is a template row too, said once and not again as PKG-LEFTOVER", () => {
    const rows = table([
      ["（此处填写单位名称）", null, null, null],
      ["（此处填写单位名称）", null, null, null],
    ]);
    const all = checkWorkbook([gridSheet("资金分配表", rows)]).findings;
    expect(all.filter((f) => f.rule === "TABLE-PLACEHOLDER").map((f) => [f.cell, f.related])).toEqual([["A7", ["A8"]]]);
    expect(all.filter((f) => f.rule === "PKG-LEFTOVER")).toEqual([]);
  });

  it("stays silent on a clean table, and on a placeholder row that holds figures", () => {
    expect(placeholders(table([]))).toEqual([]);
    // Figures in the row: the writer filled it; its name is another matter (PKG-LEFTOVER in a package).
    expect(placeholders(table([["XX单位", 0, 0, 0]]))).toEqual([]);
    // A real name with a star footnote is no placeholder.
    expect(placeholders(table([["墨玉县*", null, null, null]]))).toEqual([]);
  });

  it("layout variant: a 序号 column before the names changes nothing", () => {
    const f = placeholders(table([["本级单位**", null, null, null]], { unitCol: true }));
    expect(f.map((x) => x.cell)).toEqual(["B7"]);
  });
});
