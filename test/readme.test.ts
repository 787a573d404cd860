import { readFileSync } from "fs";
import { join } from "path";
import { RULES } from "../src/core/catalogue";
import { rulesTable } from "../src/cli/report-rules";
import pkg from "../package.json";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");

describe("README", () => {
  it("gives a newcomer the demo and the test command", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm ci && npm test");
  });

  it("lists every rule of the catalogue with its title", () => {
    for (const rule of RULES) expect(readme).toContain(`| \`${rule.id}\` | ${rule.severity}`);
    for (const rule of RULES) expect(readme).toContain(rule.title);
  });

  it("carries the rule table exactly as `budget-check --rules` prints it", () => {
    expect(readme).toContain(rulesTable());
  });

  it("names only npm scripts that exist", () => {
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    for (const script of named) expect(Object.keys(pkg.scripts)).toContain(script);
  });

  it("explains every runtime dependency", () => {
    for (const dep of Object.keys(pkg.dependencies)) expect(readme).toContain(`\`${dep}\``);
  });
});
