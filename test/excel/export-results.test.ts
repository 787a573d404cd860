import { makeFinding } from "../../src/core/finding";
import { RESULT_COLUMNS, RESULT_TABLE } from "../../src/core/results-table";
import { setup } from "./helpers";

const findings = [
  makeFinding({ rule: "IND-VAGUE", sheet: "收支总表", cell: "A2", message: "表述模糊" }),
  makeFinding({
    rule: "BAL-SPEND",
    sheet: "收支总表",
    cell: "B3",
    message: "合计不一致",
    expected: "1852.70",
    actual: "1850.20",
  }),
];

describe("导出结果: the pane's 检查结果 in the shared findings layout (issue 19)", () => {
  it("has the columns, widths, a frozen bold header, a filter, severity order and #,##0.00", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: [["x"]] }]);
    const { sheetName } = await gateway.exportResults!(findings);
    const sheet = fake.snapshot().sheets.find((s) => s.name === sheetName)!;
    const header = RESULT_COLUMNS.map((_, i) => sheet.cells[`${String.fromCharCode(65 + i)}1`]);
    expect(header.map((c) => c.value)).toEqual([...RESULT_COLUMNS]);
    expect(header.every((c) => c.format?.["font.bold"] === true)).toBe(true);
    expect(sheet.frozen.rows).toBe(1);
    expect(sheet.autoFilter).toBe(`A1:J3`);
    // Widths follow the spec: 说明 the widest column.
    const widths = RESULT_TABLE.map((_, i) => sheet.columnWidths[String(i)]);
    expect(Math.max(...widths)).toBe(widths[RESULT_COLUMNS.indexOf("说明")]);
    // The error first, though the check listed it second; its amounts are numbers shown #,##0.00.
    expect(sheet.cells.D2.value).toBe("BAL-SPEND");
    expect(sheet.cells.E2.value).toBe("本年支出合计应等于各项支出之和");
    expect(sheet.cells.H2).toMatchObject({ value: 1852.7, numberFormat: "#,##0.00" });
    expect(sheet.cells.D3.value).toBe("IND-VAGUE");
    expect(sheet.cells.B2.hyperlink?.documentReference).toBe("'收支总表'!B3");
  });

  it("still writes the table on a host without freeze panes or filters (ExcelApi 1.3)", async () => {
    const { fake, gateway } = setup([{ name: "收支总表", rows: [["x"]] }], { maxApi: "1.3" });
    const { sheetName } = await gateway.exportResults!(findings);
    const sheet = fake.snapshot().sheets.find((s) => s.name === sheetName)!;
    expect(sheet.cells.A1.value).toBe("工作表");
    expect(sheet.frozen.rows).toBe(0);
    expect(sheet.autoFilter).toBeNull();
  });
});
