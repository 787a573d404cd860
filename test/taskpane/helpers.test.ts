import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { GatewayError } from "../../src/excel/gateway";
import { parseLaunch } from "../../src/taskpane/launch";
import { describeError, validateTolerance } from "../../src/taskpane/messages";
import { stageText } from "../../src/ui/components/ProgressPanel";
import { themeForOffice } from "../../src/ui/theme";

describe("pane helpers", () => {
  test("the theme follows the Office body background, light when unknown", () => {
    expect(themeForOffice({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
    expect(themeForOffice({ bodyBackgroundColor: "#000" })).toBe(webDarkTheme);
    expect(themeForOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(themeForOffice({ bodyBackgroundColor: "#e6e6e6" })).toBe(webLightTheme);
    expect(themeForOffice({ bodyBackgroundColor: "" })).toBe(webLightTheme);
    expect(themeForOffice(undefined)).toBe(webLightTheme);
  });

  test("launch options come from the query string", () => {
    expect(parseLaunch("?view=templates")).toEqual({ view: "templates", checkWorkbook: false });
    expect(parseLaunch("?action=checkWorkbook&_host_Info=Excel")).toEqual({ view: "check", checkWorkbook: true });
    expect(parseLaunch("")).toEqual({ view: "check", checkWorkbook: false });
  });

  test("tolerance must be a non-negative decimal", () => {
    for (const ok of ["0", "0.01", "1", "12.5", ".5", " 0.2 "]) expect(validateTolerance(ok)).toBeNull();
    for (const bad of ["-0.01", "1e-2", "０.01", "0.01万", "1,000", "abc"])
      expect(validateTolerance(bad)).toMatch(/容差必须是非负数字/);
    expect(validateTolerance("  ")).toMatch(/请填写容差/);
  });

  test("errors become Chinese sentences without internals", () => {
    expect(describeError(new GatewayError("AccessDenied", "工作表受保护。"), "检查")).toBe("工作表受保护。");
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const text = describeError(new Error("boom at foo.ts:12"), "检查");
    expect(text).toMatch(/^检查失败/);
    expect(text).not.toMatch(/boom|foo/);
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
    expect(stageText("check", 1, 3)).toBe("正在检查…（1/3 张表）");
    expect(stageText("paint", 0, 1)).toBe("正在标记…");
  });
});
