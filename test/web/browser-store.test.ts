/** @jest-environment jsdom */
import { browserStore, ignoredKey } from "../../src/web/browser-store";
import { annotatedName } from "../../src/web/download";

describe("browser store", () => {
  beforeEach(() => localStorage.clear());

  test("ignored findings are kept per file name and sheet names", () => {
    const store = browserStore(localStorage);
    const a = ignoredKey("预算.xlsx", ["收支总表", "绩效指标"]);
    expect(store.saveIgnored(a, ["BAL-SPEND|收支总表|E20"])).toBe(true);
    expect(browserStore(localStorage).loadIgnored(a)).toEqual(["BAL-SPEND|收支总表|E20"]);
    expect(store.loadIgnored(ignoredKey("预算.xlsx", ["收支总表"]))).toEqual([]);
    expect(store.loadIgnored(ignoredKey("另一个.xlsx", ["收支总表", "绩效指标"]))).toEqual([]);
    store.saveIgnored(a, []);
    expect(localStorage.getItem(a)).toBeNull();
  });

  test("names that would collide when joined naively get different keys", () => {
    expect(ignoredKey("a", ["b,c"])).not.toBe(ignoredKey("a", ["b", "c"]));
  });

  test("damaged or foreign stored values read as nothing ignored", () => {
    const store = browserStore(localStorage);
    const key = ignoredKey("x.xlsx", ["表"]);
    localStorage.setItem(key, "{not json");
    expect(store.loadIgnored(key)).toEqual([]);
    localStorage.setItem(key, JSON.stringify({ a: 1 }));
    expect(store.loadIgnored(key)).toEqual([]);
    localStorage.setItem(key, JSON.stringify(["id", 3]));
    expect(store.loadIgnored(key)).toEqual(["id"]);
  });

  test("a browser that refuses storage works without remembering", () => {
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    const store = browserStore(refusing);
    expect(store.saveTolerance("0.5")).toBe(false);
    expect(store.loadTolerance()).toBeNull();
    expect(store.loadIgnored("k")).toEqual([]);
    expect(browserStore(null).saveIgnored("k", ["a"])).toBe(false);
  });
});

describe("annotatedName", () => {
  test.each([
    ["预算表.xlsx", false, "预算表-已标注.xlsx"],
    ["预算表.XLSX", false, "预算表-已标注.XLSX"],
    ["宏.xlsm", true, "宏-已标注.xlsm"],
    ["宏改名.xlsx", true, "宏改名-已标注.xlsm"],
    ["没有扩展名", false, "没有扩展名-已标注.xlsx"],
    ["a.b.xlsx", false, "a.b-已标注.xlsx"],
  ])("%s (macros: %s) → %s", (input, macros, output) => expect(annotatedName(input, macros)).toBe(output));
});
