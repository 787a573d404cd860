import { addressChunks, isMarkFormula, markFormula, toRectangles } from "../../src/core/mark-layout";

describe("mark layout", () => {
  it("merges cells into rectangles: runs in a row, then equal runs in consecutive rows", () => {
    const cells = [
      [3, 1],
      [4, 1],
      [5, 1],
      [8, 1],
      [8, 2],
      [8, 3],
      [9, 1],
      [9, 2],
      [9, 3],
      [12, 0],
    ].map(([row, col]) => ({ row, col }));
    expect(toRectangles(cells)).toEqual([
      { top: 3, left: 1, bottom: 5, right: 1 },
      { top: 8, left: 1, bottom: 9, right: 3 },
      { top: 12, left: 0, bottom: 12, right: 0 },
    ]);
  });

  it("splits area lists into chunks under the limit without losing any", () => {
    const rects = Array.from({ length: 500 }, (_, i) => ({ top: i * 2, left: 0, bottom: i * 2, right: 0 }));
    const chunks = addressChunks(rects, 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join(",").split(",")).toHaveLength(500);
  });

  it("recognises only its own marker formula", () => {
    expect(isMarkFormula(markFormula("warning"))).toBe(true);
    expect(isMarkFormula("=B4>100")).toBe(false);
    expect(isMarkFormula(null)).toBe(false);
  });
});
