import fc from "fast-check";
import { isQuantified, parseIndicatorValue } from "../../../src/core/indicators/read/value-grammar";

const p = parseIndicatorValue;

describe("indicator value grammar (docs/domain.md §6 table)", () => {
  test.each([
    ["≥1000人次", "≥", "1000", "人次"],
    ["≤5万元", "≤", "5", "万元"],
    ["≥95%", "≥", "95", "%"],
    ["=100%", "=", "100", "%"],
    [">90%", ">", "90", "%"],
    ["≤3000元/人", "≤", "3000", "元/人"],
    ["≤2元/人/年", "≤", "2", "元/人/年"],
    ["≥20万平方米", "≥", "20", "万平方米"],
    ["22000U", null, "22000", "U"],
    ["18名", null, "18", "名"],
    ["2批次", null, "2", "批次"],
    ["10个街道", null, "10", "个街道"],
    ["230万元", null, "230", "万元"],
    ["1092万元", null, "1092", "万元"],
    ["≥96百分比", "≥", "96", "%"],
    ["5000人以上", "≥", "5000", "人"],
    ["不低于90%", "≥", "90", "%"],
  ])("%s is a quantity", (text, comparator, value, unit) => {
    const v = p(text);
    expect(v.form).toBe("quantity");
    if (v.form !== "quantity") return;
    expect(v.comparator).toBe(comparator);
    expect(v.value.toString()).toBe(value);
    expect(v.unit).toBe(unit);
    expect(v.fullWidth).toBe(false);
  });

  test("percent values keep an exact decimal", () => {
    const v = p("≥99.95%");
    expect(v.form === "quantity" && v.value.toFixed(2)).toBe("99.95");
  });

  test.each([
    ["＞90%", ">", "90", "%"],
    ["≥80％", "≥", "80", "%"],
    ["≧９５％", "≥", "95", "%"],
    ["≥１０００人次", "≥", "1000", "人次"],
  ])("full-width %s parses after normalisation and is marked", (text, comparator, value, unit) => {
    const v = p(text);
    expect(v.form).toBe("quantity");
    expect(v.fullWidth).toBe(true);
    if (v.form !== "quantity") return;
    expect([v.comparator, v.value.toString(), v.unit]).toEqual([comparator, value, unit]);
  });

  test.each([
    ["1次/周", "周", "1", "次"],
    ["每月≥4次", "月", "4", "次"],
    ["每季度1次", "季度", "1", "次"],
  ])("%s is periodic with a count", (text, period, count, unit) => {
    const v = p(text);
    expect(v.form).toBe("periodic");
    if (v.form !== "periodic") return;
    expect(v.period).toBe(period);
    expect(v.count?.value.toString()).toBe(count);
    expect(v.count?.unit).toBe(unit);
  });

  test("按季度拨付资金 is periodic without a count", () => {
    const v = p("按季度拨付资金");
    expect(v.form === "periodic" && v.period).toBe("季度");
    expect(v.form === "periodic" && v.count).toBeNull();
  });

  test("rates per base", () => {
    const a = p("≥2/10万");
    expect(a.form).toBe("rate");
    if (a.form === "rate") expect([a.comparator, a.value.toString(), a.base.toString()]).toEqual(["≥", "2", "100000"]);
    const b = p("全年55/10万以下");
    expect(b.form).toBe("rate");
    if (b.form === "rate") expect([b.comparator, b.value.toString(), b.baseText]).toEqual(["≤", "55", "10万"]);
  });

  test("ranges", () => {
    const v = p("90%~100%");
    expect(v.form).toBe("range");
    if (v.form === "range") expect([v.low.toString(), v.high.toString(), v.unit]).toEqual(["90", "100", "%"]);
    const w = p("90％～100％");
    expect(w.form).toBe("range");
    expect(w.fullWidth).toBe(true);
  });

  test.each([
    ["约400份", "400", "份"],
    ["约1800户", "1800", "户"],
  ])("%s is approximate", (text, value, unit) => {
    const v = p(text);
    expect(v.form).toBe("approximate");
    if (v.form === "approximate") expect([v.value.toString(), v.unit]).toEqual([value, unit]);
  });

  test.each([
    ["2022年度", "year", null],
    ["≤1年", "duration", "≤"],
    ["12月底前", "deadline", "≤"],
    ["6月30日前", "deadline", "≤"],
    ["≤12月底前", "deadline", "≤"],
    ["3个月内", "duration", "≤"],
    ["年底前", "deadline", null],
  ])("%s is a time", (text, kind, comparator) => {
    const v = p(text);
    expect(v.form).toBe("time");
    if (v.form === "time") {
      expect(v.kind).toBe(kind);
      expect(v.comparator).toBe(comparator);
    }
  });

  test.each([
    "显著提高",
    "有所提高",
    "比上年有所提高",
    "逐步提高",
    "不断提高",
    "显著完成",
    "完成",
    "基本完成",
    "按时完成",
    "达标",
    "合格",
    "优良",
    "零投诉",
    "好",
    "较好",
    "一般",
  ])("%s is a controlled qualitative word", (word) => {
    const v = p(word);
    expect(v.form).toBe("qualitative");
    if (v.form === "qualitative") expect(v.word).toBe(word);
  });

  test("grades and zero words are told apart", () => {
    const grade = p("合格");
    expect(grade.form === "qualitative" && grade.grade).toBe(true);
    const notGrade = p("基本完成");
    expect(notGrade.form === "qualitative" && notGrade.grade).toBe(false);
    expect(isQuantified(p("零投诉"))).toBe(true);
    expect(isQuantified(p("基本完成"))).toBe(false);
  });

  test("不适用, empty and free text", () => {
    expect(p("不适用").form).toBe("notApplicable");
    expect(p("").form).toBe("empty");
    expect(p("   ").form).toBe("empty");
    const free = p("减少对医疗收入的影响");
    expect(free.form === "free" && free.hasNumber).toBe(false);
    const withNumber = p("完成2次培训");
    expect(withNumber.form === "free" && withNumber.hasNumber).toBe(true);
    expect(p("提高").form).toBe("free");
  });

  test("stray white space and trailing punctuation do not matter", () => {
    const v = p(" ≥ 95 % 。");
    expect(v.form).toBe("quantity");
    expect(v.text).toBe("≥95%");
  });

  test("never throws, and always returns a known form", () => {
    const forms = new Set([
      "empty",
      "quantity",
      "approximate",
      "periodic",
      "rate",
      "range",
      "time",
      "qualitative",
      "notApplicable",
      "free",
    ]);
    const pieces = fc.constantFrom(
      "≥",
      "≤",
      "＞",
      "％",
      "%",
      "约",
      "每月",
      "/",
      "~",
      "-",
      "万元",
      "年",
      "月底前",
      "1",
      "0.5",
      "９",
      ",",
      ".",
      "次",
      "不适用",
      " ",
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((a) => a.join("")),
          fc.string({ unit: "binary" }),
        ),
        (s) => {
          const v = parseIndicatorValue(s);
          expect(forms.has(v.form)).toBe(true);
          expect(v.raw).toBe(s);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
