import { excerpt, quoted, withColumn } from "../../src/core/excerpt";

describe("what messages quote of a cell (issue 19)", () => {
  it("drops a stray space between Chinese characters, keeps the one between words", () => {
    expect(quoted("基层医务工作者 的稳定")).toBe("「基层医务工作者的稳定」");
    expect(excerpt(" 满意度　 ≥ 90% ")).toBe("满意度 ≥ 90%");
    expect(excerpt("GDP 增长")).toBe("GDP 增长");
    expect(excerpt("二、 事业收入")).toBe("二、事业收入");
  });

  it("names a figure with its column, never 合计（合计）", () => {
    expect(withColumn("本年支出合计", "预算数")).toBe("本年支出合计（预算数）");
    expect(withColumn("合计", "合计")).toBe("合计");
    expect(withColumn("合 计", "合计")).toBe("合 计");
    expect(withColumn("合计", "")).toBe("合计");
  });
});
