import { readFileSync, readdirSync } from "fs";
import { basename, join } from "path";
import { checkWorkbook } from "../../src/core/check";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { isXlsBytes, readAnyWorkbookBytes } from "../../src/xlsx/read-any";
import { sofficeConvert } from "../templates/support/libreoffice";

/**
 * Issue 21: an .xls (BIFF8) is read into the same snapshots as the .xlsx. Every committed fixture is
 * saved as .xls by LibreOffice and must give exactly the findings its .xlsx gives, sentence for sentence.
 */
const FIXTURES = join(__dirname, "..", "fixtures");
const files = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(FIXTURES, f)),
  ...readdirSync(join(FIXTURES, "planted")).map((f) => join(FIXTURES, "planted", f)),
];

describe("an .xls saved by LibreOffice from every fixture", () => {
  let xls: Buffer[] = [];
  beforeAll(() => {
    const converted = sofficeConvert(
      files.map((f) => ({ name: basename(f), bytes: readFileSync(f) })),
      "xls",
    );
    xls = converted.map((p) => readFileSync(p));
  }, 240_000);

  it("covers every fixture", () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
    expect(xls.every(isXlsBytes)).toBe(true);
  });

  it.each(files.map((f, i) => [basename(f), i] as const))(
    "%s gives the same sheets and findings as its .xlsx",
    async (name, i) => {
      const a = await readWorkbookBytes(readFileSync(files[i]), name, { includeHidden: true });
      const b = await readAnyWorkbookBytes(xls[i], name.replace(/x$/, ""), { includeHidden: true });
      expect(b.format).toBe("xls");
      const ra = checkWorkbook(a.snapshots);
      const rb = checkWorkbook(b.snapshots);
      expect(rb.sheets).toEqual(ra.sheets);
      // Formulas come across too (FORMULA-* rules read them): the same cells hold the same formulas.
      // Except a formula that is nothing but an error (`=#REF!`): its BIFF token comes back as
      // `=#N/A`; the cell's value is #REF! in both, and that is what CELL-ERROR reads.
      const formulas = (r: typeof a) =>
        r.snapshots.flatMap((s) => s.formulas.flat().filter((f) => f !== "" && !/^=#[A-Z/0!?]+$/.test(f)));
      expect(formulas(b)).toEqual(formulas(a));
      const seen = (r: typeof ra) =>
        r.findings.map(({ id, rule, severity, sheet, cell, related, message, expected, actual }) => ({
          id,
          rule,
          severity,
          sheet,
          cell,
          related,
          message,
          expected,
          actual,
        }));
      expect(seen(rb)).toEqual(seen(ra));
    },
  );
});
