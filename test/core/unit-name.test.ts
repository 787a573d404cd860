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

  it("never reads a column header as the name: a header row whose columns are years (a real 三公 table)", () => {
    const rows = [
      ["“三公经费”财政拨款预算表"],
      [null, null, "单位：万元"],
      ["项目", "2010年预算数", "2011年预算数"],
      ["合计", 2711.65, 2687.06],
    ];
    expect(unitNameOf([gridSheet("三公", rows)])).toBeNull();
    rows[1][0] = "审计署";
    expect(unitNameOf([gridSheet("三公", rows)])).toBe("审计署");
  });

  it("never reads a heading beside year columns as the name (昌宁县卡斯镇 2024: 比上年增、减情况)", () => {
    const rows = [
      ["2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表"],
      ["单位:万元"],
      ["项目", "2023年预算数", "2024年预算数", "比上年增、减情况"],
      ["合计", 18.15, 22.15, 4],
    ];
    expect(unitNameOf([gridSheet("三公", rows)])).toBeNull();
    // A date or a bare year still marks the 部门预算 header row the name stands in.
    expect(unitNameOf([gridSheet("表", [["某某镇人民政府", "2024年1月5日"], ...rows.slice(2)])])).toBe("某某镇人民政府");
  });

  it("reads 部门：/编制部门： without the label, and never a stamp mark or a 填报人 (issue 19)", () => {
    const one = (rows: (string | null)[][]) => unitNameOf([gridSheet("表一", rows)]);
    expect(one([["部门预算收支总表"], ["部门：某某市财政局", null, "单位：万元"]])).toBe("某某市财政局");
    expect(one([["编制部门：某某区教育局", null, "单位：元"]])).toBe("某某区教育局");
    expect(one([["编制单位（盖章）：某某镇人民政府　　填报人：张三", null, "单位：元"]])).toBe("某某镇人民政府");
    expect(one([["编制单位：", "（盖章）", "某某县水利局", "单位：元"]])).toBe("某某县水利局");
    expect(one([["编制单位（盖章）", "填报人：李四", "单位：万元"]])).toBeNull();
    expect(one([["(盖章)", "填报人：", "单位：万元"]])).toBeNull();
  });

  it("reads an indicator form's 主管部门, not the 申请单位 or the contractor (issue 19)", () => {
    // As seed 012 lays it out: 主管部门 beside 实施单位 (盖章).
    const form = gridSheet("绩效自评", [
      ["部门预算项目支出绩效自评表"],
      ["项目名称", "工资性支出"],
      ["主管部门", "青神县发展和改革局本级", "实施单位 (盖章)", "青神县发展和改革局"],
    ]);
    expect(unitNameOf([form])).toBe("青神县发展和改革局本级");
    const applied = gridSheet("申报", [
      ["项目支出绩效目标申报表"],
      ["申请单位", "某某检测中心", "实施单位", "某某工程有限公司"],
      ["主管部门", "某某县生态环境局"],
    ]);
    expect(unitNameOf([applied])).toBe("某某县生态环境局");
    expect(unitNameOf([gridSheet("申报", [["申请单位", "某某检测中心", "实施单位", "某某工程有限公司"]])])).toBeNull();
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
