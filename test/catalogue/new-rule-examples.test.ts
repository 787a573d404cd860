import { RULES } from "../../src/core/catalogue";
import { ExampleCell } from "../../src/core/catalogue/entry";
import { checkWorkbook } from "../../src/core/check";
import { LiteralCell, gridSheet } from "../../src/core/snapshot";

/**
 * The examples of the indicator-layout and self-evaluation rules (issue 8) yield their rule at their
 * cell, read the way the CLI reads an example written to .xlsx.
 */
function literal(cell: ExampleCell): LiteralCell {
  if (cell === null || typeof cell !== "object") return cell;
  if ("formula" in cell) return { v: cell.result, f: cell.formula };
  if ("error" in cell) return cell.error;
  return { v: cell.value, fmt: cell.numFmt };
}

const NEW_RULES = RULES.filter((r) => r.module.match(/indicators\/(actual-values|funds-block|points-and-scores)\.ts$/) || ["IND-UNIT-CONFLICT", "IND-VALUE-TYPE", "IND-LEVEL-SHIFT", "IND-UNKNOWN-NAME"].includes(r.id));

describe.each(NEW_RULES.map((r) => [r.id, r] as const))("%s example", (_id, rule) => {
  it("fires at its cell", () => {
    const sheets = rule.example.sheets.map((s) => gridSheet(s.name, s.rows.map((r) => r.map(literal))));
    const { findings } = checkWorkbook(sheets);
    expect(findings.filter((f) => f.rule === rule.id).map((f) => `${f.sheet}!${f.cell}`)).toContain(`${rule.example.sheet}!${rule.example.cell}`);
    expect(rule.help.length).toBeGreaterThan(20);
  });
});

test("all eleven new rules have examples", () => {
  expect(NEW_RULES.map((r) => r.id).sort()).toEqual(
    ["EVAL-ACTUAL-NO-UNIT", "EVAL-ACTUAL-UNQUANTIFIED", "EVAL-FUNDS-TOTAL", "EVAL-POINTS-SUM", "EVAL-RATE", "EVAL-SCORE-OVER", "EVAL-UNFILLED", "IND-LEVEL-SHIFT", "IND-UNIT-CONFLICT", "IND-UNKNOWN-NAME", "IND-VALUE-TYPE"].sort(),
  );
});
