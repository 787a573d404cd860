import { FakeCollection } from "./collection";
import { FakeClientResult, FakeProxy, FakeRequestContext } from "./context";
import { FakeOfficeError, itemNotFound } from "./errors";
import { RangeProxy } from "./range";
import { parseAddress } from "./address";
import { FakeSheetInit, buildSheet } from "./seed";
import { WorksheetCollectionProxy } from "./worksheet";

interface SettingTarget {
  key: string;
}

/** Settings are stored as JSON, so what comes back is a copy, as after a save and reopen. */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

class SettingProxy extends FakeProxy<SettingTarget> {
  protected scalars(): readonly string[] {
    return ["key", "value"];
  }
  protected read(t: SettingTarget, property: string): unknown {
    return property === "key" ? t.key : copy(this.context.state.settings.get(t.key));
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    this.context.noUndo("Setting.value");
    this.context.enqueue(() => {
      this.context.state.settings.set(this.must().key, copy(v));
      this.context.stats.settingsWrites++;
    });
  }
  delete(): void {
    this.context.noUndo("Setting.delete");
    this.context.enqueue(() => {
      this.context.state.settings.delete(this.must().key);
      this.context.stats.settingsWrites++;
    });
  }
}

export class SettingCollectionProxy extends FakeCollection<SettingTarget, SettingProxy> {
  constructor(context: FakeRequestContext) {
    super(context, "settings");
  }
  protected members(): SettingTarget[] {
    return [...this.context.state.settings.keys()].map((key) => ({ key }));
  }
  protected wrap(member: SettingTarget): SettingProxy {
    return new SettingProxy(this.context, () => member, `setting ${member.key}`);
  }
  add(key: string, value: unknown): SettingProxy {
    this.context.noUndo("SettingCollection.add");
    this.context.enqueue(() => {
      if (!key) throw new FakeOfficeError("InvalidArgument", "A setting key cannot be empty.");
      this.context.state.settings.set(key, copy(value));
      this.context.stats.settingsWrites++;
    });
    return new SettingProxy(this.context, () => ({ key }), `setting ${key}`);
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(
      this.context,
      () => {
        if (!this.context.state.settings.has(key)) throw itemNotFound(`setting ${key}`);
        return { key };
      },
      `setting ${key}`,
    );
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, () => (this.context.state.settings.has(key) ? { key } : null), `setting ${key}`, true);
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.resolve(this.context.state.settings.size));
    return result;
  }
}

/** Turns a base64 .xlsx into sheets; tests plug in an exceljs-based one. */
export type WorkbookDecoder = (base64: string) => FakeSheetInit[] | Promise<FakeSheetInit[]>;

export interface InsertOptions {
  sheetNamesToInsert?: string[];
  positionType?: "None" | "Before" | "After" | "Beginning" | "End";
  relativeTo?: string | { name: string } | unknown;
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  private settingsProxy: SettingCollectionProxy | undefined;

  constructor(
    readonly context: FakeRequestContext,
    private readonly decoder: () => WorkbookDecoder | undefined,
  ) {
    this.worksheets = new WorksheetCollectionProxy(context);
  }

  get settings(): SettingCollectionProxy {
    this.context.requireApi("Workbook.settings", "1.4");
    if (!this.settingsProxy) this.settingsProxy = new SettingCollectionProxy(this.context);
    return this.settingsProxy;
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.context.state.sheets.find((s) => s.id === this.context.state.activeSheetId);
      return sheet ? { sheet, areas: [parseAddress(sheet.selection)] } : null;
    });
  }

  /**
   * Inserts the decoded sheets. A name already taken gets " (2)", as Excel does; the result is
   * the new sheets' ids.
   */
  insertWorksheetsFromBase64(base64: string, options: InsertOptions = {}): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    if (!this.context.requireApi("Workbook.insertWorksheetsFromBase64", "1.13")) return result;
    this.context.noUndo("Workbook.insertWorksheetsFromBase64");
    this.context.enqueue(async () => {
      const decode = this.decoder();
      if (!decode) throw new FakeOfficeError("GeneralException", "No workbook decoder is plugged into the fake (setDecoder).");
      let inits: FakeSheetInit[];
      try {
        inits = await decode(base64);
      } catch (e) {
        throw new FakeOfficeError("InvalidArgument", `The base64 workbook could not be read: ${(e as Error).message}`);
      }
      if (options.sheetNamesToInsert) inits = inits.filter((s) => options.sheetNamesToInsert!.includes(s.name));
      const state = this.context.state;
      const relName =
        typeof options.relativeTo === "string" ? options.relativeTo : (options.relativeTo as { name?: string } | undefined)?.name;
      let at = state.sheets.length;
      if (options.positionType === "Beginning") at = 0;
      if ((options.positionType === "Before" || options.positionType === "After") && relName) {
        const i = state.sheets.findIndex((s) => s.name === relName);
        if (i < 0) throw itemNotFound(`worksheet '${relName}'`);
        at = options.positionType === "Before" ? i : i + 1;
      }
      const ids: string[] = [];
      for (const init of inits) {
        let name = init.name;
        for (let n = 2; state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()); n++) name = `${init.name} (${n})`;
        const sheet = buildSheet({ ...init, name }, `{SHEET-${state.nextId++}}`);
        state.sheets.splice(at++, 0, sheet);
        ids.push(sheet.id);
      }
      result.resolve(ids);
    });
    return result;
  }
}
