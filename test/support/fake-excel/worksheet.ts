import { RectRef } from "../../../src/core/address";
import { parseAddress, parseAreas } from "./address";
import { FakeCollection } from "./collection";
import { FakeClientResult, FakeProxy, FakeRequestContext } from "./context";
import { FakeOfficeError, accessDenied, itemNotFound } from "./errors";
import { RangeAreasProxy, RangeProxy } from "./range";
import { FakeSheetState, MAX_COLS, MAX_ROWS, newSheetState, usedRect } from "./state";

class ProtectionProxy extends FakeProxy<FakeSheetState> {
  protected scalars(): readonly string[] {
    return ["protected", "options"];
  }
  protected read(t: FakeSheetState, property: string): unknown {
    return property === "protected" ? t.protected : { ...t.protectionOptions };
  }
  get protected(): boolean {
    return this.get("protected");
  }
  get options(): Record<string, unknown> {
    return this.get("options");
  }
  /** Excel refuses to protect a protected sheet, so a caller must unprotect first. */
  protect(options?: Record<string, unknown>, password?: string): void {
    this.context.noUndo("WorksheetProtection.protect");
    this.context.enqueue(() => {
      const t = this.must();
      if (t.protected) throw accessDenied(t.name);
      t.protected = true;
      t.protectionOptions = { ...(options ?? {}) };
      t.protectionPassword = password ? password : null;
    });
  }
  /** Without the right password a password-protected sheet stays protected. */
  unprotect(password?: string): void {
    this.context.noUndo("WorksheetProtection.unprotect");
    this.context.enqueue(() => {
      const t = this.must();
      if (t.protected && t.protectionPassword !== null && password !== t.protectionPassword) throw accessDenied(t.name);
      t.protected = false;
      t.protectionPassword = null;
    });
  }
}

class FreezePanesProxy extends FakeProxy<FakeSheetState> {
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this.context.enqueue(() => void (this.must().frozen = { rows: count, columns: 0 }));
  }
  freezeColumns(count = 1): void {
    this.context.enqueue(() => void (this.must().frozen = { rows: 0, columns: count }));
  }
  freezeAt(address: string): void {
    this.context.enqueue(() => {
      const r = parseAddress(address);
      this.must().frozen = { rows: r.bottom + 1, columns: r.right + 1 };
    });
  }
  unfreeze(): void {
    this.context.enqueue(() => void (this.must().frozen = { rows: 0, columns: 0 }));
  }
}

/** worksheet.autoFilter (ExcelApi 1.9): apply() keeps the range; the criteria are not modelled. */
class AutoFilterProxy extends FakeProxy<FakeSheetState> {
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  apply(range: RangeProxy): void {
    this.context.enqueue(() => void (this.must().autoFilter = range.must().areas[0]));
  }
  remove(): void {
    this.context.enqueue(() => void (this.must().autoFilter = null));
  }
}

const PAGE_PROPS = [
  "orientation",
  "paperSize",
  "zoom",
  "centerHorizontally",
  "centerVertically",
  "blackAndWhite",
  "printGridlines",
  "printOrder",
];

/** worksheet.pageLayout (ExcelApi 1.9): stored as plain properties for tests to inspect. */
class PageLayoutProxy extends FakeProxy<FakeSheetState> {
  constructor(context: FakeRequestContext, resolver: () => FakeSheetState | null) {
    super(context, resolver, "page layout");
    for (const p of PAGE_PROPS) {
      Object.defineProperty(this, p, {
        get: () => this.get(p),
        set: (value: unknown) => this.context.enqueue(() => void (this.must().pageLayout[p] = value)),
        enumerable: true,
      });
    }
  }
  protected scalars(): readonly string[] {
    return PAGE_PROPS;
  }
  protected read(t: FakeSheetState, property: string): unknown {
    return t.pageLayout[property] ?? null;
  }
  setPrintTitleRows(address: string): void {
    this.context.enqueue(() => void (this.must().pageLayout.printTitleRows = address));
  }
  setPrintTitleColumns(address: string): void {
    this.context.enqueue(() => void (this.must().pageLayout.printTitleColumns = address));
  }
}

export class WorksheetProxy extends FakeProxy<FakeSheetState> {
  constructor(context: FakeRequestContext, resolver: () => FakeSheetState | null, nullable = false) {
    super(context, resolver, "worksheet", nullable);
  }
  protected scalars(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected read(t: FakeSheetState, property: string): unknown {
    if (property === "position") return this.context.state.sheets.indexOf(t);
    return (t as unknown as Record<string, unknown>)[property];
  }
  protected override navigation(property: string): FakeProxy<unknown> | undefined {
    if (property === "protection") return this.protection;
    return undefined;
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.context.enqueue(() => {
      const t = this.must();
      if (this.context.state.sheets.some((s) => s !== t && s.name.toLowerCase() === value.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${value}' already exists.`);
      t.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  set position(value: number) {
    this.context.enqueue(() => {
      const list = this.context.state.sheets;
      const t = this.must();
      list.splice(list.indexOf(t), 1);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, t);
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  get protection(): ProtectionProxy {
    this.context.requireApi("Worksheet.protection", "1.2");
    return this.child("protection", () => new ProtectionProxy(this.context, () => this.resolve(), "protection"));
  }
  get pageLayout(): PageLayoutProxy {
    this.context.requireApi("Worksheet.pageLayout", "1.9");
    return this.child("pageLayout", () => new PageLayoutProxy(this.context, () => this.resolve()));
  }
  get freezePanes(): FreezePanesProxy {
    this.context.requireApi("Worksheet.freezePanes", "1.7");
    return this.child("freeze", () => new FreezePanesProxy(this.context, () => this.resolve(), "freeze panes"));
  }
  get autoFilter(): AutoFilterProxy {
    this.context.requireApi("Worksheet.autoFilter", "1.9");
    return this.child("autoFilter", () => new AutoFilterProxy(this.context, () => this.resolve(), "auto filter"));
  }
  activate(): void {
    this.context.enqueue(() => {
      const t = this.must();
      if (t.visibility !== "Visible") throw new FakeOfficeError("GeneralException", `Cannot activate hidden sheet '${t.name}'.`);
      this.context.state.activeSheetId = t.id;
    });
  }
  delete(): void {
    this.context.noUndo("Worksheet.delete");
    this.context.enqueue(() => {
      const list = this.context.state.sheets;
      const t = this.must();
      if (t.protected) throw accessDenied(t.name);
      if (list.filter((s) => s.visibility === "Visible").length <= 1)
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      list.splice(list.indexOf(t), 1);
      if (this.context.state.activeSheetId === t.id) this.context.state.activeSheetId = list[0].id;
    });
  }
  private rangeOf(rect: () => RectRef | null, nullable = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.must();
        const r = rect();
        return r ? { sheet, areas: [r] } : null;
      },
      nullable,
    );
  }
  getRange(address?: string): RangeProxy {
    return this.rangeOf(() => (address ? parseAddress(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return this.rangeOf(() => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }
  getCell(row: number, col: number): RangeProxy {
    return this.rangeOf(() => ({ top: row, left: col, bottom: row, right: col }));
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.rangeOf(() => usedRect(this.must(), valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.context.requireApi("Worksheet.getUsedRangeOrNullObject", "1.4");
    return this.rangeOf(() => usedRect(this.must(), valuesOnly), true);
  }
  /** ExcelApi 1.7. The fake delivers events for the add-in's writes and for `fake.edit` (the user). */
  get onChanged(): { add(handler: (event: { worksheetId: string; address: string }) => unknown): { remove(): void } } {
    return {
      add: (handler) => {
        this.context.requireApi("Worksheet.onChanged", "1.7");
        let entry: { sheetId: string; handler: typeof handler } | null = null;
        this.context.enqueue(() => {
          const state = this.context.state;
          entry = { sheetId: this.must().id, handler };
          (state.changeHandlers ??= []).push(entry);
        });
        return {
          remove: () =>
            this.context.enqueue(() => {
              const list = this.context.state.changeHandlers ?? [];
              if (entry) list.splice(list.indexOf(entry), 1);
            }),
        };
      },
    };
  }
  getRanges(address: string): RangeAreasProxy {
    this.context.requireApi("Worksheet.getRanges", "1.9");
    return new RangeAreasProxy(this.context, () => ({ sheet: this.must(), areas: parseAreas(address) }));
  }
}

export class WorksheetCollectionProxy extends FakeCollection<FakeSheetState, WorksheetProxy> {
  constructor(context: FakeRequestContext) {
    super(context, "worksheets");
  }
  protected members(): FakeSheetState[] {
    return this.context.state.sheets;
  }
  protected wrap(member: FakeSheetState): WorksheetProxy {
    return new WorksheetProxy(this.context, () => member);
  }
  private find(name: string): FakeSheetState | null {
    return this.context.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      () => this.context.state.sheets.find((s) => s.id === this.context.state.activeSheetId) ?? null,
    );
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => {
      const s = this.find(name);
      if (!s) throw itemNotFound(`worksheet '${name}'`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.context.requireApi("WorksheetCollection.getItemOrNullObject", "1.4");
    return new WorksheetProxy(this.context, () => this.find(name), true);
  }
  add(name?: string): WorksheetProxy {
    let made: FakeSheetState | null = null;
    this.context.enqueue(() => {
      const state = this.context.state;
      let n = name;
      if (n === undefined) for (let i = state.sheets.length + 1; !n || this.find(n); i++) n = `Sheet${i}`;
      if (this.find(n)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${n}' already exists.`);
      made = newSheetState(`{SHEET-${state.nextId++}}`, n);
      state.sheets.push(made);
    });
    return new WorksheetProxy(this.context, () => made);
  }
  getCount(visibleOnly = false): FakeClientResult<number> {
    this.context.requireApi("WorksheetCollection.getCount", "1.4");
    const result = new FakeClientResult<number>();
    this.context.enqueue(() =>
      result.resolve(this.context.state.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length),
    );
    return result;
  }
}
