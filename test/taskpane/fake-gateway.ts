import { Finding } from "../../src/core/finding";
import { SheetSnapshot } from "../../src/core/snapshot";
import { parseA1 } from "../../src/core/address";
import { displayText } from "../../src/core/snapshot";
import {
  AddinSettings,
  CellContent,
  CheckScope,
  DEFAULT_SETTINGS,
  GatewayError,
  PaintResult,
  ReadResult,
  WorkbookGateway,
} from "../../src/excel/gateway";
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
  selections: { sheet: string; cell: string; related?: readonly string[] }[] = [];
  writes: { sheet: string; cell: string; after: CellContent }[] = [];
  exported: Finding[][] = [];
  /** The pane's onChanged listener and the sheets it watches. */
  watcher: { sheets: string[]; onChange: (sheet: string, address: string) => void } | null = null;
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

  async readSheets(scope: CheckScope, onProgress?: (done: number, total: number, sheet: string) => void): Promise<ReadResult> {
    this.enter("readSheets");
    const picked =
      scope === "all"
        ? this.sheets
        : this.sheets.filter((s) => (scope === "active" ? s.name === this.activeSheet : scope.sheets.includes(s.name)));
    if (this.holding) {
      onProgress?.(0, picked.length, picked[0]?.name ?? "");
      await new Promise<void>((resume) => this.held.push(resume));
    }
    picked.forEach((s, i) => onProgress?.(i + 1, picked.length, s.name));
    return { snapshots: picked.map((s) => JSON.parse(JSON.stringify(s)) as SheetSnapshot), problems: [] };
  }

  async paint(findings: Finding[], sheets: string[]) {
    this.enter("paint");
    for (const name of sheets)
      this.marks.set(
        name,
        findings.filter((f) => f.sheet === name),
      );
    return { count: findings.length, problems: [] };
  }

  async clearMarks(): Promise<PaintResult> {
    this.enter("clearMarks");
    let count = 0;
    for (const list of this.marks.values()) count += list.length;
    this.marks.clear();
    return { count, problems: [] };
  }

  async select(sheet: string, cell: string, related?: readonly string[]): Promise<void> {
    this.enter("select");
    this.activeSheet = sheet;
    this.selections.push(related?.length ? { sheet, cell, related } : { sheet, cell });
  }

  async writeCell(sheet: string, cell: string, before: CellContent, after: CellContent): Promise<void> {
    this.enter("writeCell");
    const snap = this.sheets.find((s) => s.name === sheet);
    const p = parseA1(cell);
    if (!snap || !p) throw new GatewayError("ItemNotFound", `找不到工作表“${sheet}”。`);
    const r = p.row - snap.origin.row;
    const c = p.col - snap.origin.col;
    const held = snap.formulas[r][c] ? { formula: snap.formulas[r][c] } : { value: snap.values[r][c] };
    if (before.formula || held.formula ? before.formula !== held.formula : before.value !== held.value) {
      throw new GatewayError("Changed", "这个单元格在检查之后已被修改，未作更改。请重新检查后再试。");
    }
    snap.formulas[r][c] = after.formula;
    // The fake does not calculate: a formula keeps the cached value, as a workbook before recalculation.
    if (!after.formula) snap.values[r][c] = after.value;
    if (after.numberFormat !== undefined) snap.numberFormats[r][c] = after.numberFormat;
    snap.texts[r][c] = displayText(snap.values[r][c], snap.numberFormats[r][c]);
    this.writes.push({ sheet, cell, after });
    // Excel tells the pane of its own writes too.
    if (this.watcher?.sheets.includes(sheet)) setTimeout(() => this.watcher?.onChange(sheet, cell), 0);
  }

  async exportResults(findings: Finding[]): Promise<{ sheetName: string }> {
    this.enter("exportResults");
    this.exported.push(findings);
    return { sheetName: "检查结果" };
  }

  async watchSheets(sheets: string[], onChange: (sheet: string, address: string) => void) {
    this.enter("watchSheets");
    this.watcher = { sheets, onChange };
  }

  /** The user edits a cell in Excel. */
  userEdits(sheet: string, address: string): void {
    if (this.watcher?.sheets.includes(sheet)) this.watcher.onChange(sheet, address);
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
