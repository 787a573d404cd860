import { readFileSync } from "fs";
import path from "path";
import { RULES } from "../../src/core/catalogue";
import { checkWorkbook } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import { readWorkbookBytes } from "../../src/xlsx";
import { FixedCopy, fixWorkbookBytes } from "../../src/xlsx/fix";
import { exampleToXlsx } from "../support/example-xlsx";
import { sofficeConvert } from "../templates/support/libreoffice";

/**
 * Every promised fix, applied to its catalogue example written to .xlsx, recalculated by a real
 * spreadsheet engine (LibreOffice, forced to recalculate on load) and checked again: the rule is
 * gone and nothing new has appeared. The sample's `=SUM(E13,E15,E25)`, which left out the text
 * number and every row filled in later, is the case that made this test.
 */
const where = (f: Finding) => `${f.rule}@${f.sheet}!${f.cell}`;

interface Case {
  name: string;
  input: Uint8Array;
  before: Finding[];
  copy: FixedCopy;
  target?: string;
}

const cases: Case[] = [];
let recalculated: Finding[][] = [];

beforeAll(async () => {
  const inputs: { name: string; bytes: Uint8Array; target?: string }[] = [];
  for (const r of RULES.filter((rule) => rule.fix !== null))
    inputs.push({
      name: r.id,
      target: `${r.id}@${r.example.sheet}!${r.example.cell}`,
      bytes: new Uint8Array(await exampleToXlsx(r.example)),
    });
  inputs.push({ name: "sample", bytes: new Uint8Array(readFileSync(path.join(__dirname, "../../samples/示例预算表.xlsx"))) });
  for (const { name, bytes, target } of inputs) {
    const before = checkWorkbook((await readWorkbookBytes(bytes)).snapshots).findings;
    cases.push({ name, input: bytes, before, copy: await fixWorkbookBytes(bytes), target });
  }
  const paths = sofficeConvert(
    cases.map((c) => ({ name: `${c.name}.xlsx`, bytes: c.copy.bytes })),
    "xlsx",
    true,
  );
  recalculated = await Promise.all(
    paths.map(async (p) => checkWorkbook((await readWorkbookBytes(readFileSync(p))).snapshots).findings),
  );
}, 240000);

describe("fixes recalculated by LibreOffice", () => {
  it.each(RULES.filter((r) => r.fix !== null).map((r) => [r.id]))(
    "%s: its example's fix holds in a real engine, nothing new",
    (id) => {
      const i = cases.findIndex((c) => c.name === id);
      const c = cases[i];
      expect(c.copy.fixes.map((p) => p.rule)).toContain(id);
      const known = new Set(c.before.map(where));
      const after = recalculated[i].map(where);
      expect(after).not.toContain(c.target);
      expect(after.filter((w) => !known.has(w))).toEqual([]);
    },
  );

  test("the sample: every fix holds once recalculated, and only the findings no fix addresses remain", () => {
    const i = cases.findIndex((c) => c.name === "sample");
    const after = recalculated[i].map((f) => f.rule);
    for (const fixed of cases[i].copy.fixes) expect(after).not.toContain(fixed.rule);
    expect(recalculated[i].map(where)).toEqual(cases[i].copy.findingsAfter.map(where));
  });
});
