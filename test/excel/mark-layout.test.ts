import { addressChunks, isMarkFormula, markFormula, toRectangles } from "../../src/excel/mark-layout";
import { parseAreas } from "../../src/excel/read";
import { createFakeExcel } from "../support/fake-excel";

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

  it("parses merged-area addresses with quoted sheet names containing commas", () => {
    expect(parseAreas("'a,b'!$A$1:$B$2,'a,b'!C3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });
});

describe("fake insertWorksheetsFromBase64", () => {
  it("inserts decoded sheets under a free name after the given sheet, and needs ExcelApi 1.13", async () => {
    const fake = createFakeExcel([{ name: "收支总表" }, { name: "其他" }]);
    fake.setDecoder(() => [{ name: "收支总表", rows: [["部门预算收支总表"]], merges: ["A1:D1"] }]);
    const ids = await fake.Excel.run(async (ctx: any) => {
      const r = ctx.workbook.insertWorksheetsFromBase64("UEsDBA==", { positionType: "After", relativeTo: "收支总表" });
      await ctx.sync();
      return r.value as string[];
    });
    expect(ids).toHaveLength(1);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["收支总表", "收支总表 (2)", "其他"]);
    expect(fake.snapshot().sheets[1].merges).toEqual(["A1:D1"]);

    const old = createFakeExcel([{ name: "S" }], { maxApi: "1.12" });
    await old.Excel.run(async (ctx: any) => {
      ctx.workbook.insertWorksheetsFromBase64("UEsDBA==");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});
