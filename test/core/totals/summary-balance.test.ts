import { gridSheet } from "../../../src/core/snapshot";
import { at, check, checkSeed, checkSeedWorkbook, seedRow } from "./helpers";

// 收支总表 rows: 32 本年收入合计 / 本年支出合计, 33 结转, 34 总计. Columns: C income, E spend.
const YEAR = seedRow(32);
const CARRY = seedRow(33);
const GRAND = seedRow(34);

describe("收支总表 identities", () => {
  it("a 小计 among one side's items adds its block, and 本年收入合计 counts the items once", () => {
    const rows = () => [
      ["收支总表", null, null, "单位：万元"],
      ["收入", null, "支出", null],
      ["项目", "预算数", "项目", "预算数"],
      ["一、一般公共预算拨款收入", 100, "一、教育支出", 120],
      ["二、政府性基金预算拨款收入", 20, "二、卫生健康支出", 50],
      ["小计", 120, null, null],
      ["三、单位资金", 50, null, null],
      ["本年收入合计", 170, "本年支出合计", 170],
    ];
    expect(check([gridSheet("收支总表", rows())])).toEqual([]);
    const wrong = rows();
    wrong[5][1] = 125;
    const f = check([gridSheet("收支总表", wrong)]);
    expect(f.filter((x) => x.severity !== "info").map((x) => `${x.cell} ${x.rule}`)).toEqual(["B6 SUM-ROW"]);
  });

  it("BAL-SPEND: a changed expenditure item is reported on 本年支出合计 with the exact message", () => {
    const f = checkSeed("收支总表", { edits: { [`E${seedRow(8)}`]: 1062.91 } });
    const hit = at(f, `E${YEAR}`, "BAL-SPEND");
    expect(hit).toHaveLength(1);
    expect(hit[0].severity).toBe("error");
    expect(hit[0].message).toBe(
      "本年支出合计 24,490.91 与各项支出之和 24,493.41 不一致，相差 −2.50（万元）；它与「支出总计」的核对相符，差错应在各项支出中",
    );
    expect(hit[0].related).toEqual([`E${seedRow(8)}`, `E${seedRow(10)}`, `E${seedRow(20)}`]);
    expect(hit[0]).toMatchObject({ expected: "24493.41", actual: "24490.91", difference: "-2.50" });
    // One problem, one finding: the balance and totals rows still agree with what they show.
    expect(f.filter((x) => x.severity === "error")).toHaveLength(1);
  });

  it("BAL-INCOME: a changed income item is reported on 本年收入合计", () => {
    const f = checkSeed("收支总表", { edits: { [`C${seedRow(2)}`]: 10 } });
    expect(at(f, `C${YEAR}`, "BAL-INCOME")).toHaveLength(1);
    expect(f.filter((x) => x.severity === "error")).toHaveLength(1);
  });

  it("BAL-INCOME-TOTAL and BAL-SPEND-TOTAL include the carry-over rows", () => {
    const ok = checkSeed("收支总表", {
      edits: { [`C${CARRY}`]: 100, [`C${GRAND}`]: 24590.91, [`E${CARRY}`]: 100, [`E${GRAND}`]: 24590.91 },
    });
    expect(ok).toEqual([]);
    const bad = checkSeed("收支总表", { edits: { [`C${CARRY}`]: 100, [`E${CARRY}`]: 100, [`E${GRAND}`]: 24590.91 } });
    const income = at(bad, `C${GRAND}`, "BAL-INCOME-TOTAL");
    expect(income).toHaveLength(1);
    expect(income[0].message).toContain("本年收入合计、上年结转结余之和 24,590.91");
    // Its terms, then the 支出总计 it no longer balances with.
    expect(income[0].related).toEqual([`C${YEAR}`, `C${CARRY}`, `E${GRAND}`]);
    // A figure typed into 年终结转结余: 支出总计 is tied to 收入总计, so the carry-over itself is named.
    const spend = checkSeed("收支总表", { edits: { [`E${CARRY}`]: 5 } });
    expect(at(spend, `E${CARRY}`, "BAL-SPEND-TOTAL")).toHaveLength(1);
    expect(at(spend, `E${CARRY}`)[0]).toMatchObject({ expected: "0.00", actual: "5.00", related: [`E${GRAND}`] });
  });

  it("BAL-BALANCE: both sides consistent but different totals", () => {
    const f = checkSeed("收支总表", { edits: { [`E${CARRY}`]: 3, [`E${GRAND}`]: 24493.91 } });
    const hit = at(f, `E${GRAND}`, "BAL-BALANCE");
    expect(hit).toHaveLength(1);
    expect(hit[0].message).toBe("支出总计 24,493.91 与收入总计 24,490.91 不一致，相差 +3.00（万元）");
    expect(hit[0].related).toEqual([`C${GRAND}`]);
  });

  it("a gap within the band is info (rounding), not an error", () => {
    const f = checkSeed("收支总表", { edits: { [`E${YEAR}`]: 24490.9, [`E${GRAND}`]: 24490.9 } });
    const hit = at(f, `E${YEAR}`, "BAL-SPEND");
    expect(hit).toHaveLength(1);
    expect(hit[0].severity).toBe("info");
    expect(hit[0].message).toContain("相差 −0.01（万元）");
    // The rounded 支出总计 then differs from 收入总计 by the same cent: info as well.
    expect(f.every((x) => x.severity === "info")).toBe(true);
  });

  it("anchors findings on the row label so ids survive inserted rows", () => {
    const edits = { [`E${seedRow(8)}`]: 1062.91 };
    const before = at(checkSeed("收支总表", { edits }), `E${YEAR}`, "BAL-SPEND")[0];
    const after = checkSeed("收支总表", { edits, insert: { before: 6, rows: [["x", null, null, "（补）", null]] } }).find(
      (x) => x.rule === "BAL-SPEND",
    )!;
    expect(after.cell).toBe(`E${YEAR + 1}`);
    expect(after.id).toBe(before.id);
  });

  it("works with text amounts as well", () => {
    const f = checkSeed("收支总表", { mode: "text", edits: { [`E${seedRow(8)}`]: "1062.91" } });
    expect(at(f, `E${YEAR}`, "BAL-SPEND")).toHaveLength(1);
  });
});

describe("财政拨款收支总表", () => {
  it("does not add the 年初结转 breakdown rows twice", () => {
    // 年初财政拨款结转和结余 10, with its breakdown 一、一般公共预算拨款 10 below it.
    const f = checkSeed("财政拨款收支总表", {
      edits: {
        [`C${seedRow(33)}`]: 10,
        [`C${seedRow(34)}`]: 10,
        [`C${seedRow(37)}`]: 24500.91,
        [`E${seedRow(37)}`]: 24500.91,
        [`F${seedRow(37)}`]: 24500.91,
        [`E${seedRow(33)}`]: 10,
        [`F${seedRow(33)}`]: 10,
      },
    });
    expect(f).toEqual([]);
  });

  it("checks BAL-SPEND in every spend column and SUM-COL across them", () => {
    // 合计 changed with its row total: the row is consistent, the column is not.
    const f = checkSeed("财政拨款收支总表", { edits: { [`F${seedRow(10)}`]: 23150.16, [`E${seedRow(10)}`]: 23150.16 } });
    expect(at(f, `F${seedRow(32)}`, "BAL-SPEND")).toHaveLength(1);
    expect(at(f, `E${seedRow(32)}`, "BAL-SPEND")).toHaveLength(1);
    // One cell that breaks its row (SUM-COL) and its column (BAL-SPEND) alike is reported once, there.
    const g = checkSeed("财政拨款收支总表", { edits: { [`F${seedRow(10)}`]: 23150.16 } });
    expect(g.filter((x) => x.severity === "error").map((x) => `${x.rule}@${x.cell}`)).toEqual([`SUM-CROSS@F${seedRow(10)}`]);
  });

  it("cross-checks hold on the whole seed workbook after a consistent change is absent", () => {
    expect(checkSeedWorkbook("财政拨款收支总表").filter((x) => x.severity !== "info")).toEqual([]);
  });
});

describe("收支总表 variants", () => {
  const variant = () => [
    ["部门收支总表"],
    [null, null, null, "单位：万元"],
    ["收入", null, "支出", null],
    ["项  目", "预算数", "项  目", "预算数"],
    ["一、一般公共预算拨款收入", 100, "一、一般公共服务支出", 60],
    ["    其中：专项", 30, "二、教育支出", 70],
    ["二、事业收入", 20, null, null],
    ["本年收入合计", 120, "本年支出合计", 130],
    ["用事业基金弥补收支差额", 5, "结余分配", 1],
    ["上年结转", 10, "结转下年", 4],
    ["收入总计", 135, "支出总计", 135],
  ];

  it("reads a form without 序号 or 栏次 and without merges, with the extra adjustment rows", () => {
    expect(check([gridSheet("部门收支总表", variant())])).toEqual([]);
  });

  it("counts each adjustment row in the grand total", () => {
    const rows = variant();
    rows[8][3] = 2;
    const f = check([gridSheet("部门收支总表", rows)]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["BAL-SPEND-TOTAL@D11"]);
    expect(f[0].message).toBe(
      "支出总计 135.00 与本年支出合计、结余分配、结转下年之和 136.00 不一致，相差 −1.00（万元）；它与「收入总计」的核对相符，差错应在本年支出合计、结余分配、结转下年中",
    );
  });

  it("a wrong year total alone gives one finding: the correct grand total is judged against the items", () => {
    const rows = variant();
    rows[7][3] = 128; // 本年支出合计 typed wrong; 支出总计 135 = 130 + 1 + 4 is right
    const f = check([gridSheet("部门收支总表", rows)]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["BAL-SPEND@D8"]);
  });

  it("still reports a grand total that agrees neither with the items nor with the wrong year total", () => {
    const rows = variant();
    rows[7][3] = 128;
    rows[10][3] = 140;
    const f = check([gridSheet("部门收支总表", rows)]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["BAL-SPEND@D8", "BAL-SPEND-TOTAL@D11"]);
    // Both wrong figures are located: 本年支出合计 should be 130, and with it 支出总计 135.
    expect(f[0].expected).toBe("130.00");
    expect(f[1].message).toBe(
      "支出总计 140.00 有误：按「本年支出合计、结余分配、结转下年之和」和「收入总计」推算应为 135.00，相差 +5.00（万元）",
    );
    expect(f[1].related).toEqual(["D8", "D9", "D10", "B11"]);
  });

  it("does the same on the income side", () => {
    const rows = variant();
    rows[7][1] = 119;
    expect(check([gridSheet("部门收支总表", rows)]).map((x) => `${x.rule}@${x.cell}`)).toEqual(["BAL-INCOME@B8"]);
  });

  it("says so when a sheet named 收支总表 has no recognisable layout", () => {
    const f = check([gridSheet("收支总表", [["收支情况"], ["单位：万元"], ["甲", 1], ["乙", 2]])]);
    expect(f.map((x) => x.rule)).toEqual(["LAYOUT-UNKNOWN"]);
  });
});
