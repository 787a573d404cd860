import { packageYearOf } from "../../src/core/package-year";
import { gridSheet } from "../../src/core/snapshot";

describe("packageYearOf", () => {
  it("reads the year a title states, the latest one a sheet's first rows name", () => {
    const sangong = gridSheet("三公", [["2024年“三公”经费预算表"], ["单位：万元"], ["项目", "2023年预算数", "2024年预算数"]]);
    expect(packageYearOf([sangong])).toBe(2024);
    expect(packageYearOf([gridSheet("Z01", [["收入支出决算总表"], ["2023 年度", null, "金额单位：万元"]])])).toBe(2023);
  });

  it("takes the year most sheets carry, so one table copied from last year cannot decide", () => {
    const t = (year: number) => gridSheet(`表${year}`, [[`${year}年部门预算收支总表`]]);
    expect(packageYearOf([t(2023), t(2024), t(2024)])).toBe(2024);
    expect(packageYearOf([t(2025), t(2024)])).toBe(2025);
  });

  it("is null when no title states a year, and never reads an amount or a long text as one", () => {
    expect(packageYearOf([gridSheet("收支总表", [["部门收支总表"], ["项目", "预算数"], ["合计", 2024]])])).toBeNull();
    const story = "说明：" + "本部门2019年至2024年的工作情况如下，".repeat(3);
    expect(packageYearOf([gridSheet("说明", [[story]])])).toBeNull();
  });
});
