import JSZip from "jszip";
import { parseRange, rectToA1, toA1 } from "../../src/core/address";
import type { TemplateKind } from "../../src/templates/catalog";
import type { TemplateSpec, ValidationSpec } from "../../src/templates/spec-types";
import { TemplateOptions, templateSpec } from "../../src/templates/specs";
import { buildTemplateBase64, buildTemplateWorkbook } from "../../src/templates/xlsx-writer";

/*
 * Reads <dataValidation> straight from the sheet XML, not through exceljs: exceljs expands every
 * sqref into cells on load, which would hide exactly the overlaps Excel and EPPlus trip over.
 */

interface XmlValidation {
  sqref: string;
  type: string;
  formula1: string;
  prompt: string | null;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

async function sheetValidations(bytes: Uint8Array | Buffer): Promise<XmlValidation[][]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const sheets: XmlValidation[][] = [];
  for (const name of names) {
    const xml = await zip.file(name)!.async("string");
    const found: XmlValidation[] = [];
    for (const m of xml.matchAll(/<dataValidation\s[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g)) {
      const open = /^<dataValidation\s[^>]*>/.exec(m[0])![0];
      const f1 = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[0]);
      found.push({
        sqref: attribute(open, "sqref")!,
        type: attribute(open, "type") ?? "any",
        formula1: f1 ? unescapeXml(f1[1]) : "",
        prompt: attribute(open, "prompt"),
      });
    }
    sheets.push(found);
  }
  return sheets;
}

/** Every cell an sqref names; an sqref may list several space-separated ranges. */
function sqrefCells(sqref: string): string[] {
  const cells: string[] = [];
  for (const part of sqref.trim().split(/\s+/)) {
    const rect = parseRange(part);
    if (!rect) throw new Error(`sqref 无法解析：${part}`);
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) cells.push(toA1(r, c));
  }
  return cells;
}

function cellsOwnedOnce(validations: XmlValidation[]): Map<string, XmlValidation> {
  const owner = new Map<string, XmlValidation>();
  for (const v of validations) {
    for (const cell of sqrefCells(v.sqref)) {
      const previous = owner.get(cell);
      if (previous) throw new Error(`${cell} 同时属于 ${previous.sqref} 与 ${v.sqref}`);
      owner.set(cell, v);
    }
  }
  return owner;
}

const expectedFormula1 = (v: ValidationSpec) => {
  switch (v.rule.kind) {
    case "list":
      return `"${v.rule.items.join(",")}"`;
    case "decimal":
    case "whole":
      return String(v.rule.min);
    case "textLength":
      return String(v.rule.max);
  }
};

function expectMatchesSpec(owner: Map<string, XmlValidation>, spec: TemplateSpec): void {
  const expected = new Map<string, { type: string; formula1: string; prompt: string | null }>();
  for (const v of spec.validations) {
    for (let r = v.range.top; r <= v.range.bottom; r++) {
      for (let c = v.range.left; c <= v.range.right; c++) {
        expect(expected.has(toA1(r, c))).toBe(false); // the spec itself must not overlap either
        expected.set(toA1(r, c), { type: v.rule.kind, formula1: expectedFormula1(v), prompt: v.prompt?.message ?? null });
      }
    }
  }
  const actual = new Map([...owner].map(([cell, v]) => [cell, { type: v.type, formula1: v.formula1, prompt: v.prompt }]));
  expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
}

/** The validation that starts right below a header label (the label's first occurrence). */
function validationUnder(spec: TemplateSpec, validations: XmlValidation[], label: string): XmlValidation {
  const header = spec.cells.find((c) => c.value === label);
  if (!header) throw new Error(`模板中没有「${label}」`);
  const below = validations.filter((v) => {
    const rect = parseRange(v.sqref)!;
    return rect.left === header.col && rect.right === header.col && rect.top === header.row + 1;
  });
  expect(below).toHaveLength(1);
  return below[0];
}

const cases: [TemplateKind, TemplateOptions][] = [
  ["收支总表", {}],
  ["绩效指标", {}],
  ["绩效指标", { blocks: 3 }],
];

describe("data validations in the written .xlsx", () => {
  it.each(cases)("%s %j: each cell carries exactly the one validation its spec declares", async (kind, options) => {
    const [validations] = await sheetValidations(await buildTemplateWorkbook([kind], options));
    expectMatchesSpec(cellsOwnedOnce(validations), templateSpec(kind, options));
  });

  it("writes one validation per declared range, with the range as its sqref", async () => {
    const spec = templateSpec("绩效指标", { blocks: 2 });
    const [validations] = await sheetValidations(await buildTemplateWorkbook(["绩效指标"], { blocks: 2 }));
    expect(validations.map((v) => v.sqref).sort()).toEqual(spec.validations.map((v) => rectToA1(v.range)).sort());
  });

  it("keeps the workbook of both templates free of overlaps on every sheet", async () => {
    const sheets = await sheetValidations(await buildTemplateWorkbook(["收支总表", "绩效指标"]));
    expect(sheets).toHaveLength(2);
    sheets.forEach((validations, i) =>
      expectMatchesSpec(cellsOwnedOnce(validations), templateSpec((["收支总表", "绩效指标"] as const)[i])),
    );
  });

  it("gives the inserted 绩效指标 file dropdowns on 一级/二级 and the 指标值 examples", async () => {
    const spec = templateSpec("绩效指标");
    const [validations] = await sheetValidations(Buffer.from(await buildTemplateBase64("绩效指标", "绩效指标 (2)"), "base64"));
    const owner = cellsOwnedOnce(validations);
    const level1 = validationUnder(spec, validations, "一级指标");
    expect(level1).toMatchObject({ type: "list", formula1: '"产出指标,效益指标,满意度指标"' });
    const level2 = validationUnder(spec, validations, "二级指标");
    expect(level2.type).toBe("list");
    for (const item of ["数量指标", "成本指标", "可持续影响指标", "服务对象满意度指标"]) expect(level2.formula1).toContain(item);
    const value = validationUnder(spec, validations, "指标值");
    for (const form of ["≥95%", "≤5万元", "100人", "比上年有所提高"]) expect(value.prompt).toContain(form);
    // All three cover the same indicator rows, each cell once.
    expect(sqrefCells(level1.sqref).length).toBeGreaterThan(1);
    for (const v of [level1, level2, value])
      expect(sqrefCells(v.sqref).map((a) => parseRange(a)!.top)).toEqual(sqrefCells(level1.sqref).map((a) => parseRange(a)!.top));
    expect(owner.size).toBe(validations.reduce((n, v) => n + sqrefCells(v.sqref).length, 0));
  });
});
