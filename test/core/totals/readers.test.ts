import fc from "fast-check";
import { Decimal, decimalFromCellNumber } from "../../../src/core/amount";
import { SheetView, gridSheet } from "../../../src/core/snapshot";
import { AmountReader, amountsOf } from "../../../src/core/totals/read/amounts";
import { labelsOf } from "../../../src/core/totals/read/label-grid";
import { readRows } from "../../../src/core/totals/read/rows";
import { locateTables } from "../../../src/core/totals/read/table-layout";
import { check } from "./helpers";

/** A sheet placed away from A1, so that the readers' index arithmetic is exercised. */
function offsetView(): SheetView {
  return new SheetView(
    gridSheet(
      "支出总表",
      [
        ["科目编码", "科目名称", "合计", "基本支出"],
        ["201", " 一般 公共\u3000服务 ", 12.5, "—"],
        ["20101", "人大事务", "1,2.5", "#REF!"],
        ["", "", null, "（3.50）"],
      ],
      { origin: { row: 4, col: 2 } },
    ),
  );
}

describe("cached readers", () => {
  it("labels read through the grid equal the view's own labels, inside and outside the snapshot", () => {
    const view = offsetView();
    const grid = labelsOf(view);
    for (let r = 0; r <= 9; r++) for (let c = 0; c <= 7; c++) expect(grid.label(r, c)).toBe(view.label(r, c));
    expect(grid.label(5, 3)).toBe("一般公共服务");
    expect(labelsOf(view)).toBe(grid);
  });

  it("amount readings equal a fresh reader's, inside and outside the snapshot", () => {
    const view = offsetView();
    const shared = amountsOf(view);
    for (let r = 0; r <= 9; r++) {
      for (let c = 0; c <= 7; c++) {
        const fresh = new AmountReader(view);
        expect(shared.reading(r, c)).toEqual(fresh.reading(r, c));
        expect(shared.value(r, c)?.toString() ?? null).toBe(fresh.value(r, c)?.toString() ?? null);
      }
    }
    expect(shared.value(5, 4)?.eq(new Decimal("12.5"))).toBe(true);
    expect(shared.isEmpty(5, 5)).toBe(true);
    expect(shared.value(6, 5)).toBeNull();
    expect(shared.value(7, 5)?.eq(new Decimal("-3.5"))).toBe(true);
    expect(shared.value(99, 99)?.isZero()).toBe(true);
  });

  it("a view is located and its rows read once, and a new view of another sheet is not served stale results", () => {
    const view = offsetView();
    const tables = locateTables(view);
    expect(locateTables(view)).toBe(tables);
    const rows = readRows(view, tables[0], tables[0].labelCols[0]);
    expect(readRows(view, tables[0], tables[0].labelCols[0])).toBe(rows);
    expect(rows.map((r) => r.code)).toEqual(["201", "20101", null]);

    const other = new SheetView(
      gridSheet("支出总表", [
        ["科目编码", "科目名称", "合计"],
        ["202", "外交", 1],
      ]),
    );
    expect(readRows(other, tables[0], tables[0].labelCols[0])).not.toBe(rows);
    expect(locateTables(other)[0].firstRow).toBe(1);
  });

  it("checking the same snapshots twice gives the same findings", () => {
    const sheet = gridSheet("支出总表", [
      ["单位：万元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["", "合计", 30, 20, 10],
      ["201", "一般公共服务支出", 31, 20, 10],
      ["20101", "人大事务", 31, 20, 10],
    ]);
    const first = check([sheet]);
    expect(first.map((f) => f.rule)).toEqual(expect.arrayContaining(["SUM-COL"]));
    expect(check([sheet])).toEqual(first);
  });
});

describe("decimalFromCellNumber", () => {
  it("reads every finite number exactly as its 15-significant-digit text", () => {
    const samples = [
      5e-324,
      2.2250738585072014e-308,
      1e-300,
      1,
      -1,
      0.1,
      0.3,
      6519.909999999999,
      1234.5,
      -0.05,
      1e-7,
      1.5e21,
      123456789012345,
      0.1 + 0.2,
      2 ** 53,
      -0,
      0,
    ];
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => sameAsGeneralPath(n)),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => sameAsGeneralPath(cents / 100)));
    for (const n of samples) expect(sameAsGeneralPath(n)).toBe(true);
  });
});

function sameAsGeneralPath(n: number): boolean {
  const fast = decimalFromCellNumber(n);
  const general = new Decimal(n.toPrecision(15));
  return fast.eq(general) && fast.toString() === general.toString() && fast.isNegative() === general.isNegative();
}
