import JSZip from "jszip";
import { checkWorkbook } from "../core/check";
import type { Finding } from "../core/finding";
import { CellContent, CellWrite, FixHost, FixPlan, FixRefusal, PLANNED_RULES, fixOutcome, isRefusal } from "../core/fixes";
import { SheetView } from "../core/snapshot";
import { CellPatch, cellStyleIndex, patchSheetCells } from "./cell-patch";
import { CellFormats } from "./cell-styles";
import { asBytes } from "./errors";
import { AnnotateError, PackageText, REL, declaresMacros, workbookSheets } from "./package";
import { readWorkbookBytes } from "./read";
import { MalformedPartError, scanRoot, splice } from "./xml";

export interface FixedCopy {
  /** The input package with only the fixed sheets, styles.xml (new formats) and workbook.xml (recalculate on open) changed. */
  bytes: Uint8Array;
  /** The fixes applied, in the order they were written. */
  fixes: FixPlan[];
  /** Findings whose rule has a fix that was refused here as unsafe, with the reason. */
  refused: { finding: Finding; refusal: FixRefusal }[];
  /** The copy's findings once fixed (the copy re-read and re-checked). */
  findingsAfter: Finding[];
  macroEnabled: boolean;
}

export interface FixOptions {
  tolerance?: string;
  includeHidden?: boolean;
  /** Findings the user chose to ignore are not fixed. */
  skip?: (finding: Finding) => boolean;
  /** The fixes this host applies (default: every planner, as the pane). */
  host?: FixHost;
}

/**
 * A fix can bring to light the next total up a tree (a parent typed equal to a child's wrong
 * figure), or unlock one that waited (收入总计 after 本年收入合计): the copy is re-read, re-checked
 * and fixed again, a few rounds at most.
 */
const MAX_ROUNDS = 3;

/**
 * The workbook with every safe fix applied: the fixes the pane offers, planned by the same code
 * (src/core/fixes) and written into the original package the way the annotated copy is, so every
 * other part keeps its bytes. Bytes in, bytes out: the command line's --fix and the page's
 * 「下载修复副本」 share it. Throws AnnotateError (Chinese) for a package it cannot patch.
 */
export async function fixWorkbookBytes(data: Uint8Array | ArrayBuffer, options: FixOptions = {}): Promise<FixedCopy> {
  let bytes = asBytes(data);
  const fixes: FixPlan[] = [];
  const skip = options.skip ?? (() => false);
  let refused: FixedCopy["refused"] = [];
  let findings: Finding[] = [];
  for (let round = 0; ; round++) {
    const read = await readWorkbookBytes(bytes, "工作簿", { includeHidden: options.includeHidden });
    findings = checkWorkbook(read.snapshots, { tolerance: options.tolerance }).findings;
    const views = new Map(read.snapshots.map((s) => [s.name, new SheetView(s)]));
    const plans: FixPlan[] = [];
    refused = [];
    for (const finding of findings) {
      const view = views.get(finding.sheet);
      if (!view || skip(finding)) continue;
      const outcome = fixOutcome(finding, view, options.host ?? PLANNED_RULES);
      if (isRefusal(outcome)) refused.push({ finding, refusal: outcome });
      else if (outcome) plans.push(outcome);
    }
    const chosen = withoutConflicts(plans);
    if (chosen.length === 0 || round === MAX_ROUNDS) break;
    bytes = await writeCells(
      bytes,
      chosen.flatMap((p) => p.writes),
    );
    fixes.push(...chosen);
  }
  const macroEnabled = declaresMacros((await (await JSZip.loadAsync(bytes)).file("[Content_Types].xml")?.async("string")) ?? "");
  return { bytes, fixes, refused, findingsAfter: findings, macroEnabled };
}

/**
 * The cells a fixed copy changed, once each, with the rule that asked: a cell two fixes write the
 * same way (a text number both BAL-SPEND and CELL-TEXTNUM convert) is listed once. What the
 * command line prints and the page lists before its download.
 */
export function writtenCells(copy: Pick<FixedCopy, "fixes">): { rule: Finding["rule"]; write: CellWrite }[] {
  const seen = new Set<string>();
  return copy.fixes.flatMap((plan) =>
    plan.writes
      .filter((w) => !seen.has(`${w.sheet}!${w.cell}`) && seen.add(`${w.sheet}!${w.cell}`))
      .map((write) => ({ rule: plan.rule, write })),
  );
}

const sameContent = (a: CellContent, b: CellContent) =>
  a.formula === b.formula && (a.formula !== "" || a.value === b.value) && a.numberFormat === b.numberFormat;

/**
 * The plans of one round that can be written together: two fixes that write one cell the same way
 * (BAL-SPEND converting a text number that CELL-TEXTNUM converts too) share the write; a plan that
 * would write a cell differently waits for the next round, re-planned on the cells as they are then.
 */
function withoutConflicts(plans: FixPlan[]): FixPlan[] {
  const written = new Map<string, CellContent>();
  const out: FixPlan[] = [];
  for (const plan of plans) {
    const key = (w: CellWrite) => `${w.sheet}!${w.cell}`;
    if (plan.writes.some((w) => written.has(key(w)) && !sameContent(written.get(key(w))!, w.after))) continue;
    for (const w of plan.writes) written.set(key(w), w.after);
    out.push(plan);
  }
  return out;
}

/** Writes cells into the package: the sheets they are on, new cell formats, and recalculation on open. */
async function writeCells(bytes: Uint8Array, writes: CellWrite[]): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new AnnotateError("工作簿的压缩包已损坏，无法写出修复副本，请在 Excel 中打开并另存为 .xlsx 后重试");
  }
  const pkg = new PackageText(zip);
  try {
    const { workbookPart, sheets } = await workbookSheets(pkg);
    const stylesPart = (await pkg.relationships(workbookPart)).find((r) => r.type === REL.styles && !r.external)?.part;
    const formats = new CellFormats(pkg, stylesPart);
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
    for (const [name, list] of bySheet) {
      const part = sheets.find((s) => s.name === name)?.part;
      if (!part) throw new AnnotateError(`找不到工作表「${name}」，无法写出修复副本`);
      const xml = await pkg.need(part);
      const done = new Set<string>();
      const patches: CellPatch[] = [];
      for (const w of list) {
        if (done.has(w.cell)) continue;
        done.add(w.cell);
        patches.push(await cellPatch(xml, w, formats));
      }
      pkg.write(part, patchSheetCells(xml, patches));
    }
    await recalculateOnOpen(pkg, workbookPart);
  } catch (e) {
    if (!(e instanceof MalformedPartError)) throw e;
    throw new AnnotateError(
      "工作簿的内部结构不符合预期，无法写出修复副本（原文件未改动）；请在 Excel 中打开并另存为 .xlsx 后重试",
    );
  }
  pkg.flush();
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

async function cellPatch(sheetXml: string, w: CellWrite, formats: CellFormats): Promise<CellPatch> {
  const { after } = w;
  const style =
    after.numberFormat === undefined
      ? undefined
      : await formats.withNumberFormat(cellStyleIndex(sheetXml, w.cell), after.numberFormat);
  if (after.formula)
    return {
      cell: w.cell,
      content: { formula: after.formula, result: typeof after.value === "number" ? after.value : null },
      style,
    };
  if (typeof after.value === "number") return { cell: w.cell, content: { number: after.value }, style };
  if (typeof after.value === "string") return { cell: w.cell, content: { text: after.value }, style };
  throw new AnnotateError(`修复副本不能写入这种内容：${w.description}`);
}

/**
 * Formulas elsewhere may read a cell a fix changed (a text number now a number), and their cached
 * results are the old ones: `fullCalcOnLoad` makes Excel, WPS and LibreOffice compute them afresh.
 */
async function recalculateOnOpen(pkg: PackageText, workbookPart: string): Promise<void> {
  const xml = await pkg.need(workbookPart);
  const { root, children } = scanRoot(xml);
  const calcPr = children.find((c) => c.local === "calcPr");
  if (calcPr) {
    const tag = xml.slice(calcPr.start, xml.indexOf(">", calcPr.start) + 1);
    const next = /\sfullCalcOnLoad\s*=/.test(tag)
      ? tag.replace(/(\sfullCalcOnLoad\s*=\s*)(?:"[^"]*"|'[^']*')/, '$1"1"')
      : tag.replace(/^(<[\w.:-]+)/, '$1 fullCalcOnLoad="1"');
    pkg.write(workbookPart, splice(xml, calcPr.start, tag.length, next));
    return;
  }
  // calcPr follows sheets, functionGroups, externalReferences and definedNames; it precedes the rest.
  const later = children.find((c) =>
    [
      "oleSize",
      "customWorkbookViews",
      "pivotCaches",
      "smartTagPr",
      "smartTagTypes",
      "webPublishing",
      "fileRecoveryPr",
      "webPublishObjects",
      "extLst",
    ].includes(c.local),
  );
  const p = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  const at = later ? later.start : xml.lastIndexOf("</", root.end - 1);
  pkg.write(workbookPart, splice(xml, at, 0, `<${p}calcPr fullCalcOnLoad="1"/>`));
}
