import { csvRows, listedUnits, ListError } from "../../../../src/cli/batch/units/expect-list";
import { FileFacts, commonYear, markWords, matchExpected } from "../../../../src/cli/batch/units/expect-match";
import { fileNameKey, unitKey } from "../../../../src/cli/batch/units/unit-key";

describe("unitKey and fileNameKey", () => {
  it("ignore spaces, brackets and the suffixes 本级 and 机关, and nothing else", () => {
    expect(unitKey(" 某某县 农业农村局（本级） ")).toBe("某某县农业农村局");
    expect(unitKey("某某县财政局机关")).toBe("某某县财政局");
    expect(unitKey("某某县财政局【本级】")).toBe("某某县财政局");
    expect(unitKey("某某县农业农村局执法大队")).not.toBe(unitKey("某某县农业农村局"));
  });

  it("pair two years' file names of one unit", () => {
    expect(fileNameKey("2023/某某局2023年部门预算.xlsx")).toBe(fileNameKey("某某局 2024年部门预算.xls"));
    expect(fileNameKey("某某局2024年部门预算(1).xlsx")).toBe(fileNameKey("某某局2023年部门预算.xlsx"));
    expect(fileNameKey("某某局2024年部门预算.xlsx")).not.toBe(fileNameKey("某某局2024年部门决算.xlsx"));
  });
});

const list = [
  { name: "某某县财政局" },
  { name: "某某县教育局（本级）" },
  { name: "某某县卫生健康局", code: "104001" },
  { name: "某某县审计局" },
];
const facts = (file: string, unit: string | null, year: number | null = 2024): FileFacts => ({ file, unit, year });

describe("matchExpected: every listed unit accounted for", () => {
  it("matches by the unit the tables name, then by the file name, then by the code", () => {
    const r = matchExpected(list, [
      facts("a.xlsx", "某某县财政局"),
      facts("某某县教育局2024年预算.xlsx", null),
      facts("104001.xlsx", "未能读出的名字"),
    ]);
    expect(r.marks.map((m) => m.unit)).toEqual(["某某县财政局", "某某县教育局（本级）", "某某县卫生健康局"]);
    expect(r.marks.every((m) => markWords(m).length === 0)).toBe(true);
    expect(r.missing).toEqual([{ name: "某某县审计局" }]);
    expect(r.year).toBe(2024);
  });

  it("marks both files of one unit 重复, last year's file 年度不符, a stranger 名单外", () => {
    const r = matchExpected(list, [
      facts("财政局.xlsx", "某某县财政局"),
      facts("财政局-修改.xlsx", "某某县财政局 "),
      facts("教育局.xlsx", "某某县教育局", 2023),
      facts("审计局.xlsx", "某某县审计局"),
      facts("文旅局.xlsx", "某某县文化和旅游局"),
    ]);
    expect(r.marks.map(markWords)).toEqual([["重复"], ["重复"], ["年度不符"], [], ["名单外"]]);
    expect(r.missing).toEqual([{ name: "某某县卫生健康局", code: "104001" }]);
  });

  it("takes the batch's year from --year over the files' own", () => {
    const r = matchExpected(list, [facts("a.xlsx", "某某县财政局", 2024), facts("b.xlsx", "某某县审计局", 2024)], 2025);
    expect(r.year).toBe(2025);
    expect(r.marks.map(markWords)).toEqual([["年度不符"], ["年度不符"]]);
  });

  it("shows an ambiguous match with every candidate, and calls neither candidate missing", () => {
    const two = [{ name: "某某县财政局" }, { name: "某某县财政局" }, { name: "某某县审计局" }, { name: "某某县财政局机关" }];
    const r = matchExpected(two, [facts("x.xlsx", "某某县财政局")]);
    expect(markWords(r.marks[0])).toEqual(["对应单位不明（某某县财政局、某某县财政局机关）"]);
    expect(r.missing).toEqual([{ name: "某某县审计局" }]);
  });

  it("prefers the longer listed name a file name contains, when the shorter is part of it", () => {
    const nested = [{ name: "某某县财政局" }, { name: "某某县财政局国库支付中心" }];
    const r = matchExpected(nested, [facts("某某县财政局国库支付中心2024.xlsx", null)]);
    expect(r.marks[0].unit).toBe("某某县财政局国库支付中心");
    const apart = [{ name: "某某县财政局" }, { name: "某某县审计局" }];
    expect(matchExpected(apart, [facts("某某县财政局和某某县审计局合报.xlsx", null)]).marks[0].ambiguous).toEqual([
      "某某县财政局",
      "某某县审计局",
    ]);
  });

  it("commonYear: the year most files carry, the later on a tie, null when none states one", () => {
    expect(commonYear([{ year: 2024 }, { year: 2023 }, { year: 2024 }])).toBe(2024);
    expect(commonYear([{ year: 2023 }, { year: 2024 }])).toBe(2024);
    expect(commonYear([{ year: null }])).toBeNull();
  });
});

describe("the list's file", () => {
  it("reads 单位名称 and 单位编码 under a title, skipping blanks and repeats", () => {
    const rows = [
      ["2024年应报送单位名单"],
      ["序号", "单位编码", "单位名称"],
      ["1", "101", "某某县财政局"],
      ["", "", ""],
      ["2", "", "某某县财政局"],
      ["3", "", "某某县审计局"],
    ];
    expect(listedUnits(rows, "名单.xlsx")).toEqual([{ name: "某某县财政局", code: "101" }, { name: "某某县审计局" }]);
  });

  it("says what is missing in a list without a 单位名称 column", () => {
    expect(() => listedUnits([["名称甲"], ["某局"]], "名单.csv")).toThrow(ListError);
    expect(() => listedUnits([["名称甲"], ["某局"]], "名单.csv")).toThrow("找不到「单位名称」列");
  });

  it("parses CSV in UTF-8 with a BOM, and in GB18030 as Excel saves it, with quoted commas and line breaks", () => {
    const utf8 = Buffer.from('\uFEFF单位名称,备注\r\n"某某局,本级",x\r\n"某""县""局","a\nb"\r\n', "utf8");
    expect(csvRows(utf8)).toEqual([
      ["单位名称", "备注"],
      ["某某局,本级", "x"],
      ['某"县"局', "a\nb"],
    ]);
    const gbk = Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a]); // 单位名称\r\n
    expect(csvRows(gbk)).toEqual([["单位名称"]]);
  });
});
