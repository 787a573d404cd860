import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { readWorkbookFile } from "../src/cli/xlsx-read";
import { parseA1 } from "../src/core/address";
import { isRuleId } from "../src/core/catalogue";
import { SheetSnapshot, SheetView } from "../src/core/snapshot";
import { cleanHeader, parseSeed } from "../scripts/fixtures/seed-text";
import manifestJson from "./fixtures/manifest.json";

interface Defect {
  file: string;
  sheet: string;
  cell: string;
  rule: string;
  real?: boolean;
}
interface Entry {
  file: string;
  clean: boolean;
  defects: Defect[];
  mayAlsoFind?: string[];
}

const ROOT = join(__dirname, "..");
const manifest = manifestJson as { fixtures: Entry[] };
const cache = new Map<string, Promise<SheetSnapshot[]>>();
const load = (file: string) => {
  if (!cache.has(file)) cache.set(file, readWorkbookFile(join(ROOT, file)));
  return cache.get(file)!;
};
const sheet = async (file: string, name: string) => {
  const found = (await load(file)).find((s) => s.name === name);
  if (!found) throw new Error(`${file} has no sheet ${name}`);
  return new SheetView(found);
};
const at = (view: SheetView, a1: string) => {
  const p = parseA1(a1)!;
  return {
    value: view.value(p.row, p.col),
    text: view.text(p.row, p.col),
    formula: view.formula(p.row, p.col),
    fmt: view.numberFormat(p.row, p.col),
    row: p.row,
  };
};

describe("fixture manifest", () => {
  it("lists the seed fixtures, the planted variants and the sample", () => {
    const files = manifest.fixtures.map((f) => f.file);
    expect(files).toEqual(
      expect.arrayContaining([
        "test/fixtures/seed001-budget.xlsx",
        "test/fixtures/seed001-budget-formulas.xlsx",
        "test/fixtures/seed001-indicators.xlsx",
        "test/fixtures/seed000-indicators.xlsx",
        "test/fixtures/seed003-indicators.xlsx",
        "samples/示例预算表.xlsx",
      ]),
    );
    expect(files.filter((f) => f.startsWith("test/fixtures/planted/")).length).toBeGreaterThanOrEqual(6);
  });

  it.each(manifest.fixtures.map((f) => [f.file, f] as const))(
    "%s exists, loads and has consistent defects",
    async (file, entry) => {
      expect(existsSync(join(ROOT, file))).toBe(true);
      const sheets = await load(file);
      expect(sheets.length).toBeGreaterThan(0);
      if (entry.clean) expect(entry.defects).toEqual([]);
      if (file.includes("/planted/")) expect(entry.defects.filter((d) => !d.real)).toHaveLength(1);
      for (const rule of entry.mayAlsoFind ?? []) expect(isRuleId(rule)).toBe(true);
      for (const d of entry.defects) {
        expect(d.file).toBe(file);
        expect(isRuleId(d.rule)).toBe(true);
        const view = await sheet(file, d.sheet);
        const cell = at(view, d.cell);
        if (d.rule === "IND-EMPTY") {
          // An empty value is the defect: the cell is blank while its row names a 三级指标.
          expect(cell.text).toBe("");
          expect(view.text(cell.row, 2)).not.toBe("");
        } else if (d.rule === "IND-UNUSED" || d.rule === "EVAL-UNFILLED") {
          // A blank category row, a self-evaluation with no result: the value cell is blank.
          expect(cell.text).toBe("");
        } else {
          expect(cell.text).not.toBe("");
        }
      }
    },
  );
});

describe("seed 001 budget fixture", () => {
  const file = "test/fixtures/seed001-budget.xlsx";

  it("has the nine standard tables as sheets, each titled in A1", async () => {
    const sheets = await load(file);
    expect(sheets.map((s) => s.name)).toEqual([
      "收支总表",
      "收入总表",
      "支出总表",
      "财政拨款收支总表",
      "一般公共预算财政拨款支出表",
      "基本支出表",
      "政府性基金预算财政拨款支出表",
      "国有资本经营预算财政拨款支出表",
      "三公经费支出表",
    ]);
    for (const s of sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(new SheetView(s).text(0, 0)).toMatch(/^部门预算.*表$/);
    }
  });

  it("keeps the real layout: unit row, merged two-row header, 栏次 row, amounts as 0.00 numbers", async () => {
    const v = await sheet(file, "收支总表");
    expect(v.text(1, 4)).toBe("单位：万元");
    expect(v.label(2, 1)).toBe("收入");
    expect(v.mergeAt(2, 2)).toEqual({ top: 2, left: 1, bottom: 2, right: 2 });
    expect(v.mergeAt(3, 0)).toEqual({ top: 2, left: 0, bottom: 3, right: 0 });
    expect(v.text(4, 0)).toBe("栏次");
    expect(at(v, "D37").text).toBe("本年支出合计");
    expect(at(v, "E37")).toMatchObject({ value: 24490.91, text: "24490.91", fmt: "0.00", formula: "" });
    expect(at(v, "E13").value).toBe(1060.41);
  });

  it("stores classification codes as text and keeps the 合计 row", async () => {
    const v = await sheet(file, "支出总表");
    expect(at(v, "C6").text).toBe("合计");
    expect(at(v, "D6").value).toBe(24490.91);
    expect(at(v, "B7").value).toBe("208");
    expect(at(v, "B9").value).toBe("2080501");
  });

  it("has a formula variant whose totals are formulas with the seed's cached values", async () => {
    const v = await sheet("test/fixtures/seed001-budget-formulas.xlsx", "收支总表");
    expect(at(v, "E37")).toMatchObject({ value: 24490.91, formula: "=SUM(E6:E36)" });
    expect(at(v, "E39")).toMatchObject({ value: 24490.91, formula: "=E37+E38" });
    const basic = await sheet("test/fixtures/seed001-budget-formulas.xlsx", "基本支出表");
    expect(at(basic, "D6")).toMatchObject({ value: 4658.03, formula: "=D7+D19+D31" });
  });
});

describe("indicator fixtures", () => {
  it("stacks all 58 project blocks of seed 001 with their budgets, plans and indicator headers", async () => {
    const v = await sheet("test/fixtures/seed001-indicators.xlsx", "绩效目标表");
    let titles = 0;
    let headers = 0;
    for (let r = v.firstRow; r <= v.lastRow; r++) {
      if (/^\d+、.+绩效目标表$/.test(v.text(r, 0))) titles++;
      if (v.label(r, 0) === "一级指标" && v.label(r, 5) === "指标值确定依据") headers++;
    }
    expect(titles).toBe(58);
    expect(headers).toBe(58);
    expect(v.text(0, 0)).toBe("1、爱卫、创卫工作经费绩效目标表");
    expect(v.text(3, 1)).toBe("预算数");
    expect(v.value(3, 2)).toBe(5);
    expect(v.text(3, 2)).toBe("5.00");
  });

  it("reads seed 000's four-column table and seed 003's two forms", async () => {
    const v0 = await sheet("test/fixtures/seed000-indicators.xlsx", "绩效指标");
    expect([0, 1, 2, 3].map((c) => v0.text(3, c))).toEqual(["一级指标", "二级指标", "三级指标", "指标值"]);
    expect([0, 1, 2, 3].map((c) => v0.text(4, c))).toEqual(["产出指标", "数量指标", "劳务派遣人员数量", "18名"]);
    const v3 = await sheet("test/fixtures/seed003-indicators.xlsx", "绩效目标");
    let forms = 0;
    for (let r = v3.firstRow; r <= v3.lastRow; r++) if (v3.text(r, 0) === "一级指标") forms++;
    expect(forms).toBe(2);
    expect(v3.text(9, 1)).toBe("*数量");
    expect(v3.text(9, 3)).toBe("基本完成");
  });
});

describe("bundled sample", () => {
  it("holds the planted summary defects", async () => {
    const v = await sheet("samples/示例预算表.xlsx", "收支总表");
    expect(at(v, "E37").value).toBe(24488.41);
    expect(at(v, "E13").value).toBe("1,060.41");
    const ind = await sheet("samples/示例预算表.xlsx", "绩效指标");
    expect(ind.lastRow).toBeGreaterThan(50);
  });
});

describe("fixture builder", () => {
  it("reads seed text: tab lines are cells, blank lines end rows, untabbed lines continue a cell", () => {
    const items = parseSeed("部门预算收支总表\n\t序号\n\t绩效目标\n第二行\n\n\t1\n\t24490.91\n");
    expect(items).toEqual([
      { kind: "text", line: 1, text: "部门预算收支总表" },
      { kind: "row", line: 2, cells: ["序号", "绩效目标\n第二行"] },
      { kind: "row", line: 6, cells: ["1", "24490.91"] },
    ]);
    expect(cleanHeader("科目    编码")).toBe("科目编码");
    expect(cleanHeader("项  目")).toBe("项  目");
  });

  it("says plainly and fails when the seeds are absent", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "bin/run-ts.js"), join(ROOT, "scripts/build-fixtures.ts")], {
      encoding: "utf8",
      env: { ...process.env, BUDGET_SEEDS_DIR: join(ROOT, "no-such-seeds") },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("找不到种子文件夹");
  });
});
