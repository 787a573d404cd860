import { SheetSnapshot } from "../../src/core/snapshot";
import { previewWindow } from "../../src/web/preview-window";

/** An invented sheet of `rows` × `cols` cells starting at `origin`, each cell's text its own address. */
function grid(rows: number, cols: number, origin = { row: 0, col: 0 }): SheetSnapshot {
  const letters = (c: number) => String.fromCharCode(65 + c);
  const texts = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => `${letters(origin.col + c)}${origin.row + r + 1}`),
  );
  return {
    name: "表一",
    origin,
    values: texts.map((row) => row.map((t) => t)),
    texts,
    formulas: texts.map((row) => row.map(() => "")),
    numberFormats: texts.map((row) => row.map(() => "General")),
    merges: [],
  };
}

describe("previewWindow", () => {
  test("shows 15 rows × 8 columns around the cell, with the displayed texts", () => {
    const w = previewWindow(grid(60, 20), { cell: "J30", related: [] });
    expect(w.rowNumbers).toHaveLength(15);
    expect(w.columns).toHaveLength(8);
    expect(w.rowNumbers[0]).toBe(23);
    expect(w.columns).toEqual(["H", "I", "J", "K", "L", "M", "N", "O"]);
    expect(w.flagged).toEqual({ row: 7, col: 2 });
    expect(w.texts[7][2]).toBe("J30");
  });

  test("near the top-left corner the window starts at A1", () => {
    const w = previewWindow(grid(60, 20), { cell: "B3", related: [] });
    expect(w.rowNumbers[0]).toBe(1);
    expect(w.columns[0]).toBe("A");
    expect(w.flagged).toEqual({ row: 2, col: 1 });
  });

  test("at the end of the used range the window pulls back to show the table, not blank rows", () => {
    const w = previewWindow(grid(40, 6), { cell: "D40", related: [] });
    expect(w.rowNumbers[w.rowNumbers.length - 1]).toBe(40);
    expect(w.columns).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    expect(w.texts[14][3]).toBe("D40");
    expect(w.texts[14][6]).toBe("");
  });

  test("related cells and ranges inside the window are listed, the flagged cell and outside ones are not", () => {
    const w = previewWindow(grid(60, 20), { cell: "J30", related: ["J25:J29", "J30", "A1", "K31"] });
    const at = (row: number, col: string) => ({ row: row - w.rowNumbers[0], col: w.columns.indexOf(col) });
    expect(w.related).toEqual([at(25, "J"), at(26, "J"), at(27, "J"), at(28, "J"), at(29, "J"), at(31, "K")]);
  });

  test("a snapshot that starts below A1 keeps sheet coordinates", () => {
    const w = previewWindow(grid(10, 4, { row: 4, col: 2 }), { cell: "D8", related: [] });
    expect(w.texts[w.flagged!.row][w.flagged!.col]).toBe("D8");
    expect(w.texts[0][0]).toBe("");
  });
});
