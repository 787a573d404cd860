import { checkWorkbook } from "../core/check";
import type { Finding } from "../core/finding";
import type { SheetSnapshot } from "../core/snapshot";
import { WorkbookReadError } from "../cli/xlsx-errors";
import type { TemplateKind } from "../templates/catalog";
import { buildTemplateWorkbook } from "../templates/xlsx-writer";
import { CheckEngine, CheckOutcome, EngineError, ProgressListener } from "./engine";
import { PreviewWindow, previewWindow } from "./preview-window";
import { readWorkbookBytes } from "./read-workbook";

interface OpenWorkbook {
  name: string;
  bytes: Uint8Array;
  snapshots: SheetSnapshot[];
}

/**
 * The checker for one page: the command line's reader and the core, holding the open workbook's
 * bytes and snapshots so that re-checks, previews and the annotated copy need no second read.
 * Runs inside the page's Web Worker; nothing here touches the DOM.
 */
export class CheckSession implements CheckEngine {
  private workbook: OpenWorkbook | null = null;

  async open(file: { name: string; bytes: ArrayBuffer }, tolerance: string, onProgress?: ProgressListener): Promise<CheckOutcome> {
    this.workbook = null;
    onProgress?.("read", 0, 0);
    const bytes = new Uint8Array(file.bytes);
    let snapshots: SheetSnapshot[];
    try {
      snapshots = await readWorkbookBytes(bytes, file.name);
    } catch (error) {
      if (error instanceof WorkbookReadError) throw new EngineError(error.message, error.code);
      throw internal(error);
    }
    this.workbook = { name: file.name, bytes, snapshots };
    onProgress?.("read", snapshots.length, snapshots.length);
    return this.check(tolerance, onProgress);
  }

  async recheck(tolerance: string, onProgress?: ProgressListener): Promise<CheckOutcome> {
    return this.check(tolerance, onProgress);
  }

  async preview(finding: Pick<Finding, "sheet" | "cell" | "related">): Promise<PreviewWindow | null> {
    const snapshot = this.workbook?.snapshots.find((s) => s.name === finding.sheet);
    return snapshot ? previewWindow(snapshot, finding) : null;
  }

  async annotate(_findings: Finding[], _onProgress?: ProgressListener): Promise<Uint8Array> {
    this.opened();
    throw new EngineError("标注副本暂不可用。", "internal");
  }

  async template(kind: TemplateKind): Promise<Uint8Array> {
    return buildTemplateWorkbook([kind]);
  }

  private check(tolerance: string, onProgress?: ProgressListener): CheckOutcome {
    const { snapshots } = this.opened();
    onProgress?.("check", 0, snapshots.length);
    let result;
    try {
      result = checkWorkbook(snapshots, { tolerance, onProgress: (done, total) => onProgress?.("check", done, total) });
    } catch (error) {
      if (error instanceof RangeError) throw new EngineError("容差必须是非负数字，例如 0.01。", "tolerance");
      throw internal(error);
    }
    return { sheets: result.sheets.map(({ name, kind, note }) => ({ name, kind, ...(note ? { note } : {}) })), findings: result.findings };
  }

  private opened(): OpenWorkbook {
    if (!this.workbook) throw new EngineError("请先打开一个 Excel 文件。", "no-file");
    return this.workbook;
  }
}

/** The command line's wording for a fault inside the checker; the raw reason is for diagnosis only. */
function internal(error: unknown): EngineError {
  const reason = error instanceof Error ? error.message : String(error);
  return new EngineError(`内部错误：检查未能完成（${reason}）。请把此信息和文件反馈给维护者。`, "internal");
}
