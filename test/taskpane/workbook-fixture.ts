import { LiteralCell, SheetSnapshot, gridSheet } from "../../src/core/snapshot";

const n = (v: number): LiteralCell => ({ v, fmt: "0.00" });

/**
 * A 收支总表 laid out as in seed 001 whose 本年支出合计 (D11) was typed as 1520.00 while its items
 * add up to 1500.00; 事业收入 is stored as text. Shared by the component and end-to-end tests.
 */
export function summaryWithWrongSpendTotal(): SheetSnapshot {
  return gridSheet("收支总表", [
    ["部门预算收支总表", null, null, null],
    ["编制单位：示例市卫生健康局", null, "单位：万元", null],
    ["收入", null, "支出", null],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", n(1200), "一、一般公共服务支出", n(100)],
    ["二、政府性基金预算拨款收入", null, "八、社会保障和就业支出", n(300)],
    ["三、事业收入", { v: "300.00", t: "300.00", fmt: "@" }, "十、卫生健康支出", n(1100)],
    ["四、事业单位经营收入", null, "十二、节能环保支出", null],
    ["五、其他收入", null, null, null],
    [null, null, null, null],
    ["本年收入合计", n(1500), "本年支出合计", n(1520)],
    ["上年结转结余", n(20), "年终结转结余", n(0)],
    ["收入总计", n(1520), "支出总计", n(1520)],
  ]);
}

/** A plain sheet the checker does not recognise, so a workbook check spans more than one sheet. */
export function notesSheet(): SheetSnapshot {
  return gridSheet("说明", [["本工作簿为示例。"]]);
}
