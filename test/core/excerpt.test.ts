import Decimal from "decimal.js";
import { excerpt, quoted, shownAmount, withColumn } from "../../src/core/excerpt";
import { SheetView, gridSheet } from "../../src/core/snapshot";
import { cellStyle, displayAmount } from "../../src/core/totals/display";
import { amountLine } from "../../src/ui/findings/describe";
import { makeFinding } from "../../src/core/finding";

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

  it("writes figures as the card line does: thousands separators, the table's decimals, a true minus", () => {
    expect(shownAmount(new Decimal("24490.91"))).toBe("24,490.91");
    expect(shownAmount(new Decimal("-1060.4"))).toBe("−1,060.40");
    expect(shownAmount(new Decimal("12"))).toBe("12.00");
    // A column formatted 0.00 or #,##0.000, and one in General: separators in every case.
    const view = new SheetView(gridSheet("表", [[{ v: 24490.91, fmt: "0.00" }, { v: 1234.5, fmt: "#,##0.000" }, 1234.5]]));
    expect(displayAmount(new Decimal("24490.91"), cellStyle(view, 0, 0))).toBe("24,490.91");
    expect(displayAmount(new Decimal("1234.5"), cellStyle(view, 0, 1))).toBe("1,234.500");
    expect(displayAmount(new Decimal("1234.5"), cellStyle(view, 0, 2))).toBe("1,234.50");
    // The sentence and the card's 应为/实际 line name a figure the same way.
    const f = makeFinding({ rule: "BAL-SPEND", sheet: "表", cell: "A1", message: "m", expected: "24490.91", actual: "24488.41" });
    expect(amountLine(f)).toContain(`应为 ${shownAmount(new Decimal("24490.91"))}`);
  });
});
