import { amountCells, choosePlantings } from "../../bench/accuracy/plantings";
import { loadCorpus } from "../support/corpus";
import { cleanTables } from "../support/layout/clean-tables";

/** Where the accuracy bench plants: amount cells found without the checker, and their kinds. */
describe("accuracy plantings", () => {
  let cells: ReturnType<typeof amountCells>;
  beforeAll(async () => {
    const corpus = (await loadCorpus()).filter((f) => f.origin === "fixture");
    cells = amountCells(cleanTables(corpus).tables);
  });
  const at = (sheet: string, cell: string) =>
    cells.find((c) => c.file.file.endsWith("seed001-budget.xlsx") && c.sheet === sheet && c.cell === cell)!;

  it("takes every figure of the clean tables' amount columns, and only those", () => {
    expect(at("收支总表", "E13")).toMatchObject({ item: true, total: false, repeated: true }); // 八、社会保障和就业支出 1060.41
    expect(at("支出总表", "D6")).toMatchObject({ total: true }); // 合计 24490.91
    expect(at("支出总表", "A6")).toBeUndefined(); // 序号
    expect(at("支出总表", "B7")).toBeUndefined(); // code 208
    expect(cells.every((c) => c.total || c.item)).toBe(true);
  });

  it("plants reproducibly, the files taking turns, every change one digit beyond the band", () => {
    const a = choosePlantings(cells, 40, 7);
    expect(choosePlantings(cells, 40, 7)).toEqual(a);
    expect(new Set(a.slice(0, 2).map((p) => p.file.file)).size).toBe(2);
    for (const p of a) {
      const delta = p.after.minus(p.value).abs();
      expect(delta.gt("0.01")).toBe(true);
      expect(p.after.gte(0)).toBe(true);
      expect(delta.toFixed().replace(/[0.]/g, "")).toMatch(/^[1-9]$/);
    }
  });
});
