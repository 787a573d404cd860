import Decimal from "decimal.js";
import fc from "fast-check";
import { toA1 } from "../../src/core/address";
import { LiteralCell, gridSheet } from "../../src/core/snapshot";
import type { CorpusFile } from "../support/corpus";
import { CleanTable, cleanTables } from "../support/layout/clean-tables";
import { indistinguishable } from "../support/layout/identities";
import { changedFigure, plant } from "../support/layout/plant";
import { TRANSFORMS, Transform, transformByName } from "../support/layout/transforms";
import { figure, isFigure } from "../support/layout/words";
import { caseName, check, fcOptions, serious, show, transformed } from "./harness";

/**
 * Issue 16, principle 1 on a layout nobody described: a column of figures the reader first takes
 * for codes (金寨县's 总人数 991, 381 … beside pupil counts). Under every layout change that applies,
 * the clean table stays clean and one changed figure of its counts is found at its cell.
 */
// 补助资金 = pupils × 250, 500, 312.5 and 625 元: no sum of the counts beside it.
const row = (a: LiteralCell, b: LiteralCell, n: number[]): LiteralCell[] => [
  a,
  b,
  n[0] + n[1] + n[2] + n[3],
  ...n,
  250 * n[0] + 500 * n[1] + 312.5 * n[2] + 625 * n[3],
];
const pupils = gridSheet(
  "学生资助汇总表",
  [
    ["学生资助汇总表"],
    ["序号", "乡镇名称", "总人数", "小学", null, "初中", null, "合计"],
    [null, null, null, "走读生", "寄宿生", "走读生", "寄宿生", "补助资金合计"],
    row(1, "甲镇", [542, 6, 172, 271]),
    row(2, "乙镇", [141, 85, 8, 147]),
    row(3, "丙镇", [163, 58, 15, 182]),
    row(4, "丁镇", [220, 59, 22, 176]),
    row("小计", null, [1066, 208, 217, 776]),
    row(5, "外县", [110, 29, 32, 76]),
    row("合计", null, [1176, 237, 249, 852]),
  ],
  {
    merges: [
      ...[0, 1, 2].map((c) => ({ top: 1, left: c, bottom: 2, right: c })),
      { top: 1, left: 3, bottom: 1, right: 4 },
      { top: 1, left: 5, bottom: 1, right: 6 },
      ...[7, 9].map((r) => ({ top: r, left: 0, bottom: r, right: 1 })),
    ],
  },
);

const corpus: CorpusFile[] = [pupils].map((s) => ({
  file: `literal:${s.name}`,
  origin: "fixture",
  snapshots: [s],
  quiet: new Set([s.name]),
  defects: [],
}));
const { tables } = cleanTables(corpus);
const applies = (chain: Transform[]) => tables.some((t) => !("skip" in transformed(t, chain, 1)));
const ALL: Transform[][] = [[], ...TRANSFORMS.map((t) => [t])];
/** The changes that apply to the table: the others would pass having checked nothing. */
const CHAINS = ALL.filter(applies);
/**
 * The table has a 小计 already: `subtotals` nests a second one inside its block (小计 = 小计 + 丙 + 丁),
 * a layout no reading of the checker takes, codes or figures. The table is then unsure (one info,
 * tested below) and a changed figure is not found; every other change is planted.
 */
const PLANTED = CHAINS.filter((c) => c[0]?.name !== "subtotals");

/** Warnings and errors after the chain (and a planted figure), or null where the chain does not apply. */
const alarms = (t: CleanTable, chain: Transform[], seed: number, planted?: { cell: string; to: Decimal }) => {
  const out = transformed(t, chain, seed);
  if ("skip" in out) return null;
  const snapshot = out.layout.grid.toSnapshot();
  const found = serious(check(out.workbook(planted ? plant(snapshot, planted.cell, planted.to) : snapshot)));
  return { out, found };
};

describe("a column of code-like figures, under every layout change", () => {
  it("is read by the yardstick", () => {
    expect(tables.map((t) => t.sheet)).toEqual(["学生资助汇总表"]);
  });

  it("leaves out only the changes that cannot apply to it, each for its reason", () => {
    const why = ALL.filter((c) => !applies(c)).map((c) => {
      const out = transformed(tables[0], c, 1);
      return "skip" in out ? out.skip : `${c[0].name}：applies`;
    });
    expect(why).toEqual([
      "move-total：没有合计列",
      "split-code：没有单列的科目编码",
      "join-code：没有类/款/项分列",
      "short-kuan：没有可拆分的科目编码",
      "two-panels：不是按科目编码排列的表",
      "scale-yuan：单位不是万元",
    ]);
  });

  it.each(CHAINS.map((c) => [c.map((t) => t.name).join(" + ") || "不变", c] as const))("stay clean: %s", (_n, chain) => {
    let checked = 0;
    for (const t of tables)
      for (const seed of [1, 2, 3]) {
        const r = alarms(t, chain, seed);
        if (r) checked++;
        if (r && r.found.length) throw new Error(`${caseName(t, chain, seed)}：\n  ${show(r.found)}`);
      }
    // A change that never applies to the table would pass having checked nothing.
    expect(checked).toBeGreaterThan(0);
  });

  it("says once that it is unsure where a 小计 is nested in a 小计's block, and nothing else", () => {
    const out = transformed(tables[0], [transformByName("subtotals")], 1);
    if ("skip" in out) throw new Error(out.skip);
    const found = check(out.workbook(out.layout.grid.toSnapshot()));
    expect(found.map((f) => `${f.rule} ${f.severity}`)).toEqual(["TABLE-UNSURE info"]);
  });

  it.each(PLANTED.map((c) => [c.map((t) => t.name).join(" + ") || "不变", c] as const))(
    "a changed count is found: %s",
    (_n, chain) => {
      let checked = 0;
      fc.assert(
        fc.property(
          fc.nat(tables.length - 1),
          fc.nat(),
          fc.nat(),
          fc.integer({ min: 1, max: 9 }),
          fc.boolean(),
          (i, seed, pick, k, up) => {
            const t = tables[i];
            const out = transformed(t, chain, seed);
            if ("skip" in out) return;
            const at = out.layout.grid.positions();
            const ids = [...new Set(t.identities.flatMap((x) => [x.total, ...x.parts]))].filter(
              (id) => at.has(id) && isFigure(out.layout.grid.at(at.get(id)!.row, at.get(id)!.col).v),
            );
            if (ids.length === 0) return;
            const { row, col } = at.get(ids[pick % ids.length])!;
            const cell = toA1(row, col);
            // Whole changes (e = 2): a count changes by whole pupils.
            const to = changedFigure(figure(out.layout.grid.at(row, col).v)!, k, 2, up);
            const r = alarms(t, chain, seed, { cell, to });
            // As in planted.property.test.ts: where the identities cannot tell the cell from others, a
            // finding at one of those, or at the total of a sum it is an item of, is what minimum change gives.
            const id = ids[pick % ids.length];
            const alike = indistinguishable(t.identities, id);
            if (alike.size > 1) for (const x of t.identities) if (x.parts.includes(id)) alike.add(x.total);
            const accepted = new Set([...alike].filter((x) => at.has(x)).map((x) => toA1(at.get(x)!.row, at.get(x)!.col)));
            if (r) checked++;
            if (r && !r.found.some((f) => accepted.has(f.cell)))
              throw new Error(`${caseName(t, chain, seed)}：${cell} → ${to} 未在该单元格报出；报出：${show(r.found) || "无"}`);
          },
        ),
        fcOptions(),
      );
      expect(checked).toBeGreaterThan(0);
    },
  );
});
