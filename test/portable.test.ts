import { readFileSync } from "fs";
import path from "path";

const root = path.resolve(__dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

describe("a clone on Windows works as on Debian (issue 19)", () => {
  it("keeps LF line ends, which Prettier checks, whatever core.autocrlf says", () => {
    const lines = read(".gitattributes").split("\n");
    expect(lines).toContain("* text=auto eol=lf");
    // Workbooks and pictures are never converted.
    expect(lines).toEqual(expect.arrayContaining(["*.xlsx binary", "*.png binary"]));
  });

  it("has no npm script that sets a variable the POSIX way (cmd.exe cannot run `VAR=1 cmd`)", () => {
    const scripts: Record<string, string> = JSON.parse(read("package.json")).scripts;
    const posixEnv = /(?:^|&&|;|\|\|)\s*[A-Za-z_][A-Za-z0-9_]*=\S*\s/;
    expect(Object.entries(scripts).filter(([, command]) => posixEnv.test(command))).toEqual([]);
  });

  it("takes Chromium's path from CHROMIUM_PATH, Debian's by default", () => {
    const chromium = (value: string | undefined): string => {
      const before = process.env.CHROMIUM_PATH;
      if (value === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = value;
      let found = "";
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        found = require("./e2e/browser").CHROMIUM;
      });
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
      return found;
    };
    expect(chromium("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe")).toBe(
      "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    );
    expect(chromium(undefined)).toBe("/usr/bin/chromium");
  });
});
