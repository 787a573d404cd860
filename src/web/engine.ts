import type { JsonSkippedSheet } from "../core/report-json";
import type { SheetReport } from "../core/check";
import type { PackageInfo } from "../core/package";
import type { Finding } from "../core/finding";
import type { Severity } from "../core/severity";
import type { ProgressListener } from "../core/progress";
import type { TemplateKind } from "../templates/catalog";
import type { PreviewWindow } from "./preview-window";

/**
 * What the page asks of the checker. The page runs it in a Web Worker (worker-client.ts) so a large
 * workbook never freezes it; tests run the same session in-process (session.ts).
 */
export interface CheckEngine {
  /** Reads the workbook and checks it; replaces any workbook opened before. */
  open(file: { name: string; bytes: ArrayBuffer }, tolerance: string, onProgress?: ProgressListener): Promise<CheckOutcome>;
  /**
   * Checks the open workbook again, with another rounding band; with `narrative`, the text pasted
   * in 「核对说明文字」 is kept and checked with every later check ("" forgets it).
   */
  recheck(tolerance: string, onProgress?: ProgressListener, narrative?: string): Promise<CheckOutcome>;
  /** 「与上年对比」: checks the open workbook against last year's, until uncompare() or another open(). */
  compare(file: { name: string; bytes: ArrayBuffer }, tolerance: string, onProgress?: ProgressListener): Promise<CheckOutcome>;
  /** Checks the open workbook on its own again. */
  uncompare(tolerance: string, onProgress?: ProgressListener): Promise<CheckOutcome>;
  /** The cells around a finding, as displayed. */
  preview(finding: Pick<Finding, "sheet" | "cell" | "related">): Promise<PreviewWindow | null>;
  /** The annotated copy of the open workbook, marking the given findings. */
  annotate(findings: Finding[], onProgress?: ProgressListener): Promise<AnnotatedCopy>;
  /**
   * The copy with every safe fix applied, as `--fix` writes it, and the cells it changes, so the page
   * can list them before the download. The ignored findings are not fixed.
   */
  fix(ignored: Finding[], onProgress?: ProgressListener): Promise<FixedCopyOffer>;
  /** A blank template workbook, as 「插入模板」 writes it. */
  template(kind: TemplateKind): Promise<Uint8Array>;
}

export interface CheckOutcome {
  sheets: Pick<SheetReport, "name" | "kind" | "note">[];
  findings: Finding[];
  /** Sheets not checked (hidden, or too large), as the command line's --json lists them. */
  skipped: JsonSkippedSheet[];
  /** One Chinese sentence per group of skipped sheets. */
  notes: string[];
  /** Each checked sheet's stated money unit (万元, 元…), where it states one. */
  units: Record<string, string>;
  /** What the standard tables state (year, unit, 编制单位) and, for a package, what it lacks (issue 20). */
  package?: PackageInfo;
  /** The file format read: an .xls is read too, and its annotated copy is an .xlsx. */
  format?: "xlsx" | "xls";
  /** Set while the workbook is compared with last year's: that file and the tables both hold. */
  compared?: { file: string; tables: string[] };
}

/** What `--annotate` writes, as bytes, with what it did. */
export interface AnnotatedCopy {
  bytes: Uint8Array;
  marked: number;
  notes: number;
  resultSheet: string;
  /** The copy keeps the workbook's macros and must be saved as .xlsm. */
  macroEnabled: boolean;
  /** The workbook was an .xls: the copy is a new .xlsx holding its cells, without its fonts, fills and borders. */
  fromXls?: boolean;
}

/** One cell a fixed copy changes: where, what it held and holds, and the rule that asked. */
export interface FixedCell {
  sheet: string;
  cell: string;
  before: string;
  after: string;
  rule: Finding["rule"];
}

/** What `--fix` writes, as bytes, with the cells it changed, the fixes refused and the counts after. */
export interface FixedCopyOffer {
  bytes: Uint8Array;
  macroEnabled: boolean;
  cells: FixedCell[];
  refused: { sheet: string; cell: string; rule: Finding["rule"]; reason: string }[];
  countsAfter: Record<Severity, number>;
}

/** A failure the user can act on, with the command line's own one-line Chinese message. */
export class EngineError extends Error {
  constructor(
    message: string,
    /** The reader's code ("not-xlsx", "corrupt", "encrypted"…), or "internal". */
    readonly code: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}
