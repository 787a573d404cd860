import { SheetView, gridSheet } from "../../../src/core/snapshot";
import { hasCheckableTable } from "../../../src/core/totals";
import { LiteralCell } from "../../../src/core/snapshot";
import { Grid, check, edit, serious } from "./helpers";

// Issue 16, principle 1: the labels propose readings, the figures choose. Each case has a clean
// table that must stay quiet and a changed figure that must be found, where the figures can tell.

const brief = (rows: Grid, name = "表", merges: { top: number; left: number; bottom: number; right: number }[] = []) =>
  serious(check([gridSheet(name, rows, { merges })])).map((f) => `${f.rule}@${f.cell}`);

describe("numbered sub-items (the outline)", () => {
  const income: Grid = [
    ["收入预算表"],
    ["单位：万元"],
    ["项目", "预算数"],
    ["一般公共预算收入", 150],
    ["税收收入占总收入的比例%", 60.5],
    ["一、地方收入", 120],
    ["（一）税收收入", 100],
    ["1、增值税(25%部分)", 60],
    ["2、企业所得税", 40],
    ["（二）非税收入", 20],
    ["二、上划收入", 30],
    ["1、增值税(50%部分)", 30],
  ];

  it("reads 一、 over （一） over 1、, an unnumbered item over 一、 二、, and passes over a rate row", () => {
    expect(brief(income)).toEqual([]);
  });

  it("finds a sub-item that no longer adds up to its item", () => {
    expect(brief(edit(income, 7, 1, 65))).toEqual(["SUM-ROW@B7"]);
  });

  it("says nothing on numbered lists that the figures show to be partial", () => {
    const partial: Grid = [
      ["项目", "金额"],
      ["（一）基本支出", 100],
      ["1、工资", 10],
      ["2、津贴", 20],
      ["（二）项目支出", 90],
      ["1、维修", 5],
      ["2、培训", 7],
      ["（三）其他", 50],
      ["1、会议", 3],
    ];
    expect(brief(partial)).toEqual([]);
  });
});

describe("其中 lists", () => {
  // 三公 laid out as in a 徐闻 form: every item after 其中, (二) left blank over its own 1. and 2.
  const sangong: Grid = [
    ["“三公”经费预算表"],
    ["单位：万元"],
    ["项目", "2017年预算"],
    ["“三公”经费", 5.6],
    ["其中：（一）因公出国（境）支出", null],
    ["（二）公务用车购置及运行维护支出", 3.6],
    ["1.公务用车购置", null],
    ["2.公务用车运行维护费", 3.6],
    ["（三）公务接待费支出", 2],
  ];

  it("reads a complete 其中 list whose parts carry their own numbered sub-items", () => {
    expect(brief(sangong)).toEqual([]);
  });

  it("names a blank subtotal that breaks both its list and its own sub-items", () => {
    // A 三公 table's sums are XT-SANGONG (docs/domain.md §5).
    expect(brief(edit(sangong, 5, 1, null))).toEqual(["XT-SANGONG@B6"]);
  });

  it("does not add a partial 其中 list", () => {
    const partial: Grid = [
      ["项目", "金额"],
      ["一、事业收入", 100],
      ["其中：专项", 30],
      ["其他", 20],
      ["二、经营收入", 40],
    ];
    expect(brief(partial)).toEqual([]);
  });
});

describe("其中 rows that break down some columns only", () => {
  // The 其中 rows break down the counts and leave the 总人数 beside them blank: they say nothing
  // about the 总人数, which its parts already settle on the item's row.
  const pupils: Grid = [
    ["学生人数表"],
    ["乡镇", "总人数", "小学走读", "小学寄宿", "初中走读", "初中寄宿"],
    ["甲镇", 991, 542, 6, 172, 271],
    ["乙镇", 381, 141, 85, 8, 147],
    ["其中：城区", null, 100, 60, 5, 100],
    ["其中：乡村", null, 41, 25, 3, 47],
    ["丙镇", 418, 163, 58, 15, 182],
    ["合计", 1790, 846, 149, 195, 600],
  ];

  it("stays quiet on the column they leave blank", () => {
    expect(brief(pupils)).toEqual([]);
  });

  it("still checks the columns they fill", () => {
    // Either 其中 row would do: the item is named, its sums across and down clearing it.
    const f = serious(check([gridSheet("表", edit(pupils, 5, 2, 45))]));
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["SUM-ROW@C4"]);
    expect(f[0].message).toContain("差错应在其中各项中");
  });
});

describe("a subtotal no label names", () => {
  const rows: Grid = [
    ["收入表"],
    ["单位：万元"],
    ["项目", "预算数"],
    ["一、税收收入", 300],
    ["二、非税收入", 100],
    ["本级收入合计", 400],
    ["上级补助收入", 70],
    ["返还性收入", 50],
    ["转移支付收入", 20],
    ["上年结转", 30],
    ["收入总计", 500],
  ];

  it("takes 上级补助收入 as the subtotal of the two rows below it, since that makes 收入总计 hold", () => {
    expect(brief(rows)).toEqual([]);
  });

  it("still finds a wrong 收入总计", () => {
    expect(brief(edit(rows, 10, 1, 510))).toEqual(["SUM-ROW@B11"]);
  });
});

describe("a 合计 heading 小计 rows that follow their items", () => {
  const rows: Grid = [
    ["项目", "金额"],
    ["合计", 60],
    ["一、办公费", 10],
    ["二、印刷费", 20],
    ["小计", 30],
    ["三、差旅费", 30],
  ];

  it("reads 合计 = 小计 + 三、 and 小计 = 一、 + 二、", () => {
    expect(brief(rows)).toEqual([]);
  });

  it("finds a wrong 小计", () => {
    expect(brief(edit(rows, 4, 1, 35))).toEqual(["SUM-ROW@B5"]);
  });
});

describe("本年 = 上年 + 增减", () => {
  const rows: Grid = [
    ["“三公”经费预算表"],
    ["单位：万元"],
    ["项目", "2022年预算数", "2023年预算数", "增减"],
    ["合计", 30, 36, 6],
    ["1、因公出国（境）费", 5, 5, 0],
    ["2、公务接待费", 10, 9, -1],
    ["3、公务用车购置及运行费", 15, 22, 7],
  ];

  it("holds on a clean table", () => {
    expect(brief(rows)).toEqual([]);
  });

  it("finds a changed item at its cell: its column sum and its row's change both point at it", () => {
    expect(brief(edit(rows, 5, 2, 12))).toEqual(["SUM-COL@C6"]);
  });
});

describe("layouts", () => {
  it("reads names and figures printed twice side by side as two panels", () => {
    const rows: Grid = [
      ["收支执行表"],
      ["单位：亿元"],
      [null, "执行数", null, "执行数"],
      ["收入总计", 10, "支出总计", 10],
      ["一、本级收入", 4, "一、本级支出", 7],
      ["二、转移性收入", 6, "二、转移性支出", 3],
    ];
    expect(brief(rows)).toEqual([]);
    expect(brief(edit(rows, 4, 3, 8))).toEqual(["SUM-ROW@D4"]);
  });

  it("reads a 合计 written across the 序号 … 名称 columns", () => {
    const rows: Grid = [
      ["资金安排表"],
      ["单位：万元"],
      ["序号", "乡镇", "项目名称", "金额"],
      [1, "甲镇", "排洪工程", 20],
      [2, "乙乡", "水圳修复", 15],
      ["合计", null, null, 35],
    ];
    const merges = [{ top: 5, left: 0, bottom: 5, right: 2 }];
    expect(brief(rows, "表", merges)).toEqual([]);
    expect(brief(edit(rows, 4, 3, 16), "表", merges)).toEqual(["SUM-ROW@D6"]);
  });

  it("reads a table headed only by group names over one row of figures", () => {
    const rows: Grid = [
      ["“三公”经费支出预算表"],
      ["单位：万元"],
      ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", null, null, "公务接待费"],
      [null, null, "小计", "公务用车购置费", "公务用车运行费", null],
      [79, 0, 75, 50, 25, 4],
    ];
    const merges = [{ top: 2, left: 2, bottom: 2, right: 4 }];
    expect(brief(rows, "表", merges)).toEqual([]);
    expect(brief(edit(rows, 4, 3, 51), "表", merges)).toEqual(["XT-SANGONG@C5"]);
    // Blank padding rows between the header and the figures change nothing.
    const padded = [...rows.slice(0, 4), [null], [null], rows[4]];
    expect(brief(padded, "表", merges)).toEqual([]);
    expect(brief(edit(padded, 6, 3, 51), "表", merges)).toEqual(["XT-SANGONG@C7"]);
  });
  // 商丘's 分配情况表: no header word from the usual list, one amount column, 合计 at the foot.
  describe("a list under headers in words of its own, with a 合计 row", () => {
    const rows: Grid = [
      ["2019年市级财政扶贫资金分配情况表"],
      ["县区名称", "市级资金(万元)", "备注"],
      ["梁园区", 280, null],
      ["睢阳区", 280, null],
      ["示范区", 75, null],
      ["虞城县", 800, null],
      ["民权县", 815, null],
      ["睢 县", 732, null],
      ["宁陵县", 545, null],
      ["柘城县", 753, null],
      ["夏邑县", 720, null],
      ["合计", 5000, null],
    ];
    const padded = (at: number[]): Grid => {
      const out = rows.map((r) => r.slice());
      for (const r of [...at].sort((a, b) => b - a)) out.splice(r, 0, [null, null, null]);
      return out;
    };

    it.each([
      ["as it is", []],
      ["with blank rows among the figures", [4, 8, 10]],
      ["with a blank row between the header and the figures", [2]],
      ["with blank rows in both places", [2, 2, 7]],
    ])("is read %s, and a changed figure is found at its cell", (_name, at) => {
      const grid = padded(at);
      expect(brief(grid)).toEqual([]);
      const row = grid.findIndex((r) => r[0] === "睢 县");
      expect(brief(edit(grid, row, 1, 731.92))).toEqual([`SUM-ROW@B${row + 1}`]);
    });

    it("is read with the 合计 on top under a blank row", () => {
      const grid: Grid = [rows[0], rows[1], [null, null, null], rows[11], ...rows.slice(2, 11)];
      expect(brief(grid)).toEqual([]);
      expect(brief(edit(grid, 9, 1, 731.92))).toEqual(["SUM-ROW@B10"]);
    });

    it("ends at a notes row or the next table's title: a 合计 below them is no total of the list", () => {
      const list = rows.slice(0, 10);
      const below: Grid = [
        ["甲", 1, null],
        ["合计", 1, null],
      ];
      const read = (grid: Grid) => hasCheckableTable(new SheetView(gridSheet("表", grid)));
      expect(read([...list, [null, null, null], ...below])).toBe(true);
      expect(read([...list, [null, null, null], ["注：下表为上年数", null, null], ...below])).toBe(false);
      expect(read([...list, [null, null, null], ["2018年市级财政扶贫资金分配情况表"], ...below])).toBe(false);
    });
  });
});

describe("what is not an amount", () => {
  it("reads / 无 and 不需填列 as empty cells", () => {
    const rows: Grid = [
      ["项目", "金额"],
      ["一、甲", 5],
      ["二、乙", "/"],
      ["三、丙", "无"],
      ["四、丁", "不需填列"],
      ["合计", 5],
    ];
    expect(check([gridSheet("表", rows)])).toEqual([]);
  });

  // 北塔区's 安排表: “10(其中,灾情因素6万元)” in an amount cell. The cell is reported, and its sums
  // are checked with the figure that leads the note, since that is what the 小计 counted.
  describe("a figure followed by a bracketed note", () => {
    const rows: Grid = [
      ["资金安排表"],
      ["单位：万元"],
      ["序号", "村名", "项目名称", "资金金额"],
      [1, "甲村", "水果基地", 20],
      [2, "乙村", "蔬菜基地", "10(其中,灾情因素6万元)"],
      [3, "丙村", "灌溉设施", 16],
      ["小计", null, null, 46],
      [4, "小额信贷贴息", null, 12],
      ["合计", null, null, 58],
    ];
    const merges = [6, 8].map((r) => ({ top: r, left: 0, bottom: r, right: 2 }));

    it("reports the cell, counts its figure in the sums, and says so", () => {
      const f = check([gridSheet("表", rows, { merges })]);
      expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CELL-NOT-NUMBER@D5"]);
      expect(f[0].message).toContain("按开头的 10.00 核对相关合计");
    });

    it("still finds a wrong 小计 over it", () => {
      expect(brief(edit(rows, 6, 3, 47), "表", merges)).toEqual(["CELL-NOT-NUMBER@D5", "SUM-ROW@D7"]);
    });

    it("reads the same with the total on top, full-width brackets and no 小计", () => {
      const top: Grid = [
        ["项目", "金额", "备注"],
        ["合计", 1046, null],
        ["一、维修", "1,000（含上年结转）", null],
        ["二、培训", 30, null],
        ["三、会议", 16, null],
      ];
      expect(brief(top)).toEqual(["CELL-NOT-NUMBER@B3"]);
      expect(brief(edit(top, 1, 1, 1047))).toEqual(["SUM-ROW@B2", "CELL-NOT-NUMBER@B3"]);
    });

    it("leaves a text with no leading figure out of the sums, as before", () => {
      const f = check([gridSheet("表", edit(rows, 4, 3, "约10万(待定)"), { merges })]);
      expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CELL-NOT-NUMBER@D5"]);
      expect(f[0].message).toContain("相关合计无法核对");
    });
  });

  it("takes a remark merged across an amount column and the ones beside it for a note", () => {
    const rows: Grid = [
      ["项目", "本年", "上年", "增减额", "备注"],
      ["一、甲", 5, 4, 1, null],
      ["二、乙", 5, 5, "本年为预计数", null],
      ["合计", 10, 9, 1, null],
    ];
    expect(brief(rows, "表", [{ top: 2, left: 3, bottom: 2, right: 4 }])).toEqual([]);
  });
});

// 金寨县's 学生资助 table: a 总人数 column of whole numbers (991, 381 … 11055) that the reader takes for
// codes, beside pupil counts under 小学 / 初中. The code tree fails on every row; read as figures,
// the 小计 and 合计 rows hold down every column and 总人数 holds across: the figures choose.
describe("a column of figures the reader took for codes", () => {
  const header: Grid = [
    ["学生资助汇总表"],
    ["序号", "乡镇名称", "总人数", "小学", null, "初中", null, "合计"],
    [null, null, null, "走读生", "寄宿生", "走读生", "寄宿生", "补助资金合计"],
  ];
  // 补助资金 = pupils × 250, 500, 312.5 and 625 元: no sum of the counts beside it.
  const row = (a: LiteralCell, b: LiteralCell, n: number[]): LiteralCell[] => [
    a,
    b,
    n[0] + n[1] + n[2] + n[3],
    ...n,
    250 * n[0] + 500 * n[1] + 312.5 * n[2] + 625 * n[3],
  ];
  const body: Grid = [
    row(1, "甲镇", [542, 6, 172, 271]),
    row(2, "乙镇", [141, 85, 8, 147]),
    row(3, "丙镇", [163, 58, 15, 182]),
    row("小计", null, [846, 149, 195, 600]),
    row(4, "外县", [110, 29, 32, 76]),
    row("合计", null, [956, 178, 227, 676]),
  ];
  const rows = [...header, ...body];
  const merges = [
    { top: 1, left: 0, bottom: 2, right: 0 },
    { top: 1, left: 1, bottom: 2, right: 1 },
    { top: 1, left: 2, bottom: 2, right: 2 },
    { top: 1, left: 3, bottom: 1, right: 4 },
    { top: 1, left: 5, bottom: 1, right: 6 },
    { top: 6, left: 0, bottom: 6, right: 1 },
    { top: 8, left: 0, bottom: 8, right: 1 },
  ];
  const all = (grid: Grid, m = merges) => check([gridSheet("表", grid, { merges: m })]).map((f) => `${f.rule}@${f.cell}`);

  it("stays quiet when every sum holds", () => {
    expect(all(rows)).toEqual([]);
  });

  it("finds a wrong 小计 and the 合计 that carried it, as the sums down and across agree", () => {
    // 600 → 74 in the 小计, and 合计 = 74 + 76 = 150: the error of the Jinzhai table.
    const wrong = edit(edit(rows, 6, 6, 74), 8, 6, 150);
    expect(all(wrong)).toEqual(["SUM-ROW@G7", "SUM-COL@G9"]);
  });

  it("finds a wrong item through its row's 总人数 and its column's 小计", () => {
    expect(all(edit(rows, 4, 4, 95))).toEqual(["SUM-CROSS@E5"]);
  });

  it("reads the same with 总人数 moved to the right of its parts", () => {
    const moved = rows.map((r) => (r.length > 2 ? [r[0], r[1], r[3], r[4], r[5], r[6], r[2], r[7]] : r));
    const m = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 1, left: 4, bottom: 1, right: 5 },
      { top: 1, left: 6, bottom: 2, right: 6 },
      { top: 6, left: 0, bottom: 6, right: 1 },
      { top: 8, left: 0, bottom: 8, right: 1 },
    ];
    expect(all(moved, m)).toEqual([]);
    expect(all(edit(edit(moved, 6, 5, 74), 8, 5, 150), m)).toEqual(["SUM-ROW@F7", "SUM-COL@F9"]);
  });

  it("keeps a code column whose tree holds", () => {
    const coded: Grid = [
      ["支出表"],
      ["单位：万元"],
      ["科目", "科目名称", "金额"],
      [201, "一般公共服务支出", 30],
      [20101, "人大事务", 30],
      [205, "教育支出", 50],
      [20502, "普通教育", 50],
      [null, "合计", 80],
    ];
    expect(brief(coded)).toEqual([]);
    // 20101 alone breaks one sum; 201 would break two.
    expect(brief(edit(coded, 4, 2, 31))).toEqual(["CODE-TREE@C5"]);
  });
});

describe("a column headed as a total without 合计 (总人数, 资金总额)", () => {
  it("is checked across where its figures bear it out", () => {
    const rows: Grid = [
      ["项目资金表"],
      ["单位：万元"],
      ["序号", "项目名称", "资金总额", "中央资金", "省级资金", "县级资金"],
      [1, "甲项目", 100, 60, 30, 10],
      [2, "乙项目", 80, 50, 20, 10],
      [3, "丙项目", 45, 20, 20, 5],
    ];
    expect(brief(rows)).toEqual([]);
    expect(brief(edit(rows, 4, 4, 25))).toEqual(["SUM-COL@C5"]);
  });

  it("says nothing where the columns beside it are no parts of it", () => {
    const rows: Grid = [
      ["项目资金表"],
      ["单位：万元"],
      ["序号", "项目名称", "总投资", "本年下达", "累计下达"],
      [1, "甲项目", 500, 60, 300],
      [2, "乙项目", 800, 50, 420],
      [3, "丙项目", 450, 20, 200],
    ];
    expect(brief(rows)).toEqual([]);
  });
});
