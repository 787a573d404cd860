import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";

/** Comments cite the domain reference inside the repository (docs/domain.md), by sections that exist there. */
const root = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "fixtures") return [];
    return statSync(path).isDirectory() ? sources(path) : /\.(tsx?|js|mjs|sh)$/.test(name) ? [path] : [];
  });
}

const files = ["src", "test", "scripts", "bench"].flatMap((d) => sources(join(root, d))).filter((f) => f !== __filename);
const sections = new Set([...readFileSync(join(root, "docs/domain.md"), "utf8").matchAll(/^## (\d+)\./gm)].map((m) => m[1]));

describe("docs/domain.md citations", () => {
  it("every mention of docs/domain.md is the repository's own docs/domain.md", () => {
    const outside: string[] = [];
    for (const file of files) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/(^|[^/])domain\.md|shared\/docs/.test(line.replace(/docs\/domain\.md/g, "")))
            outside.push(`${relative(root, file)}:${i + 1}`);
        });
    }
    expect(outside).toEqual([]);
  });

  it("every cited section exists in docs/domain.md", () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!line.includes("docs/domain.md")) continue;
        for (const m of line.slice(line.indexOf("docs/domain.md")).matchAll(/§(\d+)/g))
          if (!sections.has(m[1])) missing.push(`${relative(root, file)}: §${m[1]}`);
      }
    }
    expect(sections.size).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});

describe("docs/使用说明.md, the Chinese guide (issue 19)", () => {
  const guide = readFileSync(join(root, "docs/使用说明.md"), "utf8");
  const page = readFileSync(join(root, "src/web/WebApp.tsx"), "utf8");
  const args = readFileSync(join(root, "src/cli/args.ts"), "utf8");

  it("covers the page's three downloads, by the names its buttons carry", () => {
    for (const button of ["下载标注副本", "下载修复副本", "下载模板"]) {
      expect(page).toContain(button);
      expect(guide).toContain(`**${button}**`);
    }
  });

  it("covers the reviewer's batch and report: the flags the command takes, the report's sheets, 未识别（未检查）", () => {
    for (const flag of ["--report", "--csv", "--fix"]) {
      expect(args).toContain(`"${flag}"`);
      expect(guide).toContain(flag);
    }
    for (const word of ["汇总", "明细", "规则统计", "未识别（未检查）", "未能读出"]) expect(guide).toContain(word);
  });
});
