import { at, checkSeed, seedRow } from "./helpers";

describe("cell checks", () => {
  it("CELL-ERROR: #REF! in a table is an error, and the sums around it are not guessed", () => {
    const f = checkSeed("支出总表", { edits: { D9: "#REF!" } });
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual(["CELL-ERROR@D9"]);
    expect(f[0].message).toContain("#REF!");
  });

  it("CELL-ERROR: also in label columns", () => {
    const f = checkSeed("支出总表", { edits: { C9: "#VALUE!" } });
    expect(at(f, "C9", "CELL-ERROR")).toHaveLength(1);
  });

  it("CELL-TEXTNUM: a text number is info and still counts in the sums", () => {
    const f = checkSeed("收支总表", { edits: { [`E${seedRow(8)}`]: "1,060.41" } });
    expect(f.map((x) => `${x.rule}@${x.cell}@${x.severity}`)).toEqual([`CELL-TEXTNUM@E${seedRow(8)}@info`]);
    expect(f[0].message).toContain("按 1,060.41 计算");
  });

  it("CELL-NOT-NUMBER: text in an amount cell", () => {
    const f = checkSeed("收支总表", { edits: { [`E${seedRow(8)}`]: "约1060万" } });
    expect(f.map((x) => `${x.rule}@${x.cell}`)).toEqual([`CELL-NOT-NUMBER@E${seedRow(8)}`]);
    expect(f[0].severity).toBe("error");
  });

  it("reads dashes and blanks as 0", () => {
    expect(checkSeed("收支总表", { edits: { [`E${seedRow(9)}`]: "—", [`C${seedRow(2)}`]: "-" } })).toEqual([]);
  });
});
