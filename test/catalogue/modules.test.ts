import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { RULES, RuleId, isRuleId } from "../../src/core/catalogue";

/** The catalogue is the index: each rule is raised in the one module it names, and nowhere decides a severity. */
const root = join(__dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
const CATALOGUE_DIR = join(root, "src/core/catalogue");
/** The fix planners are keyed by the rules they fix; they raise none. */
const FIXES_DIR = join(root, "src/core/fixes");
const code = sources(join(root, "src"))
  .filter((file) => !file.startsWith(CATALOGUE_DIR) && !file.startsWith(FIXES_DIR))
  .map((file) => ({ path: relative(root, file), text: withoutComments(readFileSync(file, "utf8")) }));

/** Rule ids written as string literals, except where a finding's rule is only compared (`f.rule !== "CELL-TEXTNUM"`). */
function raisedIds(text: string): RuleId[] {
  const ids: RuleId[] = [];
  for (const m of text.matchAll(/(===?|!==?)?\s*"([A-Z]+(?:-[A-Z0-9]+)+)"/g)) if (!m[1] && isRuleId(m[2])) ids.push(m[2]);
  return ids;
}

describe("rule catalogue as the index", () => {
  it("names an existing module for every rule, and that module raises it", () => {
    for (const rule of RULES) {
      expect(existsSync(join(root, rule.module))).toBe(true);
      const file = code.find((f) => f.path === rule.module);
      expect({ rule: rule.id, raised: file ? raisedIds(file.text).includes(rule.id) : false }).toEqual({
        rule: rule.id,
        raised: true,
      });
    }
  });

  it("fails when a rule id is raised outside its catalogue module", () => {
    const offenders: string[] = [];
    const moduleOf = new Map(RULES.map((r) => [r.id, r.module]));
    for (const file of code)
      for (const id of raisedIds(file.text))
        if (moduleOf.get(id) !== file.path) offenders.push(`${file.path}: ${id} (catalogue: ${moduleOf.get(id)})`);
    expect(offenders).toEqual([]);
  });

  it("the scan itself sees a raise and ignores a comparison", () => {
    expect(raisedIds(`report.add({ rule: "SUM-ROW", cell })`)).toEqual(["SUM-ROW"]);
    expect(raisedIds(`findings.filter((f) => f.rule !== "CELL-TEXTNUM" && f.rule === "FORMULA-CONST")`)).toEqual([]);
    expect(raisedIds(`const id = "NOT-A-RULE";`)).toEqual([]);
  });

  // `severity: "info"`, `severity = "warning"`, `rounding ? "info" : "error"`.
  const WRITES_SEVERITY = /severity[^;\n]*"(error|warning|info)"|\?\s*"(error|warning|info)"\s*:/;

  it("leaves severities to the catalogue and the judge: no rule code writes one", () => {
    expect(WRITES_SEVERITY.test(`add({ rule, severity: "info", cell })`)).toBe(true);
    expect(WRITES_SEVERITY.test(`severity: rounding ? "info" : "error"`)).toBe(true);
    expect(WRITES_SEVERITY.test(`return { kind: "error", code }`)).toBe(false);
    // Only the catalogue, the judge (the band makes a finding info) and the Severity type itself name a severity.
    const allowed = new Set(["src/core/judge.ts", "src/core/severity.ts"]);
    const offenders = code
      .filter((f) => f.path.startsWith("src/core/") && !allowed.has(f.path) && WRITES_SEVERITY.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
