import fc from "fast-check";
import { Decimal, parseAmountText } from "../../src/core/amount";
import { displayText, gridSheet } from "../../src/core/snapshot";
import { byRule, check, miniBlock } from "./indicators/helpers";

describe("displayText: literal text in number formats", () => {
  test.each<[number, string, string]>([
    [100, '0"人"', "100人"],
    [1234.5, '#,##0.00"元"', "1,234.50元"],
    [12.34, '0.0"万元"', "12.3万元"],
    [5, '"约"0"份"', "约5份"],
    [100, "0\\人", "100人"],
    [3, "0人", "3人"],
    [100, 'General"人次"', "100人次"],
    [1234.5, "[$¥-804]#,##0.00", "¥1,234.50"],
    [1234.5, "[Red]#,##0.00", "1,234.50"],
    [0.95, "0%", "95%"],
    [0.9555, "0.00%", "95.55%"],
    [1234567, "#,##0", "1,234,567"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [1234567, "#,##0,", "1,235"],
    [0.5, "#.00", ".50"],
    [1, "0.0#", "1.0"],
    [1.234, "0.0#", "1.23"],
    [12345, "0.00E+00", "1.23E+04"],
  ])("%p in %s shows %j", (value, format, shown) => {
    expect(displayText(value, format)).toBe(shown);
  });

  test("_x padding shows as a space, and the negative section replaces the minus sign", () => {
    expect(displayText(12, "0_);(0)")).toBe("12 ");
    expect(displayText(-12, "0_);(0)")).toBe("(12)");
    expect(displayText(-100, "#,##0.00_ ;[Red]-#,##0.00 ")).toBe("-100.00 ");
  });

  test("positive;negative;zero sections", () => {
    const fmt = '0.00;-0.00;"-"';
    expect(displayText(3.5, fmt)).toBe("3.50");
    expect(displayText(-3.5, fmt)).toBe("-3.50");
    expect(displayText(0, fmt)).toBe("-");
    expect(displayText(0, '#,##0.00"元";(#,##0.00"元");"零"')).toBe("零");
    expect(displayText(-2, '#,##0.00"元";(#,##0.00"元");"零"')).toBe("(2.00元)");
  });

  test("a single section puts the minus sign before prefix literals, and not on a value that rounds to 0", () => {
    expect(displayText(-5, '"约"0"份"')).toBe("-约5份");
    expect(displayText(-0.001, "0.00")).toBe("0.00");
    expect(displayText(-1.5, "0.00")).toBe("-1.50");
  });

  test("General, text and date formats keep their behaviour", () => {
    expect(displayText(0.1 + 0.2, "General")).toBe("0.3");
    expect(displayText(42, "@")).toBe("42");
    expect(displayText(45000, "yyyy-mm-dd")).toBe("45000");
    expect(displayText("≥95%", '0"人"')).toBe("≥95%");
    expect(displayText(null, '0"人"')).toBe("");
    expect(displayText(true, "General")).toBe("TRUE");
  });

  test("a `;` inside quotes is literal text, not a section break", () => {
    expect(displayText(7, '0"；;"')).toBe("7；;");
  });
});

describe("displayText properties", () => {
  const literal = fc.constantFrom("人", "元", "万元", "人次", "份", "个", "%人", "户");
  const count = fc.integer({ min: 0, max: 10 ** 9 });

  test("quoted and escaped literals around an integer come out verbatim", () => {
    fc.assert(
      fc.property(count, literal, literal, (n, before, after) => {
        expect(displayText(n, `"${before}"0"${after}"`)).toBe(`${before}${n}${after}`);
        expect(displayText(n, `0${[...after].map((c) => `\\${c}`).join("")}`)).toBe(`${n}${after}`);
      }),
    );
  });

  test("the number inside a literal-bearing format reads back as the value rounded to the format's places", () => {
    const cents = fc.integer({ min: -(10 ** 11), max: 10 ** 11 });
    fc.assert(
      fc.property(cents, literal, (c, unit) => {
        const value = c / 100;
        const shown = displayText(value, `#,##0.00"${unit}";-#,##0.00"${unit}"`);
        expect(shown.endsWith(unit)).toBe(true);
        const reading = parseAmountText(shown.slice(0, shown.length - unit.length));
        expect(reading.kind).toBe("number");
        if (reading.kind === "number") expect(reading.value.equals(new Decimal(c).dividedBy(100))).toBe(true);
        // The same number as the plain format shows: literals never change the digits.
        expect(shown).toBe(`${displayText(value, "#,##0.00;-#,##0.00")}${unit}`);
      }),
    );
  });
});

describe("indicator rules read the literal unit from the format", () => {
  test('100 formatted 0"人" next to values with units is not IND-NO-UNIT', () => {
    const sheet = gridSheet("t", [[{ v: 100, fmt: '0"人"' }]]);
    expect(sheet.texts[0][0]).toBe("100人");
    const fs = check(miniBlock({ 0: ["产出指标", "数量指标", "签约人数", { v: 100, fmt: '0"人"' }] }));
    expect(byRule(fs, "IND-NO-UNIT")).toEqual([]);
    expect(fs).toEqual([]);
    // The same number without the literal is still reported.
    expect(
      byRule(check(miniBlock({ 0: ["产出指标", "数量指标", "签约人数", { v: 100, fmt: "0" }] })), "IND-NO-UNIT"),
    ).toHaveLength(1);
  });
});
