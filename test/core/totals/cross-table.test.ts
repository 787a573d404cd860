import Decimal from "decimal.js";
import { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { check, checkSeedWorkbook, seedRow } from "./helpers";
import { Seed001Table, seed001Sheet, seed001Workbook } from "./seed001-grids";

function onSheet(findings: ReturnType<typeof check>, sheet: string, cell: string, rule: string) {
  return findings.filter((f) => f.sheet === sheet && f.cell === cell && f.rule === rule);
}

describe("cross-table checks on seed 001", () => {
  it("XT-SPEND-CLASS: 收支总表 类 amounts must match 支出总表 类 rows by name", () => {
    // Swap two classes: the 收支总表 still adds up, but no longer matches 支出总表.
    const f = checkSeedWorkbook("收支总表", { edits: { [`E${seedRow(8)}`]: 277.34, [`E${seedRow(20)}`]: 1060.41 } });
    const hit = onSheet(f, "收支总表", `E${seedRow(8)}`, "XT-SPEND-CLASS");
    expect(hit).toHaveLength(1);
    expect(hit[0].message).toBe(
      "收支总表「社会保障和就业支出」 277.34 与支出总表类级科目 208 的合计 1,060.41 不一致，相差 −783.07（万元）",
    );
    expect(onSheet(f, "收支总表", `E${seedRow(20)}`, "XT-SPEND-CLASS")).toHaveLength(1);
    expect(f.filter((x) => x.severity === "error")).toHaveLength(2);
  });

  it("XT-SPEND-CLASS: an amount moved to another class", () => {
    const f = checkSeedWorkbook("收支总表", { edits: { [`E${seedRow(8)}`]: null, [`E${seedRow(25)}`]: 1060.41 } });
    expect(onSheet(f, "收支总表", `E${seedRow(8)}`, "XT-SPEND-CLASS")).toHaveLength(1);
    const other = onSheet(f, "收支总表", `E${seedRow(25)}`, "XT-SPEND-CLASS");
    expect(other).toHaveLength(1);
    expect(other[0].message).toContain("缺失，按 0 计");
  });

  it("XT-SPEND-CLASS: a 支出总表 class with no row of that name in the 收支总表", () => {
    const f = checkSeedWorkbook("收支总表", { edits: { [`D${seedRow(8)}`]: "八、社会保障支出" } });
    expect(onSheet(f, "支出总表", "D7", "XT-SPEND-CLASS")).toHaveLength(1);
    expect(onSheet(f, "收支总表", `E${seedRow(8)}`, "XT-SPEND-CLASS")).toHaveLength(1);
  });

  it("XT-INCOME-TOTAL: 收入总表 合计 must equal 收支总表 收入总计", () => {
    const f = checkSeedWorkbook("收支总表", {
      edits: { [`C${seedRow(1)}`]: 24500.91, [`C${seedRow(32)}`]: 24500.91, [`C${seedRow(34)}`]: 24500.91 },
    });
    // The 收支总表 no longer balances on its own, so it is the culprit and carries the finding.
    expect(onSheet(f, "收入总表", "D6", "XT-INCOME-TOTAL")).toHaveLength(0);
    const hit = onSheet(f, "收支总表", `C${seedRow(34)}`, "XT-INCOME-TOTAL");
    expect(hit).toHaveLength(1);
    expect(hit[0].message).toContain("收支总表收入总计 24,500.91 与收入总表合计 24,490.91 不一致，相差 +10.00（万元）");
  });

  it("does not repeat a wrong total that the sheet's own rules already report", () => {
    const f = checkSeedWorkbook("收入总表", { edits: { D6: 24480.91 } });
    expect(onSheet(f, "收入总表", "D6", "SUM-ROW")).toHaveLength(1);
    expect(f.filter((x) => x.cell === "D6" && x.sheet === "收入总表")).toHaveLength(1);
  });

  it("XT-GPB-SPEND: the GPB table must repeat 支出总表 row by row; only the deepest codes are reported", () => {
    // Internally consistent change: 2100101 loses 7.51 to 2100199 in 合计 and 基本支出.
    const f = checkSeedWorkbook("一般公共预算财政拨款支出表", {
      edits: { D14: 990.0, E14: 990.0, D15: 644.11, E15: 7.51 },
    });
    const cells = f.filter((x) => x.rule === "XT-GPB-SPEND").map((x) => `${x.sheet}!${x.cell}`);
    expect(cells.sort()).toEqual([
      "一般公共预算财政拨款支出表!D14",
      "一般公共预算财政拨款支出表!D15",
      "一般公共预算财政拨款支出表!E14",
      "一般公共预算财政拨款支出表!E15",
    ]);
    expect(f.filter((x) => x.severity === "error")).toHaveLength(4);
  });

  it("finds a figure that breaks its own table and the copy in another at the figure itself", () => {
    // 2100201 综合医院 raised by 10 in the 支出总表 only: its 款 21002 no longer adds up there, and the
    // GPB table repeats the old figure. The two changed cells are the culprits, nothing else.
    const f = checkSeedWorkbook("支出总表", { edits: { D17: 788.71, F17: 788.71 } });
    expect(f.filter((x) => x.severity !== "info").map((x) => `${x.sheet}!${x.cell} ${x.rule}`)).toEqual([
      "支出总表!D17 SUM-CROSS",
      "支出总表!F17 SUM-CROSS",
    ]);
    expect(onSheet(f, "支出总表", "D17", "SUM-CROSS")[0].message).toBe(
      "2100201 综合医院（合计） 788.71 有误：按「科目 21002 公立医院（合计）」和「一般公共预算财政拨款支出表 2100201 的合计」推算都应为 778.71，相差 +10.00（万元）；这些核对因它而不符，不另行列出",
    );
  });

  it("XT-BASIC: 基本支出表 合计 must equal the 基本支出 of the GPB table", () => {
    // 办公费 raised by 10 throughout the 基本支出表: it adds up on its own, but no longer matches.
    const f = checkSeedWorkbook("一般公共预算财政拨款基本支出表", {
      edits: { D20: 56.2, F20: 56.2, D19: 283.81, F19: 283.81, D6: 4668.03, F6: 283.81 },
    });
    expect(onSheet(f, "一般公共预算财政拨款基本支出表", "D6", "XT-BASIC")).toHaveLength(1);
  });

  it("finds a wrong GPB 合计 that the 基本支出表 contradicts at the 合计, not on the 基本支出表", () => {
    const f = checkSeedWorkbook("一般公共预算财政拨款支出表", { edits: { E6: 4668.03 } });
    expect(f.filter((x) => x.severity !== "info").map((x) => `${x.sheet}!${x.cell} ${x.rule}`)).toEqual([
      "一般公共预算财政拨款支出表!E6 SUM-ROW",
    ]);
    expect(f[0].message).toContain("基本支出表合计");
  });

  it("converts units when the tables state different ones", () => {
    const scaled = scaleToYuan("一般公共预算财政拨款基本支出表");
    const wb = seed001Workbook().map((s) => (s.name === scaled.name ? scaled : s));
    expect(check(wb).filter((x) => x.severity !== "info")).toEqual([]);
    // The same figures labelled 万元 are 10000 times too large.
    const mislabelled = scaleToYuan("一般公共预算财政拨款基本支出表", "单位：万元");
    const f = check(seed001Workbook().map((s) => (s.name === mislabelled.name ? mislabelled : s)));
    expect(onSheet(f, "一般公共预算财政拨款基本支出表", "D6", "XT-BASIC")).toHaveLength(1);
  });

  it("XT-BASIC-SPLIT: 基本支出表 合计 = 人员经费 + 公用经费, reported once per cell", () => {
    // 合计 and 人员经费 both changed: the row identity alone is broken.
    const f = checkSeedWorkbook("一般公共预算财政拨款基本支出表", { edits: { D8: 1000.86 } });
    expect(onSheet(f, "一般公共预算财政拨款基本支出表", "D8", "XT-BASIC-SPLIT")).toHaveLength(1);
    expect(f.some((x) => x.rule === "SUM-COL")).toBe(false);
  });

  it("reports a 人员经费 cell that breaks its row and its 类 as one SUM-CROSS", () => {
    const f = checkSeedWorkbook("一般公共预算财政拨款基本支出表", { edits: { E8: 1000.86 } });
    const sheet = f.filter((x) => x.sheet === "一般公共预算财政拨款基本支出表" && x.severity === "error");
    expect(sheet.map((x) => `${x.rule}@${x.cell}`)).toEqual(["SUM-CROSS@E8"]);
  });
});

/** The seed table with every amount ×10000 and the unit line saying 元. */
function scaleToYuan(table: Seed001Table, unit = "单位：元"): SheetSnapshot {
  const sheet = seed001Sheet(table);
  const values = sheet.values.map((row, r) =>
    row.map((v, c): CellValue => {
      if (r >= 5 && c >= 3 && typeof v === "number") return Number(new Decimal(v).times(10000).toString());
      if (typeof v === "string" && v.startsWith("单位：")) return unit;
      return v;
    }),
  );
  return { ...sheet, values, texts: values.map((row) => row.map((v) => (v === null ? "" : String(v)))) };
}
