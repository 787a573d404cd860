import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import { compactSheet, snapshotCellCount, KEPT_GAP } from "../../src/core/compact-sheet";
import { SheetView } from "../../src/core/snapshot";
import { readWorkbookBytes } from "../../src/xlsx/read";

/** A 40-row expenditure table with one error, and optionally a stray value far away. */
async function tableBytes(stray?: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("支出表");
  ws.addRow(["支出总表"]);
  ws.addRow(["单位：万元"]);
  ws.addRow(["项目", "合计", "基本支出", "项目支出"]);
  for (let i = 1; i <= 36; i++) ws.addRow([`项目${i}`, i === 20 ? 999 : i * 3, i, i * 2]);
  if (stray) ws.getCell(stray).value = "备注";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("reading is bounded by content", () => {
  it("a stray value at XFD1048576 costs about what the table costs, and findings keep their cells", async () => {
    const plain = await readWorkbookBytes(await tableBytes(), "t");
    const stray = await readWorkbookBytes(await tableBytes("XFD1048576"), "t");
    const plainCells = snapshotCellCount(plain.snapshots[0]);
    const strayCells = snapshotCellCount(stray.snapshots[0]);
    expect(plainCells).toBe(39 * 4);
    // One more kept row and column per collapsed gap (KEPT_GAP blank ones plus the stray's own).
    expect(strayCells).toBe((39 + KEPT_GAP + 1) * (4 + KEPT_GAP + 1));
    const a = checkWorkbook(plain.snapshots).findings.map((f) => [f.rule, f.cell, f.related, f.message]);
    const b = checkWorkbook(stray.snapshots).findings.map((f) => [f.rule, f.cell, f.related, f.message]);
    expect(a.some(([rule, cell]) => rule === "SUM-COL" && cell === "B23")).toBe(true);
    expect(b).toEqual(a);
    const view = new SheetView(stray.snapshots[0]);
    expect(view.address(view.lastRow, view.lastCol)).toBe("XFD1048576");
    expect(view.text(view.lastRow, view.lastCol)).toBe("备注");
    expect(view.text(1048575, 16383)).toBe("备注");
    // Iteration visits the stored rows and columns only, not the million between.
    expect(view.rows()).toHaveLength(39 + KEPT_GAP + 1);
    expect(view.cols()).toHaveLength(4 + KEPT_GAP + 1);
  });

  it("maps findings after a collapsed gap, merges and formula references to the real cells", () => {
    const cells = [
      { row: 0, col: 0, value: "单位：万元", text: "单位：万元", formula: "", numberFormat: "General" },
      ...[
        ["项目", "合计", "甲", "乙"],
        ["一", 3, 1, 2],
        ["二", 7, 3, 3],
        ["合计", 10, 4, 5],
      ].flatMap((vals, r) =>
        vals.map((v, c) => ({
          row: 5000 + r,
          col: c,
          value: v,
          text: String(v),
          formula: r === 3 && c > 0 ? `=SUM(${"ABCD"[c]}5002:${"ABCD"[c]}5003)` : "",
          numberFormat: "General",
        })),
      ),
    ];
    const result = compactSheet("表", cells, [{ top: 5000, left: 2, bottom: 5000, right: 3 }]);
    if (!("snapshot" in result)) throw new Error("expected a snapshot");
    const view = new SheetView(result.snapshot);
    expect(view.rowCount).toBe(1 + KEPT_GAP + 4);
    expect(view.mergeAt(5000, 3)).toEqual({ top: 5000, left: 2, bottom: 5000, right: 3 });
    expect(view.formula(5003, 1)).toBe("=SUM(B5002:B5003)");
    expect(view.text(5003, 1)).toBe("10");
    // A cell inside the collapsed gap reads as empty, and one step crosses the gap.
    expect(view.text(KEPT_GAP + 1, 0)).toBe("");
    expect(view.nextRow(KEPT_GAP)).toBe(5000);
    expect(view.prevRow(5000)).toBe(KEPT_GAP);
    const findings = checkWorkbook([result.snapshot]).findings;
    const wrong = findings.filter((f) => f.severity === "error");
    expect(wrong.map((f) => f.cell)).toEqual(expect.arrayContaining(["B5003"]));
    for (const f of wrong) expect(f.message).not.toMatch(new RegExp(`\\b[A-D]${KEPT_GAP + 3}\\b`));
  });
});

describe("an indicator block after a long empty gap", () => {
  it("is checked as it would be without the gap, its findings at the real cells", async () => {
    const { miniBlock } = await import("../core/indicators/helpers");
    const rows = miniBlock({ 0: [null, "数量指标", "培训人数", null] });
    const toCells = (offset: number) =>
      rows
        .flatMap((row, r) =>
          row.map((cell, c) => {
            const obj = cell !== null && typeof cell === "object" ? cell : { v: cell };
            const v = obj.v ?? null;
            return {
              row: r + offset,
              col: c,
              value: v,
              text: v === null ? "" : typeof v === "number" ? v.toFixed(2) : String(v),
              formula: "",
              numberFormat: obj.fmt ?? "General",
            };
          }),
        )
        .filter((c) => c.value !== null);
    const near = compactSheet("项目绩效目标表", toCells(0), []);
    const far = compactSheet(
      "项目绩效目标表",
      [{ row: 0, col: 0, value: "说明", text: "说明", formula: "", numberFormat: "General" }, ...toCells(60000)],
      [],
    );
    if (!("snapshot" in near) || !("snapshot" in far)) throw new Error("expected snapshots");
    expect(far.snapshot.sheetRows).toBeDefined();
    const shift = (a1: string) => a1.replace(/\d+$/, (n) => String(Number(n) + 60000));
    const a = checkWorkbook([near.snapshot]).findings.filter((f) => f.rule.startsWith("IND-"));
    const b = checkWorkbook([far.snapshot]).findings.filter((f) => f.rule.startsWith("IND-"));
    expect(a.map((f) => f.rule)).toContain("IND-EMPTY");
    expect(b.map((f) => [f.rule, f.cell, f.related])).toEqual(a.map((f) => [f.rule, shift(f.cell), f.related.map(shift)]));
  });
});
