import { gridSheet } from "../../../src/core/snapshot";
import { at, check, checkSeed } from "./helpers";

describe("CODE-TREE", () => {
  it("reports a 款 that no longer equals its 项 rows", () => {
    // The 项 row stays consistent (合计 = 基本支出), so only its 款 is off.
    const f = checkSeed("支出总表", { edits: { D9: 392.68, E9: 392.68 } });
    expect(at(f, "E8", "CODE-TREE")).toHaveLength(1);
    const hit = at(f, "D8", "CODE-TREE");
    expect(hit).toHaveLength(1);
    expect(hit[0].message).toBe(
      "科目 20805 行政事业单位养老支出（合计） 1,060.41 与其下级科目之和 1,061.41 不一致，相差 −1.00（万元）；它与「科目 208 社会保障和就业支出（合计）」和「基本支出、项目支出、经营支出 等 5 列之和」的核对相符，差错应在其下级科目中",
    );
    expect(hit[0].related).toEqual(["D9", "D10", "D11"]);
    // The 类 and 合计 rows add the shown 款, so they stay quiet.
    expect(at(f, "D7")).toEqual([]);
    expect(at(f, "D6")).toEqual([]);
  });

  it("reports a 项 合计 typed wrong at that cell, not at the 款 it throws off", () => {
    const f = checkSeed("支出总表", { edits: { D9: 392.68 } });
    expect(at(f, "D9", "SUM-COL")).toHaveLength(1);
    expect(at(f, "D8")).toEqual([]);
  });

  it("reports a 类 that no longer equals its 款 rows, and not the 合计 that is off only because of it", () => {
    const f = checkSeed("一般公共预算财政拨款支出表", { edits: { D12: 23150.16 } });
    expect(at(f, "D12", "CODE-TREE")).toHaveLength(1);
    // 合计 = Σ类 and 合计 = 基本 + 项目 at the 类 row both point at the 类 cell: one finding.
    expect(at(f, "D6")).toEqual([]);
    expect(at(f, "D12")).toHaveLength(1);
  });

  it("checks the 经济分类 tree (3 and 5 digits)", () => {
    const f = checkSeed("一般公共预算财政拨款基本支出表", { edits: { F20: 47.2, D20: 47.2 } });
    expect(at(f, "F19", "CODE-TREE")).toHaveLength(1);
    expect(at(f, "D19", "CODE-TREE")).toHaveLength(1);
  });
});

describe("CODE-ORPHAN", () => {
  it("flags a code whose parent is not the open code above it", () => {
    const f = checkSeed("支出总表", { edits: { B10: "2090502" } });
    expect(at(f, "B10", "CODE-ORPHAN")).toHaveLength(1);
    expect(at(f, "B10", "CODE-ORPHAN")[0].message).toContain("上级科目 20905");
  });

  it("accepts a table that lists 项 codes only", () => {
    const rows = [
      ["科目编码", "科目名称", "金额"],
      ["2080501", "行政单位离退休", 1],
      ["2100101", "行政运行", 2],
      ["", "合计", 3],
    ];
    expect(check([gridSheet("表", rows)])).toEqual([]);
  });

  it("handles 2,000 code rows in one pass", () => {
    const rows: (string | number | null)[][] = [
      ["科目编码", "科目名称", "金额"],
      ["", "合计", 0],
    ];
    let total = 0;
    for (let k = 0; k < 100; k++) {
      const kuan = `2${String(k).padStart(2, "0")}01`;
      rows.push([kuan.slice(0, 3), `类${k}`, 190]);
      rows.push([kuan, `款${k}`, 190]);
      for (let x = 1; x <= 18; x++) rows.push([`${kuan}${String(x).padStart(2, "0")}`, `项${x}`, x === 1 ? 20 : 10]);
      total += 190;
    }
    rows[1][2] = total;
    rows[5][2] = 11; // one 项 of the first 款
    const f = check([gridSheet("表", rows)]);
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CODE-TREE@C4"]);
  });
});
