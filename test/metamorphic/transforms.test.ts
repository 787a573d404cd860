import Decimal from "decimal.js";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { Grid } from "../support/layout/grid";
import { Identity, brokenIdentities, deriveIdentities } from "../support/layout/identities";
import { locateTable } from "../support/layout/locate";
import { readRows } from "../support/layout/rows";
import { Layout, TRANSFORMS, applyChain, isSkip, layoutOf, transformByName } from "../support/layout/transforms";
import { figure, isFigure } from "../support/layout/words";
import { evaluateFormula } from "./formula-eval";
import { splitCodeTable } from "./literal-tables";

/**
 * The transforms keep content and every identity (checked with the yardstick's own decimal.js sums,
 * not the checker), on every table of the clean fixtures.
 */
interface Case {
  file: string;
  sheet: string;
  layout: Layout;
  identities: Identity[];
}

/** Both clean fixtures, and a literal split-code table (literal-tables.ts). */
const FILES = ["test/fixtures/seed001-budget.xlsx", "test/fixtures/seed001-budget-formulas.xlsx"];
const SEEDS = [1, 2, 3];
const cases: Case[] = [];
const books = new Map<string, SheetSnapshot[]>();

beforeAll(async () => {
  books.set("literal", [splitCodeTable]);
  for (const file of FILES) books.set(file, await readWorkbookFile(file));
  for (const [file, book] of books) {
    for (const s of book) {
      const layout = layoutOf(s);
      if (!isSkip(layout)) cases.push({ file, sheet: s.name, layout, identities: deriveIdentities(layout.grid, layout.table) });
    }
  }
});

/** The figures of a table's amount cells and the texts of its labels, by cell id. */
function content(l: Layout): { amounts: Map<string, Decimal>; labels: Map<string, string> } {
  const amounts = new Map<string, Decimal>();
  const labels = new Map<string, string>();
  for (const p of l.table.panels)
    for (const r of p.rows) {
      for (const c of p.amounts) if (isFigure(l.grid.at(r, c).v)) amounts.set(l.grid.at(r, c).id, figure(l.grid.at(r, c).v)!);
      if (p.label !== undefined && l.grid.text(r, p.label) !== "") labels.set(l.grid.at(r, p.label).id, l.grid.text(r, p.label));
    }
  return { amounts, labels };
}

/** What a transformed layout lost or changed of the original's content; amounts scaled by `factor`. */
function contentChanges(before: Layout, after: Layout, factor: number): string[] {
  const was = content(before);
  const now = after.grid.positions();
  const out: string[] = [];
  for (const [id, v] of was.amounts) {
    const p = now.get(id);
    const got = p && figure(after.grid.at(p.row, p.col).v);
    if (!got || !got.equals(v.times(factor))) out.push(`${id}: ${v} → ${got ?? "缺失"}`);
  }
  for (const [id, t] of was.labels) {
    const p = now.get(id);
    if (!p || after.grid.text(p.row, p.col) !== t) out.push(`${id}: ${t} → ${p ? after.grid.text(p.row, p.col) : "缺失"}`);
  }
  return out;
}

describe("the yardstick's reading of seed 001", () => {
  it("finds each sheet's table: panels, code and label columns, total columns from the header tree", () => {
    const shape = (sheet: string) => {
      const c = cases.find((x) => x.sheet === sheet && x.file === FILES[0])!;
      return { panels: c.layout.table.panels.map((p) => ({ ...p, rows: p.rows.length })), colSums: c.layout.table.colSums };
    };
    expect(shape("收支总表").panels).toEqual([
      { counters: [0], label: 1, amounts: [2], rows: 34 },
      { counters: [], label: 3, amounts: [4], rows: 34 },
    ]);
    // 合计 = 本年收入 小计 + 上年结转; 小计 = the seven sources.
    expect(shape("收入总表").colSums).toEqual([
      { panel: 0, total: 3, parts: [4, 12] },
      { panel: 0, total: 4, parts: [5, 6, 7, 8, 9, 10, 11] },
    ]);
    expect(shape("基本支出表")).toEqual({
      panels: [{ counters: [0], code: 1, label: 2, amounts: [3, 4, 5], rows: 28 }],
      colSums: [{ panel: 0, total: 3, parts: [4, 5] }],
    });
    expect(cases.map((c) => c.sheet)).not.toContain("政府性基金预算财政拨款支出表");
  });

  it("reads identities that all hold on both clean fixtures, of every kind", () => {
    for (const c of cases) {
      expect(c.identities.length).toBeGreaterThan(0);
      expect(brokenIdentities(c.layout.grid, c.identities)).toEqual([]);
    }
    const kinds = new Set(cases.flatMap((c) => c.identities.map((i) => i.why)));
    expect([...kinds].sort()).toEqual(["BALANCE", "BREAKDOWN", "CODE-TREE", "SUM-COL", "TOTAL-ROW"]);
  });

  it("its sum check fails where one figure changed, naming the cell", () => {
    const c = cases.find((x) => x.sheet === "支出总表")!;
    const grid = c.layout.grid.clone();
    grid.set(16, 3, 778.72); // 2100201 综合医院 合计
    const broken = brokenIdentities(grid, c.identities);
    expect(broken.length).toBe(2);
    expect(broken.every((b) => [b.identity.total, ...b.identity.parts].includes("D17"))).toBe(true);
  });

  it("reads the real defects of a table that is not clean (seed 010 表3: 0.01 off)", async () => {
    const grid = Grid.fromSnapshot((await readWorkbookFile("test/fixtures/seed010-juesuan.xlsx")).find((s) => s.name === "表3")!);
    const table = locateTable(grid);
    if ("skip" in table) throw new Error(table.skip);
    expect(table.panels[0].split).toEqual([0, 1, 2]);
    expect(brokenIdentities(grid, deriveIdentities(grid, table)).map((b) => b.identity.total)).toEqual(["E4", "F4"]);
  });
});

describe.each(TRANSFORMS.map((t) => [t.name, t] as const))("transform %s", (_name, transform) => {
  const applied = () =>
    cases.flatMap((c) =>
      SEEDS.map((seed) => ({ c, seed, out: applyChain(c.layout, [transform], seed) })).filter(
        (x): x is typeof x & { out: Layout } => !isSkip(x.out),
      ),
    );

  it("applies to at least one clean table", () => {
    expect(applied().length).toBeGreaterThan(0);
  });

  it("keeps every identity true, the table's and the ones it adds", () => {
    const failures = applied().flatMap(({ c, seed, out }) =>
      brokenIdentities(out.grid, [...c.identities, ...out.added]).map(
        (b) => `${c.sheet} #${seed}: ${b.identity.why} ${b.detail}`,
      ),
    );
    expect(failures).toEqual([]);
  });

  it("keeps every amount (×10000 when scaling to 元) and every row label", () => {
    const factor = transform.name === "scale-yuan" ? 10000 : 1;
    const failures = applied().flatMap(({ c, seed, out }) =>
      contentChanges(c.layout, out, factor).map((x) => `${c.sheet} #${seed}: ${x}`),
    );
    expect(failures).toEqual([]);
  });

  it("keeps every formula computing its cached value", () => {
    const failures = applied()
      .filter(({ c }) => c.file.includes("formulas"))
      .flatMap(({ c, seed, out }) => {
        const s = out.grid.toSnapshot();
        return s.formulas.flatMap((row, r) =>
          row.flatMap((f, col) => {
            if (!f) return [];
            const got = evaluateFormula(s, f);
            const want = figure(s.values[r][col])!;
            return got.equals(want) ? [] : [`${c.sheet} #${seed} ${f}: ${got} ≠ ${want}`];
          }),
        );
      });
    expect(failures).toEqual([]);
  });

  it("leaves its input unchanged", () => {
    for (const c of cases) {
      const before = JSON.stringify(c.layout.grid.toSnapshot());
      const table = JSON.stringify(c.layout.table);
      applyChain(c.layout, [transform], 1);
      expect(JSON.stringify(c.layout.grid.toSnapshot())).toBe(before);
      expect(JSON.stringify(c.layout.table)).toBe(table);
    }
  });
});

describe("compositions of two transforms", () => {
  it("keep every identity true on every table where both apply", () => {
    const failures: string[] = [];
    let applied = 0;
    for (const c of cases.filter((c) => c.file === FILES[1]))
      for (const a of TRANSFORMS)
        for (const b of TRANSFORMS) {
          const out = applyChain(c.layout, [a, b], 5);
          if (isSkip(out)) continue;
          applied++;
          for (const x of brokenIdentities(out.grid, [...c.identities, ...out.added]))
            failures.push(`${c.sheet} ${a.name}+${b.name}: ${x.identity.why} ${x.detail}`);
        }
    expect(failures).toEqual([]);
    expect(applied).toBeGreaterThan(300);
  });
});

describe("what each transform does", () => {
  const table = (sheet: string) => cases.find((c) => c.sheet === sheet && c.file === FILES[0])!;
  const apply = (sheet: string, names: string[], seed = 1) => {
    const out = applyChain(table(sheet).layout, names.map(transformByName), seed);
    if (isSkip(out)) throw new Error(out.skip);
    return out;
  };
  const codes = (l: Layout) => readRows(l.grid, l.table.panels[0]).map((r) => r.code ?? "");

  it("split-code then join-code gives the same codes back; short-kuan writes 05 as 5", () => {
    const before = codes(table("支出总表").layout);
    for (const seed of SEEDS) {
      const split = apply("支出总表", ["split-code"], seed);
      expect(split.table.panels[0].split).toHaveLength(3);
      expect(codes(split)).toEqual(before);
      expect(codes(apply("支出总表", ["split-code", "join-code"], seed))).toEqual(before);
    }
    const short = apply("支出总表", ["short-kuan"]);
    expect(short.grid.at(7, short.table.panels[0].split![1]).v).toBe(5);
    expect(codes(short)).toEqual(before);
  });

  it("join-code writes split codes out in full, and keeps 合计 written in the 类 column", () => {
    const split = cases.find((c) => c.sheet === "支出决算表")!.layout;
    const out = applyChain(split, [transformByName("join-code")], 1);
    if (isSkip(out)) throw new Error(out.skip);
    expect(out.table.panels[0].code).toBe(0);
    expect(codes(out)).toEqual(codes(split));
    expect([out.grid.text(3, 0), out.grid.text(6, 0), out.grid.text(2, 0)]).toEqual(["合计", "2010601", "科目编码"]);
  });

  it("scale-yuan multiplies exactly and says 元", () => {
    const out = apply("支出总表", ["scale-yuan"]);
    expect(out.grid.text(1, 8)).toBe("单位：元");
    expect(out.grid.at(5, 3).v).toBe(244909100);
    expect(out.grid.at(9, 3).v).toBe(3098200); // 309.82 万元
  });

  it("two-panels puts the rows from a 类 on in a copy of the columns on the right, under a copy of the header", () => {
    const out = apply("基本支出表", ["two-panels"]);
    const [left, right] = out.table.panels;
    expect(right.amounts.map((c) => out.grid.text(3, c))).toEqual(left.amounts.map((c) => out.grid.text(3, c)));
    expect(readRows(out.grid, right)[0].code).toMatch(/^\d{3}$/);
    expect(right.rows[0]).toBe(left.rows[0]);
  });

  it("col-no-row takes out an existing 栏次 row, and adds one where there is none", () => {
    const out = apply("支出总表", ["col-no-row"]);
    expect(out.table.colNoRow).toBeUndefined();
    expect(out.grid.rowCount).toBe(table("支出总表").layout.grid.rowCount - 1);
    const back = apply("支出总表", ["col-no-row", "col-no-row"]);
    expect(back.grid.text(back.table.colNoRow!, 0)).toBe("栏次");
  });

  it("subtotals and breakdown add rows whose figures add up to their items", () => {
    const sub = apply("收支总表", ["subtotals"], 2);
    expect(sub.added.every((i) => i.why === "SUBTOTAL" || i.why === "SUM-COL")).toBe(true);
    expect(sub.added.length).toBeGreaterThan(0);
    const br = apply("支出总表", ["breakdown"], 2);
    const rows = br.added.filter((i) => i.why === "BREAKDOWN");
    expect(rows.length).toBeGreaterThan(0);
    const at = br.grid.positions();
    const labels = rows[0].parts.map((id) => br.grid.text(at.get(id)!.row, br.table.panels[0].label!));
    expect(labels.every((l) => l.startsWith("其中："))).toBe(true);
  });
});
