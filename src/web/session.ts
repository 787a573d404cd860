import { checkWorkbook } from "../core/check";
import { withLastYear } from "../core/compare";
import type { SheetSnapshot } from "../core/snapshot";
import { toleranceProblem } from "../core/tolerance";
import { PASTED_NARRATIVE } from "../core/narrative/sources";
import type { Finding } from "../core/finding";
import type { TemplateKind } from "../templates/catalog";
import {
  AnnotateError,
  AnyWorkbookRead,
  WorkbookReadError,
  annotatableBytes,
  annotateWorkbookBytes,
  readAnyWorkbookBytes,
  skippedSheets,
} from "../xlsx";
import type { ProgressListener } from "../core/progress";
import { countBySeverity } from "../core/results-table";
import { fixWorkbookBytes, writtenCells } from "../xlsx/fix";
import { AnnotatedCopy, CheckEngine, CheckOutcome, EngineError, FixedCopyOffer } from "./engine";
import { PreviewWindow, previewWindow } from "./preview-window";

interface OpenWorkbook {
  name: string;
  bytes: Uint8Array;
  read: AnyWorkbookRead;
}

/** Last year's workbook chosen for 「与上年对比」: its name and sheets (its bytes are not kept). */
interface LastYear {
  name: string;
  snapshots: SheetSnapshot[];
}

/**
 * The checker for one page: the command line's reader and the core, holding the open workbook's
 * bytes and snapshots so that re-checks, previews and the annotated copy need no second read.
 * Runs inside the page's Web Worker; nothing here touches the DOM.
 */
export class CheckSession implements CheckEngine {
  private workbook: OpenWorkbook | null = null;
  /** The 说明 pasted in 「核对说明文字」: checked with the workbook, the one open now and the next. */
  private narrative = "";
  /** The band of the last check, which the fixed copy's checks use too. */
  private tolerance: string | undefined;
  private lastYear: LastYear | null = null;

  async open(
    file: { name: string; bytes: ArrayBuffer },
    tolerance: string,
    onProgress?: ProgressListener,
  ): Promise<CheckOutcome> {
    this.workbook = null;
    this.lastYear = null;
    onProgress?.("read", 0, 0);
    const bytes = new Uint8Array(file.bytes);
    // As the command line does by default: hidden sheets are skipped and named, like in the add-in.
    const read = await readOrSay(bytes, file.name);
    this.workbook = { name: file.name, bytes, read };
    onProgress?.("read", read.snapshots.length, read.snapshots.length);
    return this.check(tolerance, onProgress);
  }

  async recheck(tolerance: string, onProgress?: ProgressListener, narrative?: string): Promise<CheckOutcome> {
    if (narrative !== undefined) this.narrative = narrative;
    return this.check(tolerance, onProgress);
  }

  /** 「与上年对比」: last year's workbook, read with the same reader, against the open one. */
  async compare(
    file: { name: string; bytes: ArrayBuffer },
    tolerance: string,
    onProgress?: ProgressListener,
  ): Promise<CheckOutcome> {
    this.opened();
    onProgress?.("read", 0, 0);
    // Hidden sheets count: last year's figures may sit on a sheet its author hid.
    const read = await readOrSay(new Uint8Array(file.bytes), file.name, true);
    this.lastYear = { name: file.name, snapshots: read.snapshots };
    return this.check(tolerance, onProgress);
  }

  /** Drops last year's workbook: the open one is checked on its own again. */
  async uncompare(tolerance: string, onProgress?: ProgressListener): Promise<CheckOutcome> {
    this.lastYear = null;
    return this.check(tolerance, onProgress);
  }

  async preview(finding: Pick<Finding, "sheet" | "cell" | "related">): Promise<PreviewWindow | null> {
    const snapshot = this.workbook?.read.snapshots.find((s) => s.name === finding.sheet);
    return snapshot ? previewWindow(snapshot, finding) : null;
  }

  /** The command line's --annotate copy, written by the same patcher from the bytes of the opened file. */
  async annotate(findings: Finding[], onProgress?: ProgressListener): Promise<AnnotatedCopy> {
    const { bytes, name, read } = this.opened();
    onProgress?.("paint", 0, 1);
    try {
      // An .xls is copied into a new .xlsx (annotatableBytes): the copy is always an .xlsx.
      const copy = await annotateWorkbookBytes(await annotatableBytes(bytes, name), findings);
      onProgress?.("paint", 1, 1);
      return {
        bytes: copy.bytes,
        marked: copy.marked,
        notes: copy.notes,
        resultSheet: copy.resultSheet,
        macroEnabled: copy.macroEnabled,
        fromXls: read.format === "xls",
      };
    } catch (error) {
      if (error instanceof WorkbookReadError) throw new EngineError(error.message, error.kind);
      if (error instanceof AnnotateError) throw new EngineError(error.message, "annotate");
      throw internalError(error);
    }
  }

  /** The command line's --fix copy: the same planners and patcher, from the bytes of the opened file. */
  async fix(ignored: Finding[], onProgress?: ProgressListener): Promise<FixedCopyOffer> {
    const { bytes, name } = this.opened();
    // A re-check numbers its findings afresh: an ignored finding is known by its rule and place.
    const key = (f: Pick<Finding, "rule" | "sheet" | "cell">) => `${f.rule}|${f.sheet}|${f.cell}`;
    const skipped = new Set(ignored.map(key));
    onProgress?.("paint", 0, 1);
    try {
      // As the annotated copy: an .xls is fixed in a new .xlsx.
      const copy = await fixWorkbookBytes(await annotatableBytes(bytes, name), {
        tolerance: this.tolerance,
        skip: (f) => skipped.has(key(f)),
      });
      onProgress?.("paint", 1, 1);
      return {
        bytes: copy.bytes,
        macroEnabled: copy.macroEnabled,
        cells: writtenCells(copy).map(({ rule, write }) => ({
          sheet: write.sheet,
          cell: write.cell,
          before: write.beforeText,
          after: write.afterText,
          rule,
        })),
        refused: copy.refused.map(({ finding, refusal }) => ({
          sheet: finding.sheet,
          cell: finding.cell,
          rule: finding.rule,
          reason: refusal.refused,
        })),
        countsAfter: countBySeverity(copy.findingsAfter),
      };
    } catch (error) {
      if (error instanceof WorkbookReadError) throw new EngineError(error.message, error.kind);
      if (error instanceof AnnotateError) throw new EngineError(error.message.replace("标注副本", "修复副本"), "annotate");
      throw internalError(error);
    }
  }

  async template(kind: TemplateKind): Promise<Uint8Array> {
    // exceljs (about 250 KB gzipped) only writes templates: checking a file never fetches it.
    const { buildTemplateWorkbook } = await import("../templates/xlsx-writer");
    return buildTemplateWorkbook([kind]);
  }

  private check(tolerance: string, onProgress?: ProgressListener): CheckOutcome {
    const { read } = this.opened();
    this.tolerance = tolerance;
    const { snapshots, hidden, tooLarge, notes } = read;
    onProgress?.("check", 0, snapshots.length);
    let result;
    let comparedTables: string[] | undefined;
    try {
      const narrative = this.narrative.trim() ? { narrative: { name: PASTED_NARRATIVE, text: this.narrative } } : {};
      result = checkWorkbook(snapshots, {
        tolerance,
        onProgress: (done, total) => onProgress?.("check", done, total),
        ...narrative,
      });
      if (this.lastYear) {
        const compared = withLastYear(result, snapshots, this.lastYear.snapshots, {
          lastFile: this.lastYear.name,
          tolerance,
          ...narrative,
        });
        result = compared;
        comparedTables = compared.comparedTables;
      }
    } catch (error) {
      if (error instanceof RangeError)
        throw new EngineError(toleranceProblem(tolerance) ?? "容差必须是非负数字，例如 0.01。", "tolerance");
      throw internalError(error);
    }
    return {
      sheets: result.sheets.map(({ name, kind, note }) => ({ name, kind, ...(note ? { note } : {}) })),
      findings: result.findings,
      // Named the command line's way: its --json `skipped` and the sentences it prints about them.
      skipped: skippedSheets({ hidden, tooLarge }),
      notes,
      // The core reports each sheet's stated unit with its check; nothing needs to detect it again.
      units: Object.fromEntries(result.sheets.flatMap((s) => (s.unit ? [[s.name, s.unit]] : []))),
      ...(result.package ? { package: result.package } : {}),
      format: read.format,
      ...(this.lastYear && comparedTables ? { compared: { file: this.lastYear.name, tables: comparedTables } } : {}),
    };
  }

  private opened(): OpenWorkbook {
    if (!this.workbook) throw new EngineError("请先打开一个 Excel 文件。", "no-file");
    return this.workbook;
  }
}

/** Reads a workbook of either format, a failure in the reader's own words. */
async function readOrSay(bytes: Uint8Array, name: string, includeHidden = false): Promise<AnyWorkbookRead> {
  try {
    return await readAnyWorkbookBytes(bytes, name, { includeHidden });
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new EngineError(error.message, error.kind);
    throw internalError(error);
  }
}

/** The command line's wording for a fault inside the checker; the raw reason is for diagnosis only. */
export function internalError(error: unknown): EngineError {
  const reason = error instanceof Error ? error.message : String(error);
  return new EngineError(`内部错误：检查未能完成（${reason}）。请把此信息和文件反馈给维护者。`, "internal");
}
