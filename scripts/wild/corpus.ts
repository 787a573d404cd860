/**
 * The wild corpus as data: the sheet specs and manifest entries built from the source texts, shared by
 * build.ts (which writes them) and test/wild/corpus.test.ts (which checks the committed files against them).
 */
import { relative } from "path";
import { FxCell, SheetSpec } from "../fixtures/grid";
import { ROOT, workbookPath } from "./identities";
import { SourceSheet, WildSource } from "./source";

export interface ManifestEntry {
  file: string;
  province: string;
  source: string;
  kind: string;
  defects: { sheet: string; cell: string; min: "info" | "warning" | "error"; why: string }[];
  quiet: string[];
}

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

export function sheetSpec(sheet: SourceSheet): SheetSpec {
  if (sheet.name.length > 31 || INVALID_SHEET_NAME.test(sheet.name))
    throw new Error(`sheet name not allowed in Excel: ${sheet.name}`);
  const rows: FxCell[][] = sheet.rows.map((row) => row.map((c) => (c.v === null ? null : c.fmt ? { v: c.v, fmt: c.fmt } : c.v)));
  return { name: sheet.name, rows, merges: sheet.merges.map((m) => ({ ...m })), widths: sheet.widths };
}

export function manifestEntry(source: WildSource): ManifestEntry {
  return {
    file: relative(ROOT, workbookPath(source)).split("\\").join("/"),
    province: source.meta.PROVINCE,
    source: source.meta.SOURCE,
    kind: source.meta.KIND,
    defects: source.defects.map((d) => ({ sheet: d.sheet, cell: d.cell, min: d.min, why: d.why })),
    quiet: [...source.quiet],
  };
}
