import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import path from "path";
import { RULES } from "../../src/core/catalogue";
import { exampleToXlsx } from "../support/example-xlsx";
import { runCli, tempDir } from "./cli-helpers";

const root = path.join(__dirname, "..", "..");

describe("budget-check --rules", () => {
  it("prints exactly the v1 rules JSON with --json", async () => {
    const r = await runCli(["--rules", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["version", "rules"]);
    expect(json.version).toBe(1);
    expect(json.rules.map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.id));
    for (const rule of json.rules) {
      expect(Object.keys(rule)).toEqual(["id", "severity", "title", "help", "module", "fix", "example"]);
      // `last` (last year's workbook) extends the example of the rules that compare two years.
      expect(Object.keys(rule.example)).toEqual(
        rule.id.startsWith("YOY-") ? ["sheets", "sheet", "cell", "last"] : ["sheets", "sheet", "cell"],
      );
      expect(rule.fix === null || typeof rule.fix === "string").toBe(true);
    }
  });

  it("prints the table of docs/rules.md with a 怎么改 column as text", async () => {
    const r = await runCli(["--rules"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("| id | default severity | 说明 | 怎么改 |");
    expect(lines).toHaveLength(RULES.length + 2);
    expect(lines.find((l) => l.startsWith("| `SUM-ROW` |"))).toContain("把 B7 改为 =SUM(B4:B6)");
  });

  it("is what `npm run rules -- --json` prints", () => {
    const npm = spawnSync("npm", ["run", "-s", "rules", "--", "--json"], { cwd: root, encoding: "utf8" });
    expect(npm.status).toBe(0);
    expect(JSON.parse(npm.stdout).rules).toHaveLength(RULES.length);
  });

  it("an example written to .xlsx as its JSON says makes `--json` report its rule at its cell", async () => {
    const dir = tempDir();
    for (const id of ["SUM-ROW", "XT-SPEND-CLASS", "IND-FRACTION-PERCENT"] as const) {
      const rule = RULES.find((x) => x.id === id)!;
      const file = path.join(dir, `${id}.xlsx`);
      writeFileSync(file, await exampleToXlsx(rule.example));
      const report = JSON.parse((await runCli([file, "--json"])).out);
      const hits = report.files[0].findings.filter(
        (f: { rule: string; sheet: string; cell: string }) =>
          f.rule === id && f.sheet === rule.example.sheet && f.cell === rule.example.cell,
      );
      expect(hits).toHaveLength(1);
    }
  });
});
