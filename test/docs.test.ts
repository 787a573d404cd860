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
