import { checkWorkbook } from "../../src/core/check";
import { gridSheet } from "../../src/core/snapshot";

const summaryRows = (unitRow: (string | null)[]) => [
  ["部门预算收支总表"],
  unitRow,
  ["项目", "预算数", "项目", "预算数"],
  ["一、一般公共预算拨款收入", 100, "十、卫生健康支出", 100],
  ["本年收入合计", 100, "本年支出合计", 100],
  ["收入总计", 100, "支出总计", 100],
];

describe("checkWorkbook", () => {
  it("notes a summary table that states no unit (UNIT-MISSING)", () => {
    const { findings } = checkWorkbook([gridSheet("收支总表", summaryRows(["某单位"]))]);
    expect(findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([["UNIT-MISSING", "A1", "info"]]);
  });

  it("is silent about the unit when the header states it", () => {
    const { findings } = checkWorkbook([gridSheet("收支总表", summaryRows(["某单位", null, null, "单位：万元"]))]);
    expect(findings).toEqual([]);
  });

  it("reports each sheet's stated unit, and none where the sheet states none", () => {
    const { sheets } = checkWorkbook([
      gridSheet("收支总表", summaryRows(["某单位", null, null, "单位：元"])),
      gridSheet("无单位", summaryRows(["某单位"])),
    ]);
    expect(sheets.map((s) => [s.name, s.unit])).toEqual([
      ["收支总表", "元"],
      ["无单位", undefined],
    ]);
  });

  it("reports progress per sheet and classifies each sheet", () => {
    const seen: string[] = [];
    const { sheets } = checkWorkbook([gridSheet("收支总表", summaryRows(["单位：万元"])), gridSheet("说明", [["本表为说明"]])], {
      onProgress: (done, total, sheet) => seen.push(`${done}/${total} ${sheet}`),
    });
    expect(seen).toEqual(["1/2 收支总表", "2/2 说明"]);
    expect(sheets.map((s) => s.kind)).toEqual(["summary", "other"]);
  });

  it("rejects a tolerance that is not a non-negative number", () => {
    expect(() => checkWorkbook([], { tolerance: "-1" })).toThrow(RangeError);
    expect(() => checkWorkbook([], { tolerance: "abc" })).toThrow(RangeError);
  });

  it("turns a sheet the rules cannot parse into a LAYOUT-UNKNOWN finding instead of a crash", () => {
    const broken = gridSheet("收支总表", summaryRows(["单位：万元"]));
    // A snapshot with a ragged, partly missing row must not throw out of the engine.
    (broken.values as unknown[])[3] = undefined as unknown as [];
    const { findings } = checkWorkbook([broken]);
    expect(findings.map((f) => [f.rule, f.sheet])).toEqual([["LAYOUT-UNKNOWN", "收支总表"]]);
  });

  it("notes a sheet with no checkable table, and not a generic table with a 合计", () => {
    const text = gridSheet("说明", [["一、部门职责"], ["本部门负责全市卫生健康工作的统筹协调，以及基层医疗机构的业务指导。"]]);
    const table = gridSheet("明细", [["单位：万元"], ["项目", "金额"], ["甲", 1], ["乙", 2], ["合计", 3]]);
    const { sheets, findings } = checkWorkbook([text, table]);
    expect(sheets.map((s) => [s.name, s.kind, s.note])).toEqual([
      ["说明", "other", "未识别出可检查的表格，未检查"],
      ["明细", "other", undefined],
    ]);
    expect(findings).toEqual([]);
  });
});
