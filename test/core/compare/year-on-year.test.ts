import { Decimal } from "../../../src/core/amount";
import { compareWorkbooks, YearChange } from "../../../src/core/compare/year-on-year";
import { LiteralCell, SheetSnapshot, gridSheet } from "../../../src/core/snapshot";

/** A 三公 table: rows 4 合计, 5 出国, 6 接待, 7 公务用车; the columns as given. */
function sangong(title: string, header: string[], figures: (number | null)[][], unit = "单位：万元"): SheetSnapshot {
  const labels = ["合计", "1.因公出国（境）费", "2.公务接待费", "3.公务用车购置及运行费"];
  return gridSheet("三公经费支出表", [
    [title],
    [unit],
    ["项目", ...header],
    ...labels.map((l, i) => [l, ...figures[i]] as LiteralCell[]),
  ]);
}

/** The same unit's 三公 table of 2023 (last year) and of 2024 (this year). */
const lastYear = (header: string[], figures: (number | null)[][], unit?: string) =>
  sangong("2023年“三公”经费预算表", header, figures, unit);
const thisYear = (header: string[], figures: (number | null)[][], unit?: string) =>
  sangong("2024年“三公”经费预算表", header, figures, unit);

const LAST = [lastYear(["预算数"], [[30], [5], [8], [17]])];
const compare = (now: SheetSnapshot[], last = LAST, options = {}) =>
  compareWorkbooks(now, last, { lastFile: "单位2023.xlsx", ...options }).findings;
const brief = (findings: { rule: string; cell: string; severity: string }[]) =>
  findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`);

describe("YOY-PRIOR: a 上年数 column against last year's own figure", () => {
  const header = ["上年预算数", "本年预算数"];

  it("is quiet when every 上年数 repeats last year's 预算数", () => {
    const now = thisYear(header, [
      [30, 28],
      [5, 5],
      [8, 6],
      [17, 17],
    ]);
    expect(compare([now])).toEqual([]);
  });

  it("flags the 上年数 that differs, on this year's cell, naming last year's cell", () => {
    const now = thisYear(header, [
      [31, 28],
      [5, 5],
      [9, 6],
      [17, 17],
    ]);
    const found = compare([now]);
    expect(brief(found)).toEqual(["YOY-PRIOR B4 warning", "YOY-PRIOR B6 warning"]);
    const f = found[1];
    expect(f.compare).toEqual({ file: "单位2023.xlsx", sheet: "三公经费支出表", cell: "B6", value: "8.00" });
    expect(f.related).toEqual(["'[单位2023.xlsx]三公经费支出表'!B6"]);
    expect(f.message).toContain("2.公务接待费");
    expect([f.expected, f.actual, f.difference]).toEqual(["8.00", "9.00", "1.00"]);
  });

  it("calls a gap within the band a rounding difference (info)", () => {
    const now = thisYear(header, [
      [30, 28],
      [5, 5],
      [8.01, 6],
      [17, 17],
    ]);
    expect(brief(compare([now]))).toEqual(["YOY-PRIOR B6 info"]);
  });

  it("reads 2023年预算数 in a 2024 table as 上年, and compares across units (元 against 万元)", () => {
    const now = thisYear(
      ["2023年预算数", "2024年预算数"],
      [
        [300000, 280000],
        [50000, 50000],
        [80000, 60000],
        [170000, 170000],
      ],
      "单位：元",
    );
    expect(compare([now])).toEqual([]);
    const wrong = thisYear(
      ["2023年预算数", "2024年预算数"],
      [
        [30, 28],
        [5, 5],
        [7, 6],
        [18, 17],
      ],
    );
    expect(brief(compare([wrong]))).toEqual(["YOY-PRIOR B6 warning", "YOY-PRIOR B7 warning"]);
  });

  it("matches rows by label whatever the numbering and brackets, and skips a label two rows share", () => {
    const now = gridSheet("三公经费支出表", [
      ["2024年“三公”经费预算表"],
      ["单位：万元"],
      ["项目", "上年预算数", "本年预算数"],
      ["合计", 30, 28],
      ["（一）因公出国(境)费用", 5, 5],
      ["（二）公务接待费", 9, 6],
      ["（三）公务接待费", 9, 6],
      ["（四）公务用车购置及运行维护费", 18, 17],
    ]);
    expect(brief(compare([now]))).toEqual(["YOY-PRIOR B8 warning"]);
  });

  it("does not compare a 上年决算数 with last year's 预算数", () => {
    const now = thisYear(
      ["上年决算数", "本年预算数"],
      [
        [99, 28],
        [9, 5],
        [9, 6],
        [81, 17],
      ],
    );
    expect(compare([now])).toEqual([]);
  });
});

describe("YOY-CHANGE: a large change the 说明 must explain", () => {
  const last = [lastYear(["预算数"], [[60], [5], [40], [15]])];

  it("reports a change above 30% and above 10 units, with both figures, the change and the rate", () => {
    const now = thisYear(["预算数"], [[78], [5], [55], [18]]);
    const found = compare([now], last);
    // 合计 +18 (30%, not above); 接待 +15 (37.5%); 公务用车 +3 (20%, and under 10 units).
    expect(brief(found)).toEqual(["YOY-CHANGE B6 info"]);
    expect(found[0].message).toBe(
      "2.公务接待费 本年 55.00，上年「三公经费支出表」B6 40.00，增加 15.00（万元），增长 37.50%，超过 30%，需在说明中解释",
    );
    expect(found[0].compare?.cell).toBe("B6");
  });

  it("leaves out a large rate on a small amount", () => {
    const now = thisYear(["预算数"], [[60], [14], [40], [6]]);
    expect(compare([now], last)).toEqual([]);
  });

  it("takes the rate from --change-threshold", () => {
    const now = thisYear(["预算数"], [[78], [5], [55], [18]]);
    expect(brief(compare([now], last, { changeThreshold: "25" }))).toEqual(["YOY-CHANGE B4 info", "YOY-CHANGE B6 info"]);
  });

  it("says when last year's figure was 0", () => {
    const zero = [lastYear(["预算数"], [[45], [0], [30], [15]])];
    const now = thisYear(["预算数"], [[57], [12], [30], [15]]);
    const found = compare([now], zero);
    expect(brief(found)).toEqual(["YOY-CHANGE B5 info"]);
    expect(found[0].message).toContain("上年为 0");
  });

  it("drops a change the 说明 explains, and only that one", () => {
    const now = thisYear(["预算数"], [[20], [5], [0], [15]]);
    const seen: YearChange[] = [];
    const explained = (c: YearChange) => {
      seen.push(c);
      return c.item === "2.公务接待费";
    };
    expect(brief(compare([now], last, { explained }))).toEqual(["YOY-CHANGE B4 info"]);
    expect(seen.map((c) => [c.item, c.last.toFixed(), c.current.toFixed()])).toEqual([
      ["合计", "60", "20"],
      ["2.公务接待费", "40", "0"],
    ]);
    expect(seen[0].current).toBeInstanceOf(Decimal);
  });
});

/** A year's 支出总表 keyed by 功能分类 codes, one row per [code, name, 合计]. */
function spendingIn(year: number, rows: [string, string, number][]): SheetSnapshot {
  const title = `${year}年支出总表`;
  const total = rows.filter(([code]) => code.length === 3).reduce((s, r) => s + r[2], 0);
  return gridSheet("支出总表", [[title], ["单位：万元"], ["科目编码", "科目名称", "合计"], ["合计", null, total], ...rows]);
}

describe("YOY-NEW and YOY-GONE: a 类 or 款 that appears or goes", () => {
  const last = [
    spendingIn(2023, [
      ["205", "教育支出", 100],
      ["20502", "普通教育", 100],
      ["210", "卫生健康支出", 50],
      ["21001", "卫生健康管理事务", 50],
    ]),
  ];

  it("is quiet when the same 类 and 款 carry money", () => {
    const now = spendingIn(2024, [
      ["205", "教育支出", 105],
      ["20502", "普通教育", 105],
      ["210", "卫生健康支出", 52],
      ["21001", "卫生健康管理事务", 52],
    ]);
    expect(compare([now], last)).toEqual([]);
  });

  it("reports a new 款 on its own figure and a gone 类 on this year's title, naming last year's cell", () => {
    const now = spendingIn(2024, [
      ["205", "教育支出", 104],
      ["20502", "普通教育", 100],
      ["20508", "进修及培训", 4],
      ["21001", "卫生健康管理事务", 0],
    ]);
    const found = compare([now], last);
    // 合计 150 → 104 and 21001 50 → 0 are large changes as well.
    expect(brief(found).sort()).toEqual(["YOY-CHANGE C4 info", "YOY-CHANGE C8 info", "YOY-GONE A1 info", "YOY-NEW C7 info"]);
    const gone = found.find((f) => f.rule === "YOY-GONE")!;
    expect(gone.message).toContain("210 卫生健康支出");
    expect(gone.compare?.cell).toBe("C7");
    // 21001 is still there (with 0), so it is not gone; a 项 (7 digits) is never reported.
  });

  it("ignores a new 类 without money", () => {
    const now = spendingIn(2024, [
      ["205", "教育支出", 101],
      ["20502", "普通教育", 101],
      ["210", "卫生健康支出", 50],
      ["21001", "卫生健康管理事务", 50],
      ["212", "城乡社区支出", 0],
    ]);
    expect(compare([now], last)).toEqual([]);
  });
});

describe("YOY-SAME-FILE: last year's file sent again", () => {
  it("says it once instead of flagging every 上年数", () => {
    // Two readings of one file: equal sheets, not the same object.
    const sent = () =>
      lastYear(
        ["上年预算数", "本年预算数"],
        [
          [33, 30],
          [5, 5],
          [9, 8],
          [19, 17],
        ],
      );
    const found = compare([sent()], [sent()]);
    expect(brief(found)).toEqual(["YOY-SAME-FILE A1 warning"]);
    expect(found[0].message).toContain("4 个数字");
  });

  it("needs at least three figures besides zeros", () => {
    const tiny = [lastYear(["预算数"], [[5], [5], [0], [0]])];
    expect(compare(tiny, tiny)).toEqual([]);
  });

  it("is not said when one figure differs", () => {
    const now = thisYear(["预算数"], [[30], [5], [8], [17.5]]);
    expect(brief(compare([now]))).toEqual([]);
  });
});

describe("tables matched by their standard kind", () => {
  it("compares the two halves of a 收支总表 separately, and names nothing when last year has no such table", () => {
    const summary = (year: number, income: number, spend: number, prior: [number, number]) =>
      gridSheet("收支总表", [
        [`${year}年部门收支总表`],
        ["单位：万元"],
        ["项目", "上年预算数", "本年预算数", "项目", "上年预算数", "本年预算数"],
        ["一、一般公共预算拨款收入", prior[0], income, "一、教育支出", prior[1], spend],
        ["本年收入合计", prior[0], income, "本年支出合计", prior[1], spend],
      ]);
    const last = [summary(2023, 100, 100, [90, 90])];
    expect(compare([summary(2024, 105, 105, [100, 100])], last)).toEqual([]);
    expect(brief(compare([summary(2024, 105, 105, [100, 99])], last))).toEqual(["YOY-PRIOR E4 warning", "YOY-PRIOR E5 warning"]);
    const result = compareWorkbooks([summary(2024, 105, 105, [100, 99])], LAST, { lastFile: "x.xlsx" });
    expect(result).toEqual({ findings: [], tables: [] });
  });
});
