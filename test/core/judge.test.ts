import Decimal from "decimal.js";
import { judgeIdentity } from "../../src/core/judge";
import { parseTolerance, toleranceProblem } from "../../src/core/tolerance";

const band = new Decimal("0.01");
const identity = (actual: string, expected: string) => ({
  rule: "BAL-SPEND" as const,
  subject: "本年支出合计",
  actual: new Decimal(actual),
  expectedPhrase: "各项支出之和",
  expected: new Decimal(expected),
});

describe("judgeIdentity", () => {
  it("finds nothing in an exact identity", () => {
    expect(judgeIdentity(identity("1852.70", "1852.7"), band, "万元")).toBeNull();
  });

  it("calls a gap within the band info, as likely rounding", () => {
    const j = judgeIdentity(identity("6519.91", "6519.90"), band, "万元");
    expect(j).toMatchObject({ rule: "BAL-SPEND", severity: "info", withinBand: true, unit: "万元" });
    expect(j!.message).toBe(
      "本年支出合计 6,519.91 与各项支出之和 6,519.90 不一致，相差 +0.01（万元），在舍入容差内，可能是四舍五入所致",
    );
  });

  it("gives a gap beyond the band the rule's catalogue severity and the domain's sentence", () => {
    const j = judgeIdentity(identity("1850.20", "1852.70"), band, "元");
    expect(j).toMatchObject({ severity: "error", withinBand: false, unit: "元" });
    expect(j!.message).toBe("本年支出合计 1,850.20 与各项支出之和 1,852.70 不一致，相差 −2.50（元）");
  });
});

describe("tolerance", () => {
  it("accepts plain non-negative decimals and explains everything else in Chinese", () => {
    for (const ok of ["0", "0.01", "1", "12.5", ".5", " 0.2 "]) expect(toleranceProblem(ok)).toBeNull();
    for (const bad of ["-0.01", "1e-2", "０.01", "0.01万", "1,000", "abc"])
      expect(toleranceProblem(bad)).toBe("容差必须是非负数字，例如 0.01。");
    expect(toleranceProblem(" ")).toBe("请填写容差，例如 0.01。");
  });

  it("parses the default and rejects a bad band with a RangeError that names 容差", () => {
    expect(parseTolerance(undefined).toString()).toBe("0.01");
    expect(parseTolerance("0.5").toString()).toBe("0.5");
    expect(() => parseTolerance("-1")).toThrow(RangeError);
    expect(() => parseTolerance("-1")).toThrow(/容差/);
  });

  it("gives each text its own band though the last one is kept, and still rejects a bad one after a good one", () => {
    expect(parseTolerance("0.5").toString()).toBe("0.5");
    expect(parseTolerance(" 0.5 ")).toBe(parseTolerance("0.5"));
    expect(parseTolerance("2").toString()).toBe("2");
    expect(parseTolerance(undefined).toString()).toBe("0.01");
    expect(() => parseTolerance(" ")).toThrow(/容差/);
    expect(parseTolerance("0.01")).toBe(parseTolerance(undefined));
  });
});
