import { byRule, check, miniBlock } from "./helpers";

describe("indicator findings name their project", () => {
  it("carries the block's 项目名称 on each of its findings", () => {
    const findings = check([
      ...miniBlock({ 0: ["产出指标", "数量指标", "培训人数", null] }),
      [],
      ...miniBlock({ 1: [null, "质量指标", "培训合格率", null] }).map((r) =>
        r[0] === "项目名称" ? ["项目名称", "第二期培训"] : r,
      ),
    ]);
    const empty = byRule(findings, "IND-EMPTY");
    expect(empty.map((f) => f.project)).toEqual(["培训项目", "第二期培训"]);
  });

  it("gives a clean block no finding, so no project either", () => {
    expect(check(miniBlock())).toEqual([]);
  });
});
