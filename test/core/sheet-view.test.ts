import { KEPT_GAP, OccupiedCell, compactSheet } from "../../src/core/compact-sheet";
import { SheetView, gridSheet } from "../../src/core/snapshot";

const cell = (row: number, col: number, value: string | number, formula = ""): OccupiedCell => ({
  row,
  col,
  value,
  text: String(value),
  formula,
  numberFormat: "General",
});

/** A1 and B2, then after 5000 empty rows and 100 empty columns a small block at row 5003, column 103. */
function collapsed(): SheetView {
  const result = compactSheet(
    "表",
    [cell(0, 0, "标题"), cell(1, 1, 1), cell(5003, 103, 2), cell(5004, 103, 3, "=SUM(CZ5004:CZ5004)"), cell(5004, 104, "尾")],
    [{ top: 1, left: 1, bottom: 5003, right: 1 }],
  );
  if (!("snapshot" in result)) throw new Error("expected a snapshot");
  return new SheetView(result.snapshot);
}

describe("SheetView speaks sheet coordinates", () => {
  it("steps over a plain sheet one row and column at a time", () => {
    const view = new SheetView(
      gridSheet(
        "表",
        [
          ["a", "b"],
          ["c", "d"],
          ["e", "f"],
        ],
        { origin: { row: 4, col: 2 } },
      ),
    );
    expect([view.firstRow, view.lastRow, view.firstCol, view.lastCol]).toEqual([4, 6, 2, 3]);
    expect(view.rows()).toEqual([4, 5, 6]);
    expect(view.cols()).toEqual([2, 3]);
    expect([view.nextRow(4), view.prevRow(4), view.nextRow(6), view.stepRow(4, 40), view.stepCol(3, -3)]).toEqual([
      5, 3, 7, 44, 0,
    ]);
    expect([view.rowIndex(5), view.rowIndex(3), view.rowIndex(7), view.colIndex(3)]).toEqual([1, -1, -1, 1]);
    expect(view.text(5, 3)).toBe("d");
    expect(view.address(5, 3)).toBe("D6");
  });

  it("reads cells at their sheet addresses and a collapsed gap as empty", () => {
    const view = collapsed();
    expect([view.firstRow, view.lastRow, view.firstCol, view.lastCol]).toEqual([0, 5004, 0, 104]);
    expect(view.value(5003, 103)).toBe(2);
    expect(view.text(5004, 104)).toBe("尾");
    expect(view.value(2000, 1)).toBeNull();
    expect(view.text(5003, 50)).toBe("");
    expect(view.numberFormat(3000, 50)).toBe("General");
    expect(view.address(5004, 103)).toBe("CZ5005");
  });

  it("gives formulas as written", () => {
    expect(collapsed().formula(5004, 103)).toBe("=SUM(CZ5004:CZ5004)");
  });

  it("iterates the stored rows and columns only, and steps across a gap in one step", () => {
    const view = collapsed();
    const rows = view.rows();
    expect(rows).toHaveLength(2 + KEPT_GAP + 2);
    expect(rows.slice(0, 2)).toEqual([0, 1]);
    expect(rows.slice(-3)).toEqual([1 + KEPT_GAP, 5003, 5004]);
    expect(view.cols()).toEqual([...Array.from({ length: KEPT_GAP + 2 }, (_, i) => i), 103, 104]);
    expect(view.nextRow(1 + KEPT_GAP)).toBe(5003);
    expect(view.prevRow(5003)).toBe(1 + KEPT_GAP);
    expect(view.nextCol(1 + KEPT_GAP)).toBe(103);
    // A window of n rows counts the kept empty rows, not the collapsed ones.
    expect(view.stepRow(1, KEPT_GAP + 1)).toBe(5003);
    expect(view.stepRow(5004, -(KEPT_GAP + 2))).toBe(1);
    // Outside the stored span, steps are plain arithmetic.
    expect([view.nextRow(5004), view.stepRow(5004, 3), view.prevRow(0), view.stepRow(-1, 2)]).toEqual([5005, 5007, -1, 1]);
    // From inside a gap, the first step lands on the stored row beside it.
    expect([view.nextRow(3000), view.prevRow(3000), view.stepRow(3000, 2), view.stepRow(3000, 0)]).toEqual([
      5003,
      1 + KEPT_GAP,
      5004,
      3000,
    ]);
    expect([view.rowIndex(5003), view.rowIndex(3000), view.colIndex(104)]).toEqual([rows.length - 2, -1, KEPT_GAP + 3]);
  });

  it("finds a merged area from any of its rows, a collapsed one included", () => {
    const view = collapsed();
    const merge = { top: 1, left: 1, bottom: 5003, right: 1 };
    expect(view.mergeAt(1, 1)).toEqual(merge);
    expect(view.mergeAt(3000, 1)).toEqual(merge);
    expect(view.mergeAt(5003, 1)).toEqual(merge);
    expect(view.mergeAt(3000, 2)).toBeUndefined();
    expect(view.mergeAt(5004, 1)).toBeUndefined();
  });

  it("blanks rows given in sheet coordinates, a span across a gap included", () => {
    const view = collapsed().withRowsBlank([{ from: 1, to: 5003 }]);
    expect(view.value(1, 1)).toBeNull();
    expect(view.value(5003, 103)).toBeNull();
    expect(view.value(5004, 103)).toBe(3);
    expect(view.text(0, 0)).toBe("标题");
    expect(view.rows()).toHaveLength(2 + KEPT_GAP + 2);
  });
});

describe("SheetView.textCells", () => {
  it("gives the text cells that pass the test, in sheet coordinates, across a collapsed gap", () => {
    const view = collapsed();
    expect([...view.textCells(() => true)].map((c) => `${view.address(c.row, c.col)} ${c.text}`)).toEqual([
      "A1 标题",
      "DA5005 尾",
    ]);
    expect([...view.textCells((t) => t === "无")]).toEqual([]);
  });

  it("reads an offset grid at its own addresses, and never a number", () => {
    const view = new SheetView(
      gridSheet(
        "表",
        [
          ["说明", 12],
          [null, "合计"],
        ],
        { origin: { row: 4, col: 2 } },
      ),
    );
    expect([...view.textCells(() => true)].map((c) => view.address(c.row, c.col))).toEqual(["C5", "D6"]);
  });
});
