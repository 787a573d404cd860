import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import { MARK_FILL } from "../../src/core/mark-layout";
import { annotateWorkbookBytes, readWorkbookBytes } from "../../src/xlsx";
import { setup } from "../excel/helpers";
import { FakeConditionalFormatInit, FakeSheetInit, fakeSheetsFromSnapshots } from "../support/fake-excel";
import { exceljsRichWorkbook } from "./support/rich-workbook";

interface CfModel {
  ref: string;
  rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[];
}

/** Opens a file as Excel would hand it to the add-in: cells, and each conditional format with its rule formula and fill. */
async function fakeSheetsFromFile(bytes: Uint8Array): Promise<FakeSheetInit[]> {
  const sheets = fakeSheetsFromSnapshots((await readWorkbookBytes(bytes, "copy")).snapshots);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  for (const sheet of sheets) {
    const cfs = (wb.getWorksheet(sheet.name) as unknown as { conditionalFormattings: CfModel[] }).conditionalFormattings;
    sheet.conditionalFormats = cfs.flatMap((cf) =>
      cf.rules.map((rule): FakeConditionalFormatInit => {
        const address = cf.ref.split(/\s+/).join(",");
        if (rule.type !== "expression") return { address, type: "DataBar" };
        const argb = rule.style?.fill?.bgColor?.argb;
        return { address, type: "Custom", formula: `=${rule.formulae![0]}`, ...(argb ? { fill: `#${argb.slice(2)}` } : {}) };
      }),
    );
  }
  return sheets;
}

describe("the add-in on an annotated copy", () => {
  it("recognises the copy's marks as its own and 清除标记 removes exactly them", async () => {
    const input = await exceljsRichWorkbook();
    const findings = checkWorkbook((await readWorkbookBytes(input, "in")).snapshots).findings;
    const { bytes } = await annotateWorkbookBytes(input, findings);
    const { fake, gateway } = setup(await fakeSheetsFromFile(bytes));
    const before = fake.snapshot().sheets.find((s) => s.name === "收支总表")!.conditionalFormats;
    const ours = before.filter((c) => c.formula?.includes("budget-check"));
    // error (B8, D8) and info (D7): one format per severity, in the add-in's fills.
    expect(ours.map((c) => [c.formula, c.format["fill.color"]])).toEqual([
      ['=N("budget-check:error")=0', MARK_FILL.error],
      ['=N("budget-check:info")=0', MARK_FILL.info],
    ]);
    const cleared = await gateway.clearMarks();
    expect(cleared.problems).toEqual([]);
    expect(cleared.count).toBe(2);
    const after = fake.snapshot().sheets.find((s) => s.name === "收支总表")!.conditionalFormats;
    expect(after.map((c) => c.type)).toEqual(["DataBar"]);
  });

  it("a re-check in the add-in replaces the copy's marks instead of adding to them", async () => {
    const input = await exceljsRichWorkbook();
    const findings = checkWorkbook((await readWorkbookBytes(input, "in")).snapshots).findings;
    const { bytes } = await annotateWorkbookBytes(input, findings);
    const { fake, gateway } = setup(await fakeSheetsFromFile(bytes));
    await gateway.paint(findings, ["收支总表"]);
    const marks = fake
      .snapshot()
      .sheets.find((s) => s.name === "收支总表")!
      .conditionalFormats.filter((c) => c.formula?.includes("budget-check"));
    expect(marks).toHaveLength(2);
  });
});
