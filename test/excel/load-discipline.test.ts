import { OfficeMockObject } from "office-addin-mock";
// office-addin-mock only needs the host enum from office-addin-manifest, whose dependencies ship
// ES modules that jest cannot load untransformed.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { ExcelHost, OfficeHost } from "../../src/excel/host";
import { createOfficeGateway } from "../../src/excel/office-gateway";

/*
 * office-addin-mock returns "Error, property was not loaded" for any property read before
 * load() + sync(). If the gateway read one too early, that string would end up in the snapshot
 * (or as NaN in its shape), so a correct snapshot shows the load/sync order is right.
 * The mock has no null objects, so isNullObject is set by hand after building it.
 */

const office: OfficeHost = { context: { requirements: { isSetSupported: () => true } } };

function mockWorkbook() {
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        active: { name: "收支总表" },
        sheet: {
          name: "收支总表",
          used: { rowIndex: 1, columnIndex: 0, rowCount: 2, columnCount: 2 },
          block: {
            values: [
              ["合计", 30],
              ["工资", ""],
            ],
            formulas: [
              ["合计", "=SUM(B3:B9)"],
              ["工资", ""],
            ],
            text: [
              ["合计", "30.00"],
              ["工资", ""],
            ],
            numberFormat: [
              ["General", "0.00"],
              ["General", "General"],
            ],
            valueTypes: [
              ["String", "Double"],
              ["String", "Empty"],
            ],
            merged: { address: "收支总表!A2:A3" },
            getMergedAreasOrNullObject: function (this: { merged: unknown }) {
              return this.merged;
            },
          },
          getUsedRangeOrNullObject: function (this: { used: unknown }) {
            return this.used;
          },
          getRange: function (this: { block: unknown }) {
            return this.block;
          },
        },
        getActiveWorksheet: function (this: { active: unknown }) {
          return this.active;
        },
        getItem: function (this: { sheet: unknown }) {
          return this.sheet;
        },
      },
      settings: {
        item: { value: { tolerance: "0.5", ignored: ["a"] } },
        getItemOrNullObject: function (this: { item: unknown }) {
          return this.item;
        },
      },
    },
  });
  const m = context as unknown as {
    workbook: {
      worksheets: { sheet: { used: { isNullObject: boolean }; block: { merged: { isNullObject: boolean } } } };
      settings: { item: { isNullObject: boolean } };
    };
  };
  m.workbook.worksheets.sheet.used.isNullObject = false;
  m.workbook.worksheets.sheet.block.merged.isNullObject = false;
  m.workbook.settings.item.isNullObject = false;
  const sync = jest.spyOn(context, "sync");
  // Only the batch form of run(): the reads below never ask for an undo group.
  const excel = {
    run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(context as unknown as Excel.RequestContext),
  } as unknown as ExcelHost;
  return { context, excel, sync };
}

describe("load/sync discipline (office-addin-mock)", () => {
  it("the mock itself refuses a property read before load and sync", async () => {
    const { context } = mockWorkbook();
    const sheet = (
      context as unknown as { workbook: { worksheets: { getActiveWorksheet(): { name: string; load(p: string): void } } } }
    ).workbook.worksheets.getActiveWorksheet();
    expect(sheet.name).toBe("Error, property was not loaded");
    sheet.load("name");
    expect(sheet.name).toBe("Error, context.sync() was not called");
    await context.sync();
    expect(sheet.name).toBe("收支总表");
  });

  it("reads the active sheet only after loading and syncing, in three syncs", async () => {
    const { excel, sync } = mockWorkbook();
    const { snapshots, problems } = await createOfficeGateway(excel, office).readSheets("active");
    expect(problems).toEqual([]);
    expect(snapshots).toEqual([
      {
        name: "收支总表",
        origin: { row: 1, col: 0 },
        values: [
          ["合计", 30],
          ["工资", null],
        ],
        formulas: [
          ["", "=SUM(B3:B9)"],
          ["", ""],
        ],
        texts: [
          ["合计", "30.00"],
          ["工资", ""],
        ],
        numberFormats: [
          ["General", "0.00"],
          ["General", "General"],
        ],
        merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
      },
    ]);
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it("loads a setting's value before reading it", async () => {
    const { excel, sync } = mockWorkbook();
    expect(await createOfficeGateway(excel, office).loadSettings()).toEqual({ tolerance: "0.5", ignored: ["a"] });
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
