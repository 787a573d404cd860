import { withLastYear } from "../../../src/core/compare";
import { LiteralCell, SheetSnapshot, gridSheet } from "../../../src/core/snapshot";

/** A 三公 table of one 预算数 column: rows 4 合计, 5 出国, 6 接待, 7 公务用车. */
function sangong(year: number, figures: number[]): SheetSnapshot {
  const labels = ["合计", "1.因公出国（境）费", "2.公务接待费", "3.公务用车购置及运行费"];
  return gridSheet("三公经费支出表", [
    [`${year}年“三公”经费预算表`],
    ["单位：万元"],
    ["项目", "预算数"],
    ...labels.map((l, i) => [l, figures[i]] as LiteralCell[]),
  ]);
}

const LAST = [sangong(2023, [60, 5, 40, 15])];
// 接待 40 → 55: +15, 37.5%, a YOY-CHANGE unless the 说明 explains it.
const NOW = [sangong(2024, [75, 5, 55, 15])];
const EXPLAINS = "2024年公务接待费预算55万元，比上年增加15万元，主要原因是承办全省现场会，接待任务增加。";
/** Names the change but gives no reason: the reader does not take it as explained. */
const RESTATES = "2024年公务接待费预算55万元，比上年增加15万元。";

const changes = (thisYear: SheetSnapshot[], narrative?: string) =>
  withLastYear({ sheets: [], findings: [] }, thisYear, LAST, {
    lastFile: "2023.xlsx",
    ...(narrative ? { narrative: { name: "说明.txt", text: narrative } } : {}),
  })
    .findings.filter((f) => f.rule === "YOY-CHANGE")
    .map((f) => f.cell);

describe("the 说明 against YOY-CHANGE (issue 21)", () => {
  it("reports the large change when no 说明 is given", () => {
    expect(changes(NOW)).toEqual(["B6"]);
  });

  it("drops it when the given 说明 explains it, with a reason", () => {
    expect(changes(NOW, EXPLAINS)).toEqual([]);
  });

  it("keeps it when the 说明 only restates the figures", () => {
    expect(changes(NOW, RESTATES)).toEqual(["B6"]);
  });

  it("keeps it when the 说明 gives another figure", () => {
    expect(changes(NOW, EXPLAINS.replace("增加15万元", "增加12万元"))).toEqual(["B6"]);
  });

  it("reads a 说明 sheet of this year's workbook too", () => {
    const sheet = gridSheet("情况说明", [
      ["部门预算情况说明"],
      [EXPLAINS],
      ["其他重要事项：无。本部门严格执行厉行节约的各项规定，压减一般性支出。"],
    ]);
    expect(changes([...NOW, sheet])).toEqual([]);
    const restating = gridSheet("情况说明", [
      ["部门预算情况说明"],
      [RESTATES],
      ["其他重要事项：无。本部门严格执行厉行节约的各项规定，压减一般性支出。"],
    ]);
    expect(changes([...NOW, restating])).toEqual(["B6"]);
  });
});
