import { Finding } from "../../src/core/finding";
import { SheetSnapshot } from "../../src/core/snapshot";
import { AddinSettings, DEFAULT_SETTINGS, GatewayError, ReadResult, WorkbookGateway } from "../../src/excel/gateway";
import { TemplateKind } from "../../src/templates/catalog";

type Method = keyof WorkbookGateway;

/**
 * An in-memory WorkbookGateway over literal snapshots, recording what the pane asked of it.
 * `failNext` makes one call throw a GatewayError; `holdReads` keeps readSheets pending until
 * `releaseReads()` so a test can look at the pane mid-check.
 */
export class FakeGateway implements WorkbookGateway {
  settings: AddinSettings = { ...DEFAULT_SETTINGS, ignored: [] };
  /** Cells marked per sheet, as the last paint left them. */
  marks = new Map<string, Finding[]>();
  selections: { sheet: string; cell: string }[] = [];
  savedSettings: AddinSettings[] = [];
  inserted: TemplateKind[] = [];
  appended = 0;
  calls: Method[] = [];
  private failures = new Map<Method, GatewayError>();
  private held: (() => void)[] = [];
  private holding = false;

  constructor(
    private sheets: SheetSnapshot[],
    private activeSheet = sheets[0]?.name ?? "",
  ) {}

  failNext(method: Method, error: GatewayError): void {
    this.failures.set(method, error);
  }

  holdReads(): void {
    this.holding = true;
  }

  releaseReads(): void {
    this.holding = false;
    this.held.splice(0).forEach((resume) => resume());
  }

  private enter(method: Method): void {
    this.calls.push(method);
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }

  async readSheets(scope: "active" | "all", onProgress?: (done: number, total: number, sheet: string) => void): Promise<ReadResult> {
    this.enter("readSheets");
    const picked = scope === "all" ? this.sheets : this.sheets.filter((s) => s.name === this.activeSheet);
    if (this.holding) {
      onProgress?.(0, picked.length, picked[0]?.name ?? "");
      await new Promise<void>((resume) => this.held.push(resume));
    }
    picked.forEach((s, i) => onProgress?.(i + 1, picked.length, s.name));
    return { snapshots: picked.map((s) => JSON.parse(JSON.stringify(s)) as SheetSnapshot), problems: [] };
  }

  async paint(findings: Finding[], sheets: string[]) {
    this.enter("paint");
    for (const name of sheets) this.marks.set(name, findings.filter((f) => f.sheet === name));
    return { count: findings.length, problems: [] };
  }

  async clearMarks() {
    this.enter("clearMarks");
    let count = 0;
    for (const list of this.marks.values()) count += list.length;
    this.marks.clear();
    return { count, problems: [] };
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.enter("select");
    this.activeSheet = sheet;
    this.selections.push({ sheet, cell });
  }

  async loadSettings(): Promise<AddinSettings> {
    this.enter("loadSettings");
    return { ...this.settings, ignored: [...this.settings.ignored] };
  }

  async saveSettings(settings: AddinSettings): Promise<void> {
    this.enter("saveSettings");
    this.settings = { ...settings, ignored: [...settings.ignored] };
    this.savedSettings.push(this.settings);
  }

  async insertTemplate(kind: TemplateKind): Promise<{ sheetName: string }> {
    this.enter("insertTemplate");
    this.inserted.push(kind);
    let name: string = kind;
    for (let n = 2; this.sheets.some((s) => s.name === name); n++) name = `${kind}(${n})`;
    this.sheets.push({ name, origin: { row: 0, col: 0 }, values: [], texts: [], formulas: [], numberFormats: [], merges: [] });
    this.activeSheet = name;
    return { sheetName: name };
  }

  async appendProjectBlock(): Promise<{ sheetName: string; firstRow: number }> {
    this.enter("appendProjectBlock");
    this.appended++;
    return { sheetName: this.activeSheet, firstRow: 20 };
  }

  /** Marked cells as "sheet!cell", for assertions. */
  markedCells(): string[] {
    return [...this.marks.values()].flat().map((f) => `${f.sheet}!${f.cell}`);
  }
}
