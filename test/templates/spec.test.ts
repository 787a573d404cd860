import { readFileSync } from "fs";
import { rectToA1, toA1 } from "../../src/core/address";
import { TEMPLATE_CATALOG } from "../../src/templates/catalog";
import {
  CLASSIC_FRAMEWORK,
  INDICATOR_LAYOUT,
  blockStartRow,
  indicatorSpec,
  projectBlockSpec,
} from "../../src/templates/indicator-spec";
import { styleRects } from "../../src/excel/template-ranges";
import { ROLE_STYLES, TemplateSpec } from "../../src/templates/spec-types";
import { freeSheetName, templateSpec } from "../../src/templates/specs";
import { INCOME_ITEMS, SPEND_ITEMS, SUMMARY_LAYOUT, summarySpec } from "../../src/templates/summary-spec";

const at = (spec: TemplateSpec, address: string) => spec.cells.find((c) => toA1(c.row, c.col) === address);
const labelled = (spec: TemplateSpec, value: string) => spec.cells.find((c) => c.value === value);

describe("收支总表 spec", () => {
  const spec = summarySpec();
  const L = SUMMARY_LAYOUT;

  it("names the 31 功能分类 类 rows as the published table does", () => {
    expect(SPEND_ITEMS).toHaveLength(31);
    expect(SPEND_ITEMS[0]).toBe("一、一般公共服务支出");
    expect(SPEND_ITEMS[30]).toBe("三十一、人行科目");
    // Every expenditure name in the spec appears verbatim in the model table kept in the fixtures.
    const seedNames = readFileSync(`${__dirname}/support/seed-001-summary-names.txt`, "utf8").trim().split("\n");
    expect([...INCOME_ITEMS, ...SPEND_ITEMS]).toEqual(seedNames);
  });

  it("has the title, the unit row with 单位：万元, and a 栏次 row", () => {
    expect(at(spec, "A1")?.value).toBe("部门预算收支总表");
    expect(at(spec, "E2")?.value).toBe("单位：万元");
    expect(at(spec, "B2")?.role).toBe("input");
    expect(at(spec, "A5")?.value).toBe("栏次");
    expect(["B4", "C4", "D4", "E4"].map((a) => at(spec, a)?.value)).toEqual(["项目", "预算数", "项目", "预算数"]);
  });

  it("computes every total with a formula over the item cells", () => {
    const first = L.firstItemRow + 1;
    const last = L.lastItemRow + 1;
    expect(labelled(spec, "本年收入合计")).toBeDefined();
    expect(at(spec, `C${L.yearTotalRow + 1}`)?.formula).toBe(`=SUM(C${first}:C${last})`);
    expect(at(spec, `E${L.yearTotalRow + 1}`)?.formula).toBe(`=SUM(E${first}:E${last})`);
    expect(at(spec, `C${L.grandTotalRow + 1}`)?.formula).toBe(`=C${L.yearTotalRow + 1}+C${L.carryRow + 1}`);
    expect(at(spec, `E${L.grandTotalRow + 1}`)?.formula).toBe(`=E${L.yearTotalRow + 1}+E${L.carryRow + 1}`);
    expect(spec.cells.filter((c) => c.formula)).toHaveLength(4);
  });

  it("formats every amount cell 0.00 and locks formulas while leaving inputs open", () => {
    const amounts = spec.cells
      .filter((c) => c.col === L.columns.income || c.col === L.columns.spend)
      .filter((c) => c.row >= L.firstItemRow);
    expect(amounts.length).toBe(2 * (31 + 3));
    for (const c of amounts) expect(c.numberFormat).toBe("0.00");
    for (const c of spec.cells) {
      if (c.formula) expect(ROLE_STYLES[c.role].locked).toBe(true);
      if (c.role === "input") expect(ROLE_STYLES[c.role].locked).toBe(false);
    }
    expect(ROLE_STYLES.input.fill).not.toBe(ROLE_STYLES.formula.fill);
    expect(spec.protect).toBe(true);
  });

  it("freezes the header and prints A4 landscape with the header repeated", () => {
    expect(spec.freeze.rows).toBe(5);
    expect(spec.print).toEqual({ orientation: "landscape", paper: "A4", fitToWidth: 1, titleRows: { first: 0, last: 4 } });
  });
});

describe("绩效指标 spec", () => {
  it("pre-fills the classic framework under a 一级/二级/三级/指标值/依据 header", () => {
    const spec = indicatorSpec();
    const start = blockStartRow(0);
    const header = start + INDICATOR_LAYOUT.offsets.header;
    expect([0, 1, 2, 3, 4].map((c) => at(spec, toA1(header, c))?.value)).toEqual([
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值",
      "指标值确定依据",
    ]);
    const rows = CLASSIC_FRAMEWORK.flatMap((g) => g.level2.map((l2) => [g.level1, l2]));
    rows.forEach(([l1, l2], i) => {
      expect(at(spec, toA1(header + 1 + i, 0))?.value).toBe(l1);
      expect(at(spec, toA1(header + 1 + i, 1))?.value).toBe(l2);
    });
    expect(rows).toHaveLength(9);
  });

  it("has the project header with 预算数 and the four plan months", () => {
    const spec = indicatorSpec();
    expect(labelled(spec, "项目名称")).toBeDefined();
    expect(labelled(spec, "预算数（万元）")).toBeDefined();
    const plan = labelled(spec, "资金支出计划（%）")!;
    expect([1, 2, 3, 4].map((c) => at(spec, toA1(plan.row, c))?.value)).toEqual(["3月底", "6月底", "10月底", "12月底"]);
    for (let c = 1; c <= 4; c++) expect(at(spec, toA1(plan.row + 1, c))?.role).toBe("input");
  });

  it("offers dropdowns on 一级 and 二级 and an input message on 指标值", () => {
    const spec = indicatorSpec();
    const first = blockStartRow(0) + INDICATOR_LAYOUT.offsets.firstIndicator;
    const byCol = (col: number) => spec.validations.find((v) => v.range.left === col && v.range.top === first)!;
    expect(byCol(0).rule).toEqual({ kind: "list", items: ["产出指标", "效益指标", "满意度指标"] });
    const l2 = byCol(1).rule;
    expect(l2.kind === "list" && l2.items).toEqual(
      expect.arrayContaining(["数量指标", "成本指标", "可持续影响指标", "服务对象满意度指标"]),
    );
    const value = byCol(3);
    for (const form of ["≥95%", "≤5万元", "100人", "比上年有所提高"]) expect(value.prompt?.message).toContain(form);
    // Excel refuses a list source over 255 characters.
    for (const v of spec.validations) if (v.rule.kind === "list") expect(v.rule.items.join(",").length).toBeLessThanOrEqual(255);
  });

  it("projectBlockSpec shifts every cell, merge and rule by the start row", () => {
    const a = projectBlockSpec(2);
    const b = projectBlockSpec(40);
    expect(b.cells.map((c) => ({ ...c, row: c.row - 38 }))).toEqual(a.cells);
    expect(b.merges.map((m) => ({ ...m, top: m.top - 38, bottom: m.bottom - 38 }))).toEqual(a.merges);
    expect(b.validations.map((v) => rectToA1(v.range))).toEqual(
      a.validations.map((v) => rectToA1({ ...v.range, top: v.range.top + 38, bottom: v.range.bottom + 38 })),
    );
    expect(b.conditionalFormats[0].formula).toBe(
      a.conditionalFormats[0].formula.replace(/(\D)(\d+)/g, (_m, p: string, n: string) => `${p}${Number(n) + 38}`),
    );
  });

  it("stacks blocks one empty row apart without overlap", () => {
    const spec = indicatorSpec(3);
    const rows = new Set(spec.cells.map((c) => `${c.row}:${c.col}`));
    expect(rows.size).toBe(spec.cells.length);
    for (let i = 1; i < 3; i++) {
      const gap = blockStartRow(i) - 1;
      expect(spec.cells.some((c) => c.row === gap)).toBe(false);
      expect(at(spec, toA1(blockStartRow(i), 0))?.value).toBe("项目名称");
    }
    expect(() => indicatorSpec(0)).toThrow(RangeError);
  });
});

describe("shared", () => {
  it("has a spec for every catalogue entry, with the catalogue's title in A1", () => {
    for (const t of TEMPLATE_CATALOG) expect(at(templateSpec(t.kind), "A1")?.value).toBe(t.title);
  });

  it("freeSheetName numbers copies as Excel does, case-insensitively", () => {
    expect(freeSheetName("收支总表", ["Sheet1"])).toBe("收支总表");
    expect(freeSheetName("收支总表", ["收支总表"])).toBe("收支总表 (2)");
    expect(freeSheetName("收支总表", ["收支总表", "收支总表 (2)"])).toBe("收支总表 (3)");
    expect(freeSheetName("Abc", ["abc"])).toBe("Abc (2)");
  });

  it("styleRects covers every cell exactly once with its own role", () => {
    for (const spec of [summarySpec(), indicatorSpec(2)]) {
      const rects = styleRects(spec.cells);
      for (const c of spec.cells) {
        const hits = rects.filter(
          (r) => c.row >= r.rect.top && c.row <= r.rect.bottom && c.col >= r.rect.left && c.col <= r.rect.right,
        );
        expect(hits).toHaveLength(1);
        expect(hits[0].role).toBe(c.role);
      }
      expect(rects.length).toBeLessThan(spec.cells.length / 2);
    }
  });
});
