import JSZip from "jszip";
import { parseA1 } from "../core/address";
import { Finding } from "../core/finding";
import { ruleName } from "../core/results-table";
import { SEVERITY_LABEL } from "../core/severity";
import { planMarks } from "../core/mark-layout";
import { asBytes } from "./errors";
import { addMarkStyles, addMinimalStyles, addMarks, removeOldMarks } from "./marks";
import { hasCopyMarker, writeCopyMarker } from "./marker";
import { addNotes, commentedCells, removeOwnNotes } from "./notes";
import { AnnotateError, PackageText, REL, declaresMacros, workbookSheets } from "./package";
import { ownResultsSheets } from "./own-results";
import { addResultsSheet, replaceResultsSheet } from "./results-sheet";
import { intoSchemaOrder, parseWorksheet } from "./sheet-order";
import { MalformedPartError } from "./xml";
import { InflateLimitError } from "./zip/inflate";

export { AnnotateError } from "./package";
export { COPY_MARKER_NAMESPACE } from "./marker";

export interface AnnotateResult {
  /** The annotated copy: the input package with only the parts the marks need changed. */
  bytes: Uint8Array;
  /** Cells that got a mark. */
  marked: number;
  /** Notes added (cells that already had a note or threaded comment keep theirs). */
  notes: number;
  /** The name the results sheet got (「检查结果」 unless taken). */
  resultSheet: string;
  /** The workbook holds macros (.xlsm): the copy keeps them and needs the .xlsm extension. */
  macroEnabled: boolean;
}

/** The note text of one cell: one line per finding, its rule named in Chinese with the id beside it. */
export function noteText(findings: Finding[]): string {
  return findings.map((f) => `【${SEVERITY_LABEL[f.severity]}】${ruleName(f.rule)}：${f.message}`).join("\n");
}

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    throw new AnnotateError("工作簿的压缩包已损坏，无法写出标注副本，请在 Excel 中打开并另存为 .xlsx 后重试");
  }
}

/**
 * Writes the annotated copy by patching the original package: marks as conditional formats with
 * the add-in's marker formula, a note on each flagged cell that has none, a 「检查结果」 sheet and a
 * marker part. Every other part keeps its bytes. No file system: bytes in, bytes out.
 * Throws AnnotateError (Chinese) for a package it cannot patch; nothing partial is ever returned.
 */
export async function annotateWorkbookBytes(
  data: Uint8Array | ArrayBuffer,
  findings: readonly Finding[],
): Promise<AnnotateResult> {
  const zip = await openZip(asBytes(data));
  const pkg = new PackageText(zip);
  try {
    return await patch(pkg, findings);
  } catch (e) {
    throw asAnnotateError(e);
  }
}

/** What the patcher met in the input, in Chinese; anything else is a fault of ours and stays as it is. */
function asAnnotateError(e: unknown): unknown {
  if (e instanceof InflateLimitError)
    return new AnnotateError("工作簿解压后过大，可能不是正常的工作簿，无法写出标注副本（原文件未改动）");
  if (!(e instanceof MalformedPartError)) return e;
  const where = e.part ? `中的部件 ${e.part} 不是合法的 XML` : "的内部结构不符合预期";
  return new AnnotateError(`工作簿${where}，无法写出标注副本（原文件未改动）；请在 Excel 中打开并另存为 .xlsx 后重试`);
}

async function patch(pkg: PackageText, findings: readonly Finding[]): Promise<AnnotateResult> {
  const { workbookPart, sheets: all } = await workbookSheets(pkg);
  const stylesRel = (await pkg.relationships(workbookPart)).find((r) => r.type === REL.styles && !r.external)?.part;
  const existingStyles = stylesRel && (await pkg.read(stylesRel)) !== null ? stylesRel : undefined;
  // An earlier copy's own 检查结果 sheet gets no marks; the last one is rewritten with these findings.
  const own = await ownResultsSheets(pkg, workbookPart, all);
  const sheets = all.filter((s) => !own.includes(s));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const targets = findings.filter((f) => byName.get(f.sheet)?.part && parseA1(f.cell));
  const plan = planMarks(
    [...targets],
    sheets.map((s) => s.name),
  );
  // Marks need a styles part for their fills; a package without one (Excel's defaults) gets a minimal one.
  const stylesPart = existingStyles ?? (plan.length ? await addMinimalStyles(pkg, workbookPart, stylesRel) : undefined);
  const dxfIds = stylesPart ? await addMarkStyles(pkg, stylesPart) : { error: 0, warning: 0, info: 0 };

  let marked = 0;
  let notes = 0;
  // In an earlier copy of ours, our own notes are replaced along with the marks.
  const earlierCopy = await hasCopyMarker(pkg);
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    const sheetPlan = plan.filter((p) => p.sheet === sheet.name);
    const original = await pkg.read(sheet.part);
    if (original === null) continue;
    if (sheetPlan.length === 0 && !original.includes("budget-check:")) continue;
    const { prefix } = parseWorksheet(original);
    let xml = addMarks(intoSchemaOrder(removeOldMarks(original)), prefix, sheetPlan, dxfIds);
    marked += sheetPlan.reduce((n, p) => n + p.cells, 0);

    const byCell = new Map<string, Finding[]>();
    for (const f of targets) if (f.sheet === sheet.name) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
    if (earlierCopy) await removeOwnNotes(pkg, sheet.part, xml);
    const taken = await commentedCells(pkg, sheet.part);
    const wanted = new Map([...byCell].filter(([cell]) => !taken.has(cell)).map(([cell, list]) => [cell, noteText(list)]));
    const withNotes = await addNotes(pkg, { sheetPart: sheet.part, sheetXml: xml, notes: wanted });
    xml = withNotes.sheetXml;
    notes += withNotes.added;
    pkg.write(sheet.part, xml);
  }

  const earlier = own[own.length - 1];
  const results = earlier
    ? await replaceResultsSheet(pkg, workbookPart, earlier, all.indexOf(earlier), findings, stylesPart)
    : await addResultsSheet(
        pkg,
        workbookPart,
        all.map((s) => s.name),
        findings,
        stylesPart,
      );
  await writeCopyMarker(pkg, workbookPart, results.sheetId);
  const macroEnabled = declaresMacros((await pkg.read("[Content_Types].xml")) ?? "");
  pkg.flush();
  const bytes = await pkg.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { bytes, marked, notes, resultSheet: results.name, macroEnabled };
}

/** True when the bytes are a copy this tool wrote (it carries the marker part), so it may be replaced. */
export async function isAnnotatedCopy(data: Uint8Array | ArrayBuffer): Promise<boolean> {
  try {
    return await hasCopyMarker(new PackageText(await JSZip.loadAsync(asBytes(data))));
  } catch {
    return false;
  }
}
