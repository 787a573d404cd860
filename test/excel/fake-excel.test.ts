import { parseAreas } from "../../src/excel/read";
import { createFakeExcel } from "../support/fake-excel";

/* The fake must behave like Excel where the gateway depends on it, or the gateway tests prove nothing. */

type Ctx = any; // the fake is structurally Excel's RequestContext; tests poke at it freely

const seed = () =>
  createFakeExcel([
    {
      name: "收支总表",
      rows: [
        ["项目", "金额"],
        ["工资", 10],
        ["合计", { v: 10, f: "=SUM(B2:B2)", fmt: "0.00" }],
      ],
    },
    { name: "Other", rows: [["x"]], protected: true },
  ]);

describe("fake Excel", () => {
  it("throws PropertyNotLoaded until load() and sync()", async () => {
    const fake = seed();
    await fake.Excel.run(async (ctx: Ctx) => {
      const range = ctx.workbook.worksheets.getItem("收支总表").getUsedRange();
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values,formulas,text,address");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([
        ["项目", "金额"],
        ["工资", 10],
        ["合计", 10],
      ]);
      expect(range.formulas[2][1]).toBe("=SUM(B2:B2)");
      expect(range.formulas[1][1]).toBe(10);
      expect(range.text[2][1]).toBe("10.00");
      expect(range.address).toBe("收支总表!A1:B3");
    });
    expect(fake.syncCount).toBe(1);
  });

  it("applies writes only at sync, and rejects writes to a protected sheet with AccessDenied", async () => {
    const fake = seed();
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("收支总表").getRange("C1").values = [["新"]];
      expect(fake.sheet("收支总表").cells.size).toBe(6);
      await ctx.sync();
      expect(fake.snapshot().sheets[0].cells.C1.value).toBe("新");
      ctx.workbook.worksheets.getItem("Other").getRange("A1").format.fill.color = "#FF0000";
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
  });

  it("gives null objects and ItemNotFound", async () => {
    const fake = seed();
    await fake.Excel.run(async (ctx: Ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("无此表");
      const setting = ctx.workbook.settings.getItemOrNullObject("k");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(setting.isNullObject).toBe(true);
      ctx.workbook.worksheets.getItem("无此表").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("fails every request in cell-edit mode and gates APIs by requirement set", async () => {
    const fake = createFakeExcel([{ name: "S", rows: [[1]] }], { maxApi: "1.8" });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("S").getRanges("A1,B2").load("address");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      fake.setEditMode(true);
      ctx.workbook.worksheets.getItem("S").load("name");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    });
  });

  it("adds, lists and deletes conditional formats with ids; RangeAreas cover several areas", async () => {
    const fake = createFakeExcel([
      {
        name: "S",
        rows: [
          [1, 2],
          [3, 4],
        ],
        conditionalFormats: [{ address: "A1:B2", formula: "=A1>2", fill: "#00FF00" }],
      },
    ]);
    await fake.Excel.run(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      const cf = sheet.getRanges("A1,B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = "#FFC7CE";
      cf.load("id");
      await ctx.sync();
      expect(fake.snapshot().sheets[0].conditionalFormats.map((c) => c.areas)).toEqual([["A1", "B2"], ["A1:B2"]]);
      const all = sheet.getRange().conditionalFormats.load("items/id,items/type,items/customOrNullObject/rule/formula");
      await ctx.sync();
      expect(all.items.map((i: Ctx) => i.customOrNullObject.rule.formula)).toEqual(["=TRUE", "=A1>2"]);
      sheet.getRange().conditionalFormats.getItem(cf.id).delete();
      await ctx.sync();
    });
    expect(fake.snapshot().sheets[0].conditionalFormats).toHaveLength(1);
  });

  it("gives conditional formats their priority as id, so ids shift when a format is added or deleted", async () => {
    const fake = createFakeExcel([
      {
        name: "S",
        conditionalFormats: [
          { address: "A1", formula: "=1" },
          { address: "A2", formula: "=2" },
        ],
      },
    ]);
    const ids = () =>
      fake.Excel.run(async (ctx: Ctx) => {
        const list = ctx.workbook.worksheets
          .getItem("S")
          .getRange()
          .conditionalFormats.load("items/id,items/customOrNullObject/rule/formula");
        await ctx.sync();
        return list.items.map((cf: Ctx) => `${cf.customOrNullObject.rule.formula}@${cf.id}`);
      });
    expect(await ids()).toEqual(["=1@0", "=2@1"]);
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("B1").conditionalFormats.add("Custom").custom.rule.formula = "=3";
      await ctx.sync();
    });
    expect(await ids()).toEqual(["=3@0", "=1@1", "=2@2"]);
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats.getItem("1").delete();
      await ctx.sync();
    });
    expect(await ids()).toEqual(["=3@0", "=2@1"]);
  });

  it("keeps protection options, refuses to protect twice, and wants the password to unprotect", async () => {
    const fake = createFakeExcel([{ name: "S", protected: true, protectionOptions: { allowSort: true }, password: "pw" }]);
    await fake.Excel.run(async (ctx: Ctx) => {
      const protection = ctx.workbook.worksheets.getItem("S").protection.load("protected,options");
      await ctx.sync();
      expect([protection.protected, protection.options]).toEqual([true, { allowSort: true }]);
      protection.protect({});
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      protection.unprotect();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      protection.unprotect("pw");
      protection.protect({ allowInsertRows: true });
      await ctx.sync();
    });
    expect(fake.snapshot().sheets[0]).toMatchObject({ protected: true, protectionOptions: { allowInsertRows: true } });
  });

  it("runs with options: an undo group refuses what cannot be undone, and needs ExcelApi 1.20", async () => {
    const fake = createFakeExcel([{ name: "S", rows: [[1]] }], { maxApi: "1.20" });
    await fake.Excel.run({ mergeUndoGroup: true }, async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[2]];
      await ctx.sync();
      ctx.workbook.worksheets.getItem("S").protection.unprotect();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "UndoNotSupported" });
      ctx.workbook.settings.add("k", 1);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "UndoNotSupported" });
    });
    // Outside a group the same calls go through.
    await fake.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("S").protection.unprotect();
      ctx.workbook.settings.add("k", 1);
      await ctx.sync();
    });
    expect(fake.stats.runOptions).toEqual([{ mergeUndoGroup: true }, {}]);
    expect(fake.snapshot().sheets[0].cells.A1.value).toBe(2);
    const old = createFakeExcel([{ name: "S", rows: [[1]] }], { maxApi: "1.19" });
    await expect(
      old.Excel.run({ mergeUndoGroup: true }, async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").values = [[2]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("refuses a response over the 5 MB limit of Excel on the web, and nothing that sync loaded becomes readable", async () => {
    const fake = createFakeExcel([{ name: "S", rows: [["x".repeat(1000)], [{ v: null }]] }], { responseLimitBytes: 500 });
    await fake.Excel.run(async (ctx: Ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name");
      const used = ctx.workbook.worksheets.getItem("S").getUsedRangeOrNullObject().load("rowCount");
      const big = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => used.rowCount).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => big.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      // The same loads in a sync that fits are delivered.
      used.load("rowCount");
      await ctx.sync();
      expect([used.isNullObject, used.rowCount]).toEqual([false, 1]);
    });
  });

  it("gives a range's own used range, or a null object when the range holds nothing", async () => {
    const fake = createFakeExcel([
      {
        name: "S",
        origin: "B2",
        rows: [
          [1, null, 3],
          [null, null, { v: null, f: "=B2" }],
        ],
      },
    ]);
    await fake.Excel.run(async (ctx: Ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("S");
      const all = sheet.getRange("A1:E9").getUsedRangeOrNullObject(true).load("address");
      const part = sheet.getRange("A1:C9").getUsedRangeOrNullObject(true).load("address");
      const empty = sheet.getRange("F1:G9").getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
      expect(all.address).toBe("S!B2:D3");
      expect(part.address).toBe("S!B2");
      expect(empty.isNullObject).toBe(true);
    });
  });

  it("returns null cell arrays for a range over five million cells, as Excel may instead of an error", async () => {
    const fake = createFakeExcel([{ name: "S", rows: [[1]] }]);
    await fake.Excel.run(async (ctx: Ctx) => {
      const huge = ctx.workbook.worksheets.getItem("S").getRange("A1:Z200000").load("values,cellCount");
      await ctx.sync();
      expect(huge.cellCount).toBe(5_200_000);
      expect(huge.values).toBeNull();
    });
  });
});

describe("parseAreas", () => {
  it("parses merged-area addresses with quoted sheet names containing commas", () => {
    expect(parseAreas("'a,b'!$A$1:$B$2,'a,b'!C3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
  });
});

describe("fake insertWorksheetsFromBase64", () => {
  it("inserts decoded sheets under a free name after the given sheet, and needs ExcelApi 1.13", async () => {
    const fake = createFakeExcel([{ name: "收支总表" }, { name: "其他" }]);
    fake.setDecoder(() => [{ name: "收支总表", rows: [["部门预算收支总表"]], merges: ["A1:D1"] }]);
    const ids = await fake.Excel.run(async (ctx: any) => {
      const r = ctx.workbook.insertWorksheetsFromBase64("UEsDBA==", { positionType: "After", relativeTo: "收支总表" });
      await ctx.sync();
      return r.value as string[];
    });
    expect(ids).toHaveLength(1);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["收支总表", "收支总表 (2)", "其他"]);
    expect(fake.snapshot().sheets[1].merges).toEqual(["A1:D1"]);

    const old = createFakeExcel([{ name: "S" }], { maxApi: "1.12" });
    await old.Excel.run(async (ctx: any) => {
      ctx.workbook.insertWorksheetsFromBase64("UEsDBA==");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});
