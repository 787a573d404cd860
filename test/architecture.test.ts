import { execFileSync } from "child_process";
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

/**
 * The layering is stated once, in eslint.config.mjs (`npm run lint` holds the tree to it). These
 * tests hold the lint config to the layering: code that breaks it is refused, code that keeps it
 * passes.
 */
const root = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** ESLint's layering messages for each [file, code] pair, linted as if the file were in the tree. */
function layeringMessages(cases: [string, string][]): string[][] {
  // ESLint loads its flat config with import(), which jest's CommonJS sandbox cannot run: a child process can.
  const script = `
    import { ESLint } from "eslint";
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [file, code] of JSON.parse(process.argv[1])) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.filter((m) => /^no-restricted-/.test(m.ruleId ?? "")).map((m) => m.message));
    }
    console.log(JSON.stringify(out));`;
  const stdout = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(cases)], {
    cwd: root,
    encoding: "utf8",
  });
  return JSON.parse(stdout);
}

describe("architecture", () => {
  it("lints the layers core ← {xlsx, templates} ← {excel, cli} ← ui ← {taskpane, web, commands}", () => {
    const refused: [string, string][] = [
      ["src/core/a.ts", 'import { x } from "../excel/gateway";\nexport { x };'],
      ["src/core/totals/read/a.ts", 'import { y } from "../../../ui/z";\nexport { y };'],
      ["src/xlsx/a.ts", 'import { m } from "../templates/x";\nexport { m };'],
      ["src/templates/a.ts", 'import { g } from "../excel/gateway";\nexport { g };'],
      ["src/cli/batch/a.ts", 'const x = require("../../excel/y");\nexport { x };'],
      ["src/ui/a.ts", 'export const f = () => import("../web/x");'],
      ["src/web/a.ts", 'export * from "../taskpane/y";'],
      ["src/commands/a.ts", 'import type { T } from "../web/engine";\nexport type { T };'],
      ["src/core/b.ts", 'import fs from "fs";\nexport { fs };'],
      ["src/xlsx/b.ts", "export const cwd = () => process.cwd();"],
      ["src/templates/b.ts", 'import { writeFile } from "fs/promises";\nexport { writeFile };'],
      ["src/core/c.ts", "export const ok = () => Office.context;"],
    ];
    const kept: [string, string][] = [
      ["src/core/totals/read/a.ts", 'import { x } from "../../address";\nimport D from "decimal.js";\nexport { x, D };'],
      ["src/xlsx/a.ts", 'import J from "jszip";\nimport { f } from "../core/finding";\nexport { J, f };'],
      ["src/excel/a.ts", 'import { t } from "../templates/catalog";\nimport { r } from "../xlsx/read";\nexport { t, r };'],
      ["src/ui/a.ts", 'import { g } from "../excel/gateway";\nexport { g };'],
      ["src/taskpane/a.tsx", 'import { A } from "../ui/x";\nexport const f = () => import("../excel/y");\nexport { A };'],
      ["src/web/a.ts", 'import { S } from "../ui/components/Shell";\nimport { c } from "../cli/report-rules";\nexport { S, c };'],
    ];
    const messages = layeringMessages([...refused, ...kept]);
    refused.forEach(([file], i) => expect([file, messages[i].length]).toEqual([file, 1]));
    kept.forEach(([file], i) => expect([file, messages[refused.length + i]]).toEqual([file, []]));
    expect(messages[0][0]).toContain("core ← {xlsx, templates} ← {excel, cli} ← ui ← {taskpane, web, commands}");
  });

  it("keeps Excel.run out of the UI: the pane and the kit only get the gateway", () => {
    const offenders = ["src/taskpane", "src/ui", "src/web"]
      .flatMap((dir) => sources(join(root, dir)))
      .filter((file) => /Excel\.run|context\.sync/.test(readFileSync(file, "utf8")));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it("renders no HTML from strings and evaluates no code", () => {
    const offenders = sources(join(root, "src")).filter((file) =>
      /dangerouslySetInnerHTML|\beval\(|new Function\(|innerHTML\s*=/.test(readFileSync(file, "utf8")),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
