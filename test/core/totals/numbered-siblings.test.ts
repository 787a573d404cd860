import Decimal from "decimal.js";
import path from "path";
import { readWorkbookFile } from "../../../src/cli/xlsx-read";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { plant } from "../../support/layout/plant";
import { check, serious } from "./helpers";

// A real 资金安排表 (test/wild/23: 安溪县 2022, seven works numbered 1–7 under one 合计 of 100 万元). A
// changed item can make one item equal the sum of the items below it; the 序号 says they are
// siblings, so that is no subtotal and the 合计 still reports the change.

const SHEET = "资金安排表";
let sheets: SheetSnapshot[];
beforeAll(async () => {
  sheets = await readWorkbookFile(path.resolve(__dirname, "../../wild/23-fujian-anxi-2022-shuili.xlsx"));
});

const typed = (cell: string, value: string) =>
  serious(check(sheets.map((s) => (s.name === SHEET ? plant(s, cell, new Decimal(value)) : s))))
    .filter((f) => f.sheet === SHEET)
    .map((f) => `${f.rule}@${f.cell}`);

describe("rows each numbered in a 序号 column are siblings", () => {
  it("the published table gives nothing", () => {
    expect(typed("D4", "20")).toEqual([]);
  });

  it("桃舟乡 15 → 35 is found, though 芦田镇 20 = 蓬莱镇 10 + 魁斗镇 10 would otherwise pass for a subtotal", () => {
    expect(typed("D5", "35")).toEqual(["SUM-ROW@D11"]);
  });
});
