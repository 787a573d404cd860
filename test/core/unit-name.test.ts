import { gridSheet } from "../../src/core/snapshot";
import { unitNameOf } from "../../src/core/unit-name";

const table = (title: string, header: (string | null)[]) =>
  gridSheet(title, [[title], header, ["项目", "预算数"], ["一、一般公共预算拨款收入", 10]]);

describe("unitNameOf", () => {
  it("reads the name beside the year and the unit of amounts, without the unit code", () => {
    const s = table("收支总表", ["208某某市某区文化旅游局", null, "预算年度：2026", "单位：万元"]);
    expect(unitNameOf([s])).toBe("某某市某区文化旅游局");
  });

  it("reads a labelled name, inline or in the next cell", () => {
    expect(
      unitNameOf([
        gridSheet("绩效", [["绩效目标申报表"], ["部门（单位）名称", "某某县农业农村局（本级）", "主管部门", "某某县人民政府"]]),
      ]),
    ).toBe("某某县农业农村局（本级）");
    expect(unitNameOf([gridSheet("表一", [["编制单位：某某镇人民政府", null, "单位：元"]])])).toBe("某某镇人民政府");
  });

  it("takes the name most sheets agree on", () => {
    const sheets = [
      table("收入总表", ["某某街道办事处", "预算年度：2026", "单位：万元"]),
      table("支出总表", ["某某社区卫生服务中心", "预算年度：2026", "单位：万元"]),
      table("基本支出表", ["某某社区卫生服务中心", "预算年度：2026", "单位：万元"]),
    ];
    expect(unitNameOf(sheets)).toBe("某某社区卫生服务中心");
  });

  it("is null when no header names a unit: a title, a bare unit or a year is not a name", () => {
    expect(unitNameOf([table("收支总表", ["单位：万元"])])).toBeNull();
    expect(unitNameOf([gridSheet("说明", [["部门预算收支总表", null, "2026年"], ["单位：万元"]])])).toBeNull();
    expect(unitNameOf([gridSheet("空", [])])).toBeNull();
    expect(unitNameOf([gridSheet("编号", [["单位名称", "12345"], ["单位：元"]])])).toBeNull();
  });
});
