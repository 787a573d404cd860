/**
 * Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser test:
 * defines Office and Excel over the in-memory fake workbook, seeded with the fixture 收支总表.
 * Bundled into one classic script so it runs, like office.js, before the pane's deferred scripts.
 */
import { createFakeExcel, fakeSheetsFromSnapshots } from "../support/fake-excel";
import { indicatorSheet, notesSheet, summaryWithWrongSpendTotal } from "../taskpane/workbook-fixture";

const fake = createFakeExcel(fakeSheetsFromSnapshots([summaryWithWrongSpendTotal(), indicatorSheet(), notesSheet()]));
const context = fake.Office.context as Record<string, unknown>;
// A test may ask for Excel's dark theme before the page loads (page.addInitScript).
const dark = (window as unknown as { __darkOffice?: boolean }).__darkOffice === true;
context.officeTheme = dark
  ? {
      bodyBackgroundColor: "#1F1F1F",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#292929",
      controlForegroundColor: "#FFFFFF",
      isDarkTheme: true,
    }
  : {
      bodyBackgroundColor: "#FFFFFF",
      bodyForegroundColor: "#000000",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#000000",
      isDarkTheme: false,
    };
context.document = { url: "https://example.test/示例预算表.xlsx" };
context.displayLanguage = "zh-CN";

const w = window as unknown as Record<string, unknown>;
w.Office = fake.Office;
w.Excel = fake.Excel;
/** For page.evaluate: what the user would see in Excel. */
w.__fakeExcel = {
  selection: () => fake.selection(),
  addedMarks: () =>
    fake
      .snapshot()
      .sheets.flatMap((s) =>
        s.conditionalFormats.filter((cf) => !cf.id.startsWith("{USER-CF")).map((cf) => `${s.name}!${cf.areas.join(",")}`),
      ),
  sheetNames: () => fake.snapshot().sheets.map((s) => s.name),
  /** What a cell holds now: its formula, else its value. */
  cell: (sheet: string, address: string) => {
    const found = fake.snapshot().sheets.find((s) => s.name === sheet)?.cells[address];
    return found ? (found.formula ?? found.value) : null;
  },
  /** A cell's hyperlink, as Range.hyperlink set it. */
  link: (sheet: string, address: string) =>
    fake.snapshot().sheets.find((s) => s.name === sheet)?.cells[address]?.hyperlink ?? null,
  /** The user types into a cell. */
  edit: (sheet: string, address: string, value: string | number | null) => fake.edit(sheet, address, value),
  allConditionalFormats: () => fake.snapshot().sheets.reduce((n, s) => n + s.conditionalFormats.length, 0),
};
