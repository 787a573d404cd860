import { createOfficeGateway } from "../../src/excel/office-gateway";
import { ExcelHost, OfficeHost } from "../../src/excel/host";
import { FakeCellInit, FakeExcel, FakeExcelOptions, FakeSheetInit, createFakeExcel } from "../support/fake-excel";

/** A 收支总表-like block: title, unit, header, n item rows of 10, then a 合计 that may be wrong. */
export function ledgerRows(items: number, total: number | null = null): FakeCellInit[][] {
  const rows: FakeCellInit[][] = [["收支总表"], ["单位：万元"], ["项目", "金额"]];
  for (let i = 0; i < items; i++) rows.push([`支出${i + 1}`, { v: 10, fmt: "#,##0.00" }]);
  rows.push(["合计", { v: total ?? items * 10, f: `=SUM(B4:B${3 + items})`, fmt: "#,##0.00" }]);
  return rows;
}

export function setup(sheets: FakeSheetInit[], options: FakeExcelOptions = {}) {
  const fake: FakeExcel = createFakeExcel(sheets, options);
  const gateway = createOfficeGateway(fake.Excel as unknown as ExcelHost, fake.Office as unknown as OfficeHost);
  return { fake, gateway };
}
