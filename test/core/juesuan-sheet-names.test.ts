import { classifySheet } from "../../src/core/classify";
import { SheetView, gridSheet } from "../../src/core/snapshot";

/** A sheet with no title inside: only its name can say which table it is. */
const named = (name: string) =>
  classifySheet(
    new SheetView(
      gridSheet(name, [
        ["项目", "金额"],
        ["合计", 1],
      ]),
    ),
  );

describe("sheet names of the 部门决算 software's exports (issue 21)", () => {
  it.each([
    ["Z01 收入支出决算总表(财决01表)", "收支总表"],
    ["Z01-1 财政拨款收入支出决算总表(财决01-1表)", "财政拨款收支总表"],
    ["Z02 收入决算表(财决02表)", "收入总表"],
    ["Z03 支出决算表（财决03表）", "支出总表"],
    ["Z05 一般公共预算财政拨款支出决算表(财决05表)", "一般公共预算财政拨款支出表"],
    // Excel cuts a sheet name at 31 characters: the name that is left still says the table.
    ["Z05-1 一般公共预算财政拨款基本支出决算表(财决05-1", "一般公共预算财政拨款基本支出表"],
    ["Z07 一般公共预算财政拨款“三公”经费支出决算表", "三公经费支出表"],
    ["财决01表", "收支总表"],
    ["Z01", "收支总表"],
    ["z03", "支出总表"],
    ["财决01-1表", "财政拨款收支总表"],
  ])("knows 「%s」 as %s", (name, table) => {
    expect(named(name).table).toBe(table);
  });

  it("takes no code whose table has moved between years' sets, and no code with text around it", () => {
    expect(named("Z05").table).toBeUndefined();
    expect(named("财决08表").table).toBeUndefined();
    expect(named("Z01备份").table).toBeUndefined();
  });

  it("reads a 收入支出决算总表 named by its code as a 收支总表 to check", () => {
    expect(named("Z01").kind).toBe("summary");
  });
});
