import { gridSheet } from "../../../src/core/snapshot";
import { Grid, at, check, checkSeed, edit, serious } from "./helpers";

const BLOCKS = () => [
  ["项目", "预算数", "决算数"],
  ["财政拨款", null, null],
  ["一、基本支出", 100, 110],
  ["二、项目支出", 50, 60],
  ["    其中：差旅费", 30, 30],
  ["小计", 150, 170],
  ["其他资金", null, null],
  ["一、事业收入", 20, 20],
  ["小计", 20, 20],
  ["合计", 170, 190],
];

describe("SUM-ROW", () => {
  it("finds a 小计's block by the columns that hold when one figure in another is wrong", () => {
    const rows = () => [
      ["表", null, null, "单位：万元"],
      ["项目", "合计", "甲", "乙"],
      ["一号", 10, 4, 6],
      ["二号", 20, 5, 15],
      ["三号", 30, 10, 20],
      ["小计", 50, 15, 35],
      ["合计", 60, 19, 41],
    ];
    expect(check([gridSheet("表", rows())])).toEqual([]);
    const wrong = rows();
    wrong[4][2] = 12;
    const f = check([gridSheet("表", wrong)]).filter((x) => x.severity !== "info");
    expect(f.map((x) => x.cell)).toEqual(["C5"]);
  });

  it("reads a 其中 row labelled only in the next label column (项目名称 beside a blank 乡镇名称) as a breakdown", () => {
    const rows = () => [
      ["资金安排表", null, null, "单位：万元"],
      ["序号", "乡镇名称", "项目名称", "金额"],
      [1, "西坪镇", "排洪排水工程", 20],
      [2, "魁斗镇", "河道护岸修复", 10],
      [null, null, "其中：人员类项目", 3],
      [null, null, "其中：运转类项目", 7],
      [3, "尚卿乡", "堤岸修复", 15],
      [null, "合计", null, 45],
    ];
    expect(check([gridSheet("表", rows())])).toEqual([]);
    const wrong = rows();
    wrong[7][3] = 46;
    expect(check([gridSheet("表", wrong)]).map((x) => `${x.cell} ${x.rule} ${x.severity}`)).toEqual(["D8 SUM-ROW error"]);
  });

  it("accepts blocks with 小计 rolled up into 合计 and 其中 rows left out", () => {
    expect(check([gridSheet("表", BLOCKS())])).toEqual([]);
  });

  it("reports a 小计 that no longer matches its block at the exact cell", () => {
    const rows = BLOCKS();
    rows[3][1] = 55;
    const f = check([gridSheet("表", rows)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "SUM-ROW", cell: "B6", severity: "error", related: ["B3", "B4"] });
    expect(f[0].message).toBe(
      "小计（预算数） 150.00 与本块各明细行之和 155.00 不一致，相差 −5.00（万元）；它与「合计（预算数）」的核对相符，差错应在本块各明细行中",
    );
  });

  it("adds 小计 rows into the 合计", () => {
    const rows = BLOCKS();
    rows[9][2] = 191;
    const f = check([gridSheet("表", rows)]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "SUM-ROW", cell: "C10", related: ["C6", "C9"] });
    expect(f[0].message).toContain("各小计之和 190.00");
  });

  it("reports a rounding gap as info: items 6519.91 under a 合计 of 6519.90", () => {
    const f = check([
      gridSheet("表", [
        ["项目", "金额"],
        ["一、甲", 6000],
        ["二、乙", 519.91],
        ["合计", 6519.9],
      ]),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "SUM-ROW", cell: "B4", severity: "info", expected: "6519.91", actual: "6519.90" });
    // A wider band from the user turns it into a plain pass; a narrower one keeps it info.
    expect(
      check(
        [
          gridSheet("表", [
            ["项目", "金额"],
            ["一、甲", 6000],
            ["二、乙", 519.91],
            ["合计", 6519.9],
          ]),
        ],
        "0.005",
      )[0].severity,
    ).toBe("error");
  });

  it("reads the unit for messages", () => {
    const f = check([gridSheet("表", [["单位：元"], ["项目", "金额"], ["一、甲", 1], ["合计", 2]])]);
    expect(f[0].message).toContain("（元）");
  });

  it("checks a code-keyed table's top 合计 against the 类 rows only", () => {
    const f = checkSeed("支出总表", { edits: { D6: 24491.91 } });
    expect(at(f, "D6")).toHaveLength(1);
    // The 类 rows, then the 合计 row's own parts (合计 = 基本支出 + 项目支出 …), which it breaks too.
    expect(at(f, "D6", "SUM-ROW")[0].related).toEqual(["D7", "D12", "D37", "E6", "F6", "G6", "H6", "I6"]);
    expect(f.filter((x) => x.severity !== "info")).toHaveLength(1);
  });
});

describe("三公 table (XT-SANGONG)", () => {
  it("relates 合计 and “三公”经费小计 to the 一、二、三 items", () => {
    // A wrong 小计: its items, then the 合计 and its row's parts, which it throws off too.
    const f = checkSeed("三公经费支出表", { edits: { C7: 37.97 } });
    expect(f.filter((x) => x.severity === "error").map((x) => `${x.rule}@${x.cell}`)).toEqual(["XT-SANGONG@C7"]);
    expect(at(f, "C7", "XT-SANGONG")[0].related).toEqual(["C11", "C14", "C6", "D7", "E7", "F7"]);
    expect(f.some((x) => x.rule === "SUM-ROW")).toBe(false);
  });

  it("finds a changed item of the 小计 at its cell: the 小计 is tied to the 合计 and the other items to their lists", () => {
    const f = checkSeed("三公经费支出表", { edits: { C14: 1.92, D14: 1.92 } });
    expect(f.filter((x) => x.severity === "error").map((x) => `${x.rule}@${x.cell}`)).toEqual([
      "XT-SANGONG@C14",
      "XT-SANGONG@D14",
    ]);
    expect(at(f, "C14")[0]).toMatchObject({ expected: "0.92", actual: "1.92", related: ["C7"] });
    // 合计 = 小计 still holds, so it stays quiet.
    expect(at(f, "C6")).toEqual([]);
  });

  it("checks 公务用车购置及运维费 = 购置费 + 运行维护费", () => {
    const f = checkSeed("三公经费支出表", { edits: { C11: 36.5, D11: 36.5 } });
    const hit = at(f, "C11", "XT-SANGONG");
    expect(hit).toHaveLength(1);
    expect(hit[0].message).toContain(
      "公务用车购置及运维费（资金性质/合计） 36.50 与公务用车购置费、公务用车运行维护费之和 36.05",
    );
    expect(hit[0].related.slice(0, 2)).toEqual(["C12", "C13"]);
    // A changed 运行维护费 (both columns) is found at its two cells.
    const g = checkSeed("三公经费支出表", { edits: { C13: 36.5, D13: 36.5 } });
    expect(g.filter((x) => x.severity === "error").map((x) => `${x.rule}@${x.cell}`)).toEqual([
      "XT-SANGONG@C13",
      "XT-SANGONG@D13",
    ]);
  });

  it("never adds the 其中 rows into the 小计", () => {
    const f = checkSeed("三公经费支出表", { edits: { C10: 5, D10: 5, C9: 5, D9: 5 } });
    expect(at(f, "C7")).toEqual([]);
    expect(at(f, "C8", "XT-SANGONG")).toHaveLength(1); // 因公出国 0 ≠ 5 + 5
  });

  // 杜集区's 决算表 with blank padding rows between 公务用车购置及运行维护费 and its 其中 rows.
  it("reads the 其中 rows of 公务用车 across blank padding rows", () => {
    const rows: Grid = [
      ["2021年度一般公共预算财政拨款“三公”经费支出决算表", null, null],
      ["单位:万元", null, null],
      ["项 目", "预 算 数", "决 算 数"],
      ["合 计", 49.9, 7.69],
      ["因公出国(境)费", 20, null],
      ["公务接待费", 14.9, 5.21],
      ["公务用车购置及运行维护费", 15, 2.48],
      [null, null, null],
      ["其中:公务用车运行维护费", 15, 2.48],
      [null, null, null],
      ["公务用车购置费", null, null],
    ];
    const name = "三公经费支出决算表";
    expect(serious(check([gridSheet(name, rows)]))).toEqual([]);
    const f = serious(check([gridSheet(name, edit(rows, 8, 1, 24))]));
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["XT-SANGONG@B9"]);
  });
});
