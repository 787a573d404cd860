import { GatewayError } from "../../src/excel/gateway";
import { toA1 } from "../../src/core/address";
import { TEMPLATE_CATALOG, type TemplateKind } from "../../src/templates/catalog";
import { templateSpec } from "../../src/templates/specs";
import { INDICATOR_LAYOUT, blockStartRow, projectBlockSpec } from "../../src/templates/indicator-spec";
import { appendProjectBlock, insertTemplateSheet } from "../../src/excel/template-writer";
import { FakeExcel, FakeSheetInit, createFakeExcel } from "../support/fake-excel";
import { exceljsDecoder } from "../templates/support/decoder";
import { pageSetups, recordPageLayout } from "../templates/support/page-layout-recorder";

recordPageLayout();

/** A host: "1.17" takes the base64 path, "1.8" (Office 2019) the range-by-range one. */
function host(maxApi: string, sheets: FakeSheetInit[] = [{ name: "Sheet1", rows: [["原有内容"]] }]): FakeExcel {
  return createFakeExcel(sheets, { maxApi, decoder: exceljsDecoder });
}

async function insert(fake: FakeExcel, kind: TemplateKind, blocks?: number) {
  const supports = (v: string) => fake.Office.context.requirements.isSetSupported("ExcelApi", v);
  return fake.Excel.run((context) => insertTemplateSheet(context as unknown as Excel.RequestContext, kind, { supports, blocks }));
}

async function append(fake: FakeExcel) {
  const supports = (v: string) => fake.Office.context.requirements.isSetSupported("ExcelApi", v);
  return fake.Excel.run((context) => appendProjectBlock(context as unknown as Excel.RequestContext, { supports }));
}

/** What a user sees of a sheet, with the few ways the two writers may legitimately differ folded away. */
function visible(fake: FakeExcel, name: string) {
  const s = fake.snapshot().sheets.find((x) => x.name === name)!;
  const cells: Record<string, unknown> = {};
  for (const [address, cell] of Object.entries(s.cells)) {
    const f = cell.format ?? {};
    const plain = Object.fromEntries(Object.entries(f).filter(([k]) => !k.startsWith("borders.")));
    const value = cell.formula ? undefined : cell.value === "" ? null : cell.value;
    const out = {
      ...(value !== null && value !== undefined ? { value } : {}),
      ...(cell.formula ? { formula: cell.formula } : {}),
      numberFormat: cell.numberFormat ?? "General",
      bordered: Object.entries(f).some(([k, v]) => /^borders\..*\.style$/.test(k) && v === "Continuous"),
      ...plain,
    };
    if (Object.keys(plain).length > 0 || value != null || cell.formula) cells[address] = out;
  }
  // A validation written on a range counts once per cell, however the writer grouped it.
  const validations: Record<string, unknown> = {};
  for (const d of s.dataValidations) {
    const [a, b = a] = d.area.split(":");
    const ra = /([A-Z]+)(\d+)/.exec(a)!;
    const rb = /([A-Z]+)(\d+)/.exec(b)!;
    for (let r = Number(ra[2]); r <= Number(rb[2]); r++)
      for (let c = ra[1].charCodeAt(0); c <= rb[1].charCodeAt(0); c++)
        validations[`${String.fromCharCode(c)}${r}`] = { rule: d.rule, prompt: d.prompt ?? null, errorAlert: d.errorAlert };
  }
  return {
    cells,
    merges: [...s.merges].sort(),
    validations,
    conditionalFormats: s.conditionalFormats
      .map((cf) => ({ areas: cf.areas, formula: cf.formula, format: cf.format }))
      .sort((x, y) => x.areas[0].localeCompare(y.areas[0]) || String(x.formula).localeCompare(String(y.formula))),
    columnWidths: s.columnWidths,
    frozen: s.frozen,
    protected: s.protected,
  };
}

describe.each<TemplateKind>(["收支总表", "绩效指标"])("inserting the %s template", (kind) => {
  const name = templateSpec(kind).sheetName;
  it("gives the same cells through insertWorksheetsFromBase64 and through range-by-range writes", async () => {
    const modern = host("1.17");
    const old = host("1.8");
    expect(await insert(modern, kind, 2)).toEqual({ sheetName: name });
    expect(await insert(old, kind, 2)).toEqual({ sheetName: name });
    const a = visible(modern, name);
    const b = visible(old, name);
    expect(Object.keys(a.cells).length).toBeGreaterThan(50);
    expect(b).toEqual(a);
    expect(a.protected).toBe(true);
  });

  it("activates the new sheet and keeps the sync count flat however big the template", async () => {
    for (const maxApi of ["1.17", "1.8"]) {
      const counts: number[] = [];
      for (const blocks of [1, 6]) {
        const fake = host(maxApi);
        await insert(fake, kind, blocks);
        expect(fake.snapshot().activeSheet).toBe(name);
        counts.push(fake.syncCount);
      }
      expect(counts[0]).toBe(counts[1]);
      expect(counts[0]).toBeLessThanOrEqual(maxApi === "1.17" ? 3 : 2);
    }
  });
});

describe("never overwrites an existing sheet", () => {
  it.each(["1.17", "1.8"])(
    "the card 「项目支出绩效目标表」 inserts a sheet of that name beside the workbook's own 绩效指标 (ExcelApi %s, issue 19)",
    async (maxApi) => {
      const title = TEMPLATE_CATALOG.find((t) => t.kind === "绩效指标")!.title;
      expect(title).toBe("项目支出绩效目标表");
      const fake = host(maxApi, [{ name: "绩效指标", rows: [["一级指标", "二级指标"]] }]);
      expect(await insert(fake, "绩效指标")).toEqual({ sheetName: title });
      expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["绩效指标", title]);
    },
  );

  it.each(["1.17", "1.8"])("names the new sheet 收支总表 (2) when 收支总表 exists (ExcelApi %s)", async (maxApi) => {
    const existing: FakeSheetInit = {
      name: "收支总表",
      rows: [["我的收支表"], [1, 2, 3], [{ v: 6, f: "=SUM(A2:C2)" }]],
      merges: ["A1:C1"],
    };
    const fake = host(maxApi, [existing]);
    const before = fake.snapshot().sheets[0];
    expect(await insert(fake, "收支总表")).toEqual({ sheetName: "收支总表 (2)" });
    const after = fake.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(["收支总表", "收支总表 (2)"]);
    expect(after.sheets[0]).toEqual(before);
    expect(after.activeSheet).toBe("收支总表 (2)");
    expect(after.sheets[1].cells.A1.value).toBe("部门预算收支总表");
  });

  it("never writes a second copy when the insert went through but its batch then failed", async () => {
    const fake = host("1.17", [{ name: "Sheet1" }]);
    const supports = (v: string) => fake.Office.context.requirements.isSetSupported("ExcelApi", v);
    const result = await fake.Excel.run((context) => {
      // The second sync (insert + activate) lands, then the host reports a failure.
      const sync = context.sync.bind(context);
      let calls = 0;
      (context as { sync: () => Promise<void> }).sync = async () => {
        await sync();
        if (++calls === 2) throw Object.assign(new Error("lost"), { code: "GeneralException" });
      };
      return insertTemplateSheet(context as unknown as Excel.RequestContext, "收支总表", { supports });
    });
    expect(result).toEqual({ sheetName: "收支总表" });
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1", "收支总表"]);
    expect(fake.snapshot().activeSheet).toBe("收支总表");
  });

  it("falls back to range writes when the host refuses the base64 file", async () => {
    const fake = createFakeExcel([{ name: "Sheet1" }], {
      maxApi: "1.17",
      decoder: () => {
        throw new Error("This operation is not allowed due to the extension hardening policy.");
      },
    });
    expect(await insert(fake, "收支总表")).toEqual({ sheetName: "收支总表" });
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1", "收支总表"]);
    expect(visible(fake, "收支总表").cells).toEqual(visible(await inserted("1.8", "收支总表"), "收支总表").cells);
    // A host this new also gets the print setup the xlsx file would have carried.
    expect(pageSetups.get("收支总表")).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      printTitleRows: "$1:$5",
    });
  });
});

async function inserted(maxApi: string, kind: TemplateKind): Promise<FakeExcel> {
  const fake = host(maxApi);
  await insert(fake, kind);
  return fake;
}

describe("appendProjectBlock", () => {
  it.each(["1.17", "1.8"])(
    "adds a blank block one row below the last, on a protected template sheet (ExcelApi %s)",
    async (maxApi) => {
      const fake = await inserted(maxApi, "绩效指标");
      const before = fake.snapshot().sheets.find((s) => s.name === "项目支出绩效目标表")!;
      const syncsBefore = fake.syncCount;
      const result = await append(fake);
      expect(fake.syncCount - syncsBefore).toBe(2);
      const start = blockStartRow(1);
      expect(result).toEqual({ sheetName: "项目支出绩效目标表", firstRow: start + 1 });
      const after = fake.snapshot().sheets.find((s) => s.name === "项目支出绩效目标表")!;
      for (const c of projectBlockSpec(start).cells) {
        const got = after.cells[toA1(c.row, c.col)];
        expect(got?.value ?? null).toBe(c.value ?? null);
        expect(got?.format?.["protection.locked"]).toBe(c.role !== "input");
      }
      // The first block is untouched, the sheet is protected again, and the new 项目名称 is selected.
      for (const [address, cell] of Object.entries(before.cells)) expect(after.cells[address]).toEqual(cell);
      expect(after.protected).toBe(true);
      expect(after.protectionOptions).toEqual(before.protectionOptions);
      expect(fake.selection()).toEqual({ sheet: "项目支出绩效目标表", address: toA1(start + INDICATOR_LAYOUT.offsets.name, 1) });
      const validated = Object.keys(visible(fake, "项目支出绩效目标表").validations);
      expect(validated).toContain(toA1(start + INDICATOR_LAYOUT.offsets.firstIndicator, 0));
      expect(validated.filter((a) => Number(a.slice(1)) > start).length).toBe(
        validated.filter((a) => Number(a.slice(1)) <= start).length,
      );

      const third = await append(fake);
      expect(third.firstRow).toBe(blockStartRow(2) + 1);
    },
  );

  it("refuses, in Chinese, on a sheet that is not a 绩效指标 template, and changes nothing", async () => {
    const fake = host("1.17", [
      {
        name: "收支表",
        rows: [
          ["项目", "金额"],
          ["工资", 100],
        ],
      },
    ]);
    const before = fake.snapshot();
    const error = await append(fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).message).toMatch(/收支表.*不是绩效指标模板/);
    expect(fake.snapshot()).toEqual(before);
  });

  it("explains a password-protected template instead of failing silently, and changes nothing", async () => {
    const fake = await inserted("1.8", "绩效指标");
    fake.setProtected("项目支出绩效目标表", false);
    fake.setProtected("项目支出绩效目标表", true, { options: { allowInsertRows: true }, password: "口令" });
    const before = fake.snapshot();
    const error = await append(fake).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe("AccessDenied");
    expect((error as GatewayError).message).toBe(
      "工作表「项目支出绩效目标表」设有密码保护，无法追加项目块；请先在“审阅”中撤销工作表保护后再试。",
    );
    expect(fake.snapshot()).toEqual(before);
  });

  it.each(["1.17", "1.8"])("protects the sheet again with the user's own protection options (ExcelApi %s)", async (maxApi) => {
    const fake = await inserted(maxApi, "绩效指标");
    const own = { allowFormatCells: true, allowInsertRows: false, allowSort: true, selectionMode: "Unlocked" };
    fake.setProtected("项目支出绩效目标表", false);
    fake.setProtected("项目支出绩效目标表", true, { options: own });
    await append(fake);
    const after = fake.snapshot().sheets.find((s) => s.name === "项目支出绩效目标表")!;
    expect(after.protected).toBe(true);
    expect(after.protectionOptions).toEqual(own);
  });

  it("leaves a template the user unprotected unprotected", async () => {
    const fake = await inserted("1.8", "绩效指标");
    fake.setProtected("项目支出绩效目标表", false);
    const result = await append(fake);
    expect(result.firstRow).toBe(blockStartRow(1) + 1);
    expect(fake.snapshot().sheets.find((s) => s.name === "项目支出绩效目标表")!.protected).toBe(false);
  });
});
