import { checkWorkbook } from "../../src/core/check";
import { isUncalculated } from "../../src/core/snapshot";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { rawPackage, worksheet } from "./support/raw-package";

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;
/** A formula as openpyxl writes one it has not calculated: an empty <v>. */
const openpyxl = (ref: string, f: string) => `<c r="${ref}"><f>${f}</f><v></v></c>`;
/** …and as other programs do: no <v> at all. */
const bare = (ref: string, f: string) => `<c r="${ref}"><f>${f}</f></c>`;
/** As xlsxwriter writes one: a cached 0, with fullCalcOnLoad set on the workbook. */
const xlsxwriter = (ref: string, f: string) => `<c r="${ref}"><f>${f}</f><v>0</v></c>`;
const FULL_CALC = '<calcPr calcId="124519" fullCalcOnLoad="1"/>';

async function read(sheets: { name: string; rows: string }[], workbookPr = "") {
  const bytes = await rawPackage(
    sheets.map((s) => ({ name: s.name, xml: worksheet(s.rows) })),
    { workbookPr },
  );
  return readWorkbookBytes(bytes, "t.xlsx");
}

/** An 办公经费 table: items in B3:B5, 合计 in B6 (a formula written by `formula`). */
function table(formula: (ref: string, f: string) => string, total = "SUM(B3:B5)") {
  return [
    `<row r="1">${inline("A1", "单位：万元")}</row>`,
    `<row r="2">${inline("A2", "项目")}${inline("B2", "金额")}</row>`,
    `<row r="3">${inline("A3", "办公费")}${num("B3", 1.1)}</row>`,
    `<row r="4">${inline("A4", "印刷费")}${num("B4", 2.2)}</row>`,
    `<row r="5">${inline("A5", "邮电费")}${num("B5", 3.3)}</row>`,
    `<row r="6">${inline("A6", "合计")}${formula("B6", total)}</row>`,
  ].join("");
}

describe("formulas without a trustworthy result", () => {
  test.each([
    ["an empty <v> (openpyxl)", openpyxl, ""],
    ["no <v> at all", bare, ""],
    ["a cached 0 in a workbook that asks to be recalculated (xlsxwriter)", xlsxwriter, FULL_CALC],
  ])("%s: SUM is calculated exactly, and the total is checked", async (_label, formula, pr) => {
    const r = await read([{ name: "办公经费", rows: table(formula) }], pr);
    const s = r.snapshots[0];
    expect(s.values[5]).toEqual(["合计", 6.6]);
    expect(s.texts[5][1]).toBe("6.6");
    expect(checkWorkbook(r.snapshots).findings).toEqual([]);
  });

  test("a real mistake is still found: a hand-typed total beside calculated ones", async () => {
    const rows = table(openpyxl).replace(openpyxl("B6", "SUM(B3:B5)"), num("B6", 6.5));
    const findings = checkWorkbook((await read([{ name: "办公经费", rows }])).snapshots).findings;
    expect(findings.filter((f) => f.severity === "error").map((f) => f.cell)).toEqual(["B6"]);
  });

  test("+ and − of cells and numbers, parentheses, other sheets, chains in either direction", async () => {
    const other = `<row r="1">${num("A1", 10)}</row><row r="2">${num("A2", 0.3)}</row>`;
    const rows = [
      `<row r="1">${num("A1", 1.5)}${openpyxl("B1", "A1+'其他 表'!A2-(2-A2)")}${openpyxl("C1", "-SUM('其他 表'!A1:A2,A1,4)")}</row>`,
      `<row r="2">${num("A2", 0.25)}${openpyxl("B2", "B3+1")}</row>`,
      `<row r="3">${openpyxl("B3", "B4+1")}</row>`,
      `<row r="4">${openpyxl("B4", "A1+A2")}</row>`,
    ].join("");
    const s = (
      await read([
        { name: "表", rows },
        { name: "其他 表", rows: other },
      ])
    ).snapshots[0];
    expect(s.values.map((r) => r.slice(1))).toEqual([
      [0.05, -15.8],
      [3.75, null],
      [2.75, null],
      [1.75, null],
    ]);
  });

  test("what cannot be calculated exactly stays unknown, and so does what depends on it", async () => {
    const rows = [
      `<row r="1">${num("A1", 2)}${openpyxl("B1", "ROUND(A1*1.1,2)")}${openpyxl("C1", "B1+1")}</row>`,
      `<row r="2">${inline("A2", "文字")}${openpyxl("B2", "A2+1")}${openpyxl("C2", "SUM(A1:A2)")}${openpyxl("D2", "C3+1")}</row>`,
      `<row r="3">${openpyxl("C3", "D2+1")}${openpyxl("D3", "未知表!A1")}${openpyxl("E3", "SUM(A:A)")}</row>`,
    ].join("");
    const s = (await read([{ name: "表", rows }])).snapshots[0];
    const unknown = s.values.flatMap((r, i) =>
      r.map((v, j) => (isUncalculated(v) ? `${"ABCDE"[j]}${i + 1}` : "")).filter(Boolean),
    );
    // C2 sums A1:A2 and ignores the text, as SUM does; cycles (D2, C3), other formulas, unknown sheets are unknown.
    expect(unknown).toEqual(["B1", "C1", "B2", "D2", "C3", "D3", "E3"]);
    expect(s.values[1][2]).toBe(2);
    expect(s.texts[0][1]).toBe("");
  });

  test("one info per sheet names what was not calculated", async () => {
    const r = await read([{ name: "办公经费", rows: table(openpyxl, "ROUND(SUM(B3:B5),1)") }]);
    const findings = checkWorkbook(r.snapshots).findings;
    expect(findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([["FORMULA-UNCALCULATED", "B6", "info"]]);
    expect(findings[0].message).toContain("公式未计算，请在 Excel 中打开并保存后再检查");
  });

  test("a long chain of running totals, written bottom-up, is calculated without recursion", async () => {
    const n = 30_000;
    const rows = Array.from({ length: n }, (_, i) =>
      i === n - 1 ? `<row r="${n}">${num(`A${n}`, 1)}</row>` : `<row r="${i + 1}">${openpyxl(`A${i + 1}`, `A${i + 2}+1`)}</row>`,
    ).join("");
    const s = (await read([{ name: "表", rows }])).snapshots[0];
    expect(s.values[0][0]).toBe(n);
  });

  test("a text formula's empty result is the empty text Excel wrote, not an uncalculated formula", async () => {
    const rows = `<row r="1">${num("A1", 1)}<c r="B1" t="str"><f>IF(A1&gt;0,"","x")</f><v></v></c></row>`;
    const s = (await read([{ name: "表", rows }])).snapshots[0];
    expect(s.values[0]).toEqual([1, ""]);
  });
});
