import { readFileSync, readdirSync, statSync } from "fs";
import path from "path";
import { readWorkbookBytes } from "../../src/xlsx/read";
import { readWithExceljs } from "../support/exceljs-reader";
import { exceljsRichWorkbook, withExcelOnlyParts } from "./support/rich-workbook";

/**
 * The part scanner must read every committed workbook exactly as the full exceljs model did:
 * the same sheets, values, display texts, formulas (shared ones expanded), formats and merges.
 */
const root = path.join(__dirname, "..", "fixtures");

function workbooks(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return workbooks(p);
    return /\.xls[xm]$/.test(name) && !name.startsWith("~$") ? [p] : [];
  });
}

const files = workbooks(root);

test("there are fixtures to compare", () => {
  expect(files.length).toBeGreaterThan(15);
});

test.each(files.map((f) => [path.relative(root, f), f]))("%s reads as exceljs read it", async (_label, file) => {
  const bytes = new Uint8Array(readFileSync(file));
  const ours = await readWorkbookBytes(bytes, "t", { includeHidden: true });
  const reference = await readWithExceljs(bytes, "t", { includeHidden: true });
  expect(ours).toEqual(reference);
});

test("a workbook dressed as accountants' files are (notes, images, tables, validation, macros) reads the same", async () => {
  const bytes = await withExcelOnlyParts(await exceljsRichWorkbook(), { macros: true });
  expect(await readWorkbookBytes(bytes, "t", { includeHidden: true })).toEqual(
    await readWithExceljs(bytes, "t", { includeHidden: true }),
  );
});
