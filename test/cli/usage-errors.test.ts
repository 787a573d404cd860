import { parseArgs, UsageError } from "../../src/cli/args";
import { runCli } from "./cli-helpers";

describe("usage errors that used to pass silently (issue 18)", () => {
  it.each([
    [["a.xlsx", "--annotate", ""], "--annotate"],
    [["a.xlsx", "--annotate="], "--annotate"],
    [["a.xlsx", "--report="], "--report"],
    [["a.xlsx", "--report", ""], "--report"],
    [["a.xlsx", "--csv="], "--csv"],
    [["--template", "all", "--out", ""], "--out"],
    [["--template", "all", "--out="], "--out"],
  ])("refuses an empty output path: %j", async (args, flag) => {
    expect(() => parseArgs(args)).toThrow(UsageError);
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(flag);
    expect(r.err).toMatch(/不能为空/);
    expect(r.out).toBe("");
  });

  it("refuses a --timeout above one day (86,400 seconds), and keeps one day", () => {
    expect(() => parseArgs(["a.xlsx", "--timeout", "86401"])).toThrow(/86400/);
    expect(() => parseArgs(["a.xlsx", "--timeout", "1e9"])).toThrow(UsageError);
    expect(() => parseArgs(["a.xlsx", "--timeout", "99999999999999999999"])).toThrow(UsageError);
    expect(parseArgs(["a.xlsx", "--timeout", "86400"]).timeout).toBe(86400);
  });
});
