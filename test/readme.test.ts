import { existsSync, readdirSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { RULES } from "../src/core/catalogue";
import { rulesTable } from "../src/cli/report-rules";
import pkg from "../package.json";

const root = join(__dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const readme = read("README.md");
const docs = readdirSync(join(root, "docs"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => `docs/${name}`);

describe("README, a map", () => {
  it("gives a newcomer the demo and the test command", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm ci && npm test");
    // How long the whole suite takes, so a newcomer knows the silence is not a hang (issue 19).
    expect(readme).toMatch(/npm test .*\d+–\d+ minutes/);
  });

  it("stays a map: at most 200 lines, one screenshot that exists", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(200);
    const images = [...readme.matchAll(/<img src="([^"]+)"|!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? m[2]);
    expect(images).toHaveLength(1);
    expect(existsSync(join(root, images[0]))).toBe(true);
  });

  it("links only to files that exist, in the README and in docs/", () => {
    const missing: string[] = [];
    for (const file of ["README.md", ...docs])
      for (const [, target] of read(file).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g))
        if (!/^https?:/.test(target) && !existsSync(join(root, dirname(file), target))) missing.push(`${file} → ${target}`);
    expect(missing).toEqual([]);
  });

  it("names only npm scripts that exist, in the README and in docs/", () => {
    for (const file of ["README.md", ...docs]) {
      const named = [...read(file).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
      for (const script of named) expect([file, Object.keys(pkg.scripts).includes(script)]).toEqual([file, true]);
    }
  });
});

describe("docs/rules.md", () => {
  const rules = read("docs/rules.md");

  it("lists every rule of the catalogue with its title", () => {
    for (const rule of RULES) expect(rules).toContain(`| \`${rule.id}\` | ${rule.severity}`);
    for (const rule of RULES) expect(rules).toContain(rule.title);
  });

  it("carries the rule table exactly as `budget-check --rules` prints it", () => {
    expect(rules).toContain(rulesTable());
  });
});

describe("docs/dependencies.md", () => {
  it("explains every runtime dependency", () => {
    const deps = read("docs/dependencies.md");
    for (const dep of Object.keys(pkg.dependencies)) expect(deps).toContain(`\`${dep}\``);
  });
});
