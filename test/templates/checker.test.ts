import { readWorkbookBuffer } from "../../src/cli/xlsx-read";
import { checkWorkbook } from "../../src/core/check";
import { buildTemplateWorkbook } from "../../src/templates/xlsx-writer";
import { filledTemplate } from "./support/fill";
import { consistentIndicators, consistentSummary, indicatorCell, summaryCell } from "./support/fixtures";

describe("the checker on the templates it ships", () => {
  it("recognises both blank templates and finds no error in them", async () => {
    const bytes = await buildTemplateWorkbook(["收支总表", "绩效指标"], { blocks: 2 });
    const snapshots = await readWorkbookBuffer(Buffer.from(bytes));
    const result = checkWorkbook(snapshots);
    expect(result.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["收支总表", "summary"],
      ["项目支出绩效目标表", "indicators"],
    ]);
    expect(result.sheets.every((s) => s.note === undefined)).toBe(true);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("reports nothing at all on a consistently filled 收支总表", async () => {
    const snapshots = await readWorkbookBuffer(await filledTemplate("收支总表", consistentSummary(), "exact"));
    expect(snapshots[0].values.flat()).toContain(24610.91);
    expect(checkWorkbook(snapshots).findings.map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([]);
  });

  // The protected template locks this cell; the case stands for a copy whose protection was lifted.
  it("finds a 本年支出合计 typed over its formula with a wrong number, at that cell", async () => {
    const buf = await filledTemplate("收支总表", consistentSummary(), "exact", { [summaryCell.spendYearTotal]: 24493.41 });
    const findings = checkWorkbook(await readWorkbookBuffer(buf)).findings;
    const atCell = findings.filter((f) => f.cell === summaryCell.spendYearTotal && f.severity === "error");
    expect(atCell.map((f) => f.rule)).toContain("BAL-SPEND");
    expect(atCell.find((f) => f.rule === "BAL-SPEND")?.message).toContain("2.50");
  });

  it("finds inputs that do not balance (收入 100, 支出 90) at 支出总计, the only way a user of the locked template can break it", async () => {
    const fills = {
      [summaryCell.incomeItem(0)]: 60,
      [summaryCell.incomeItem(4)]: 40,
      [summaryCell.spendItem(0)]: 50,
      [summaryCell.spendItem(9)]: 40,
    };
    const snapshots = await readWorkbookBuffer(await filledTemplate("收支总表", fills, "exact"));
    // The formulas hold, so the only finding is the balance between the two grand totals.
    const findings = checkWorkbook(snapshots).findings;
    expect(findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual([`${summaryCell.spendGrand} BAL-BALANCE error`]);
    expect(findings[0].message).toBe("支出总计 90.00 与收入总计 100.00 不一致，相差 −10.00（万元）");
  });

  it("reports nothing at all on a consistently filled 绩效指标 block", async () => {
    const snapshots = await readWorkbookBuffer(await filledTemplate("绩效指标", consistentIndicators(), "exact"));
    const result = checkWorkbook(snapshots);
    expect(result.sheets[0].kind).toBe("indicators");
    expect(result.findings.map((f) => `${f.cell} ${f.rule} ${f.message}`)).toEqual([]);
  });

  it("finds a 成本指标 above the block's budget, at its value cell", async () => {
    const buf = await filledTemplate("绩效指标", { ...consistentIndicators(), [indicatorCell.value(3)]: "≤40万元" }, "exact");
    const findings = checkWorkbook(await readWorkbookBuffer(buf)).findings;
    expect(findings.filter((f) => f.cell === indicatorCell.value(3)).map((f) => f.rule)).toContain("IND-COST-BUDGET");
  });

  it("finds a spending plan that ends short of 100%, at its 12月底 cell", async () => {
    const buf = await filledTemplate("绩效指标", { ...consistentIndicators(), [indicatorCell.plan(3)]: 90 }, "exact");
    const findings = checkWorkbook(await readWorkbookBuffer(buf)).findings;
    expect(findings.filter((f) => f.cell === indicatorCell.plan(3)).map((f) => f.rule)).toContain("PLAN-END");
  });
});
