import { parse } from "csv-parse/sync";
import { csvField, detailCsv, inertText } from "../../../src/cli/batch/report-csv";
import { FileOutcome } from "../../../src/cli/batch/outcome";

describe("the 明细 CSV", () => {
  it("quotes fields as RFC 4180 says", () => {
    expect(csvField("plain 文本")).toBe("plain 文本");
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("一\n二")).toBe('"一\n二"');
  });

  it("reads back field for field, commas, quotes and line breaks included", async () => {
    const outcome: FileOutcome = {
      file: '甲,乙/"报"表.xlsx',
      status: "checked",
      unit: null,
      result: {
        sheets: [{ name: "收支总表", kind: "summary" }],
        findings: [
          {
            id: "x",
            rule: "BAL-SPEND",
            severity: "error",
            sheet: "收支总表",
            cell: "D8",
            related: [],
            message: "合计有误，\n请核对",
            expected: "10.00",
            actual: "9.50",
            difference: "-0.50",
          },
          { id: "y", rule: "IND-VAGUE", severity: "info", sheet: "收支总表", cell: "E3", related: [], message: "表述“较好”模糊" },
        ],
      },
      skipped: [],
      notes: [],
    };
    const text = await detailCsv([outcome, { file: "坏.xlsx", status: "failed", error: { kind: "corrupt", message: "损坏" } }]);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(parse(text, { bom: true })).toEqual([
      ["文件", "单位", "工作表", "单元格", "项目", "规则", "规则名称", "严重程度", "说明", "应为", "实际", "相差"],
      [
        '甲,乙/"报"表.xlsx',
        "未能读出",
        "收支总表",
        "D8",
        "",
        "BAL-SPEND",
        "本年支出合计应等于各项支出之和",
        "错误",
        "合计有误，\n请核对",
        "10.00",
        "9.50",
        "-0.50",
      ],
      [
        '甲,乙/"报"表.xlsx',
        "未能读出",
        "收支总表",
        "E3",
        "",
        "IND-VAGUE",
        "指标值表述模糊，不在规范用语之列",
        "提示",
        "表述“较好”模糊",
        "",
        "",
        "",
      ],
    ]);
  });

  it("keeps names that look like formulas inert, and amounts as they are", async () => {
    expect(inertText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(["+1", "-1", "@SUM(A1)", "收支总表"].map(inertText)).toEqual(["'+1", "'-1", "'@SUM(A1)", "收支总表"]);
    const outcome: FileOutcome = {
      file: "=1+1.xlsx",
      status: "checked",
      unit: null,
      result: {
        sheets: [{ name: "@表", kind: "summary" }],
        findings: [
          {
            id: "x",
            rule: "BAL-SPEND",
            severity: "error",
            sheet: "@表",
            cell: "D8",
            related: [],
            message: "合计有误",
            expected: "10.00",
            actual: "9.50",
            difference: "-0.50",
          },
        ],
      },
      skipped: [],
      notes: [],
    };
    expect(parse(await detailCsv([outcome]), { bom: true })[1]).toEqual([
      "'=1+1.xlsx",
      "未能读出",
      "'@表",
      "D8",
      "",
      "BAL-SPEND",
      "本年支出合计应等于各项支出之和",
      "错误",
      "合计有误",
      "10.00",
      "9.50",
      "-0.50",
    ]);
  });
});
