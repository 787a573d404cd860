import { FakeOfficeError, apiNotFound, itemNotFound, notLoaded, undoNotSupported } from "./errors";
import { FakeWorkbookState, jsonBytes, versionAtLeast } from "./state";

type Op = () => void | Promise<void>;

/** Counters shared by every context of one fake workbook, for tests to assert on. */
export interface FakeStats {
  syncCount: number;
  /** The options of each Excel.run, in order ({} when none were given). */
  runOptions: { mergeUndoGroup?: boolean }[];
  /** Settings added, set or deleted. */
  settingsWrites: number;
  /** Operations run, by sync, for tests that want to see what a batch did. */
  runCount: number;
  lastResponseBytes: number;
}

/**
 * The request context: calls on proxies queue operations, and only sync() runs them against the
 * state, in order, as the host does with a batch. A failing operation rejects the sync with its
 * code; operations before it stay applied, those after it are dropped.
 */
export class FakeRequestContext {
  private queue: Op[] = [];
  /** Undoes what this sync's loads showed the proxies; run when the sync fails. */
  private journal: (() => void)[] = [];
  responseBytes = 0;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  // Set by the workbook module, which needs the context to build proxies.
  workbook!: unknown;

  constructor(
    readonly state: FakeWorkbookState,
    readonly stats: FakeStats,
    /** Excel.run({ mergeUndoGroup: true }): every sync of the run is one undo group (ExcelApi 1.20). */
    readonly undoGroup = false,
  ) {}

  /**
   * Queues the refusal Excel gives inside an undo group to an API that does not support undo
   * (protect, unprotect, insertWorksheetsFromBase64, Worksheet.delete in the documented list;
   * settings writes by the project's assumption, see docs/add-in.md). Outside a group such an API
   * clears the user's undo stack instead, which the fake does not model.
   */
  noUndo(api: string): void {
    if (this.undoGroup)
      this.enqueue(() => {
        throw undoNotSupported(api);
      });
  }

  /** The same for an API that supports undo unless this host says otherwise (`noUndo` option). */
  maybeNoUndo(api: string): void {
    if (this.state.noUndo?.includes(api)) this.noUndo(api);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Queues an operation that fails at sync when the host is older than `version`. */
  requireApi(api: string, version: string): boolean {
    if (versionAtLeast(this.state.maxApi, version)) return true;
    this.enqueue(() => {
      throw apiNotFound(api, version);
    });
    return false;
  }

  addResponse(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }

  /** Records how to hide a loaded value again, should its sync fail. */
  remember(undo: () => void): void {
    this.journal.push(undo);
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    this.stats.syncCount++;
    const ops = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    if (ops.length > 0 && this.state.editMode) {
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    }
    this.journal = [];
    try {
      for (const op of ops) {
        await op();
        this.stats.runCount++;
      }
      this.stats.lastResponseBytes = this.responseBytes;
      if (this.responseBytes > this.state.responseLimitBytes) {
        throw new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`,
        );
      }
    } catch (error) {
      // A failed sync delivers no response: nothing it loaded becomes readable (writes before the
      // failing operation stay applied, as the host does).
      for (const undo of this.journal.reverse()) undo();
      this.journal = [];
      throw error;
    }
    this.journal = [];
    return passThrough;
  }
}

/** A value returned by a method (getCount, insertWorksheetsFromBase64), readable after sync. */
export class FakeClientResult<T> {
  private set = false;
  private v: T | undefined;
  get value(): T {
    if (!this.set) throw notLoaded("value");
    return this.v as T;
  }
  resolve(value: T): void {
    this.v = value;
    this.set = true;
  }
}

export type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

/** "a, b/c" → [["a"], ["b","c"]]. An empty result means "all scalar properties". */
export function parseLoad(spec: LoadSpec): string[][] {
  let list: string[] = [];
  if (typeof spec === "string") list = spec.split(",");
  else if (Array.isArray(spec)) list = spec.flatMap((s) => s.split(","));
  else if (spec && spec.select) list = (Array.isArray(spec.select) ? spec.select : [spec.select]).flatMap((s) => s.split(","));
  return list
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => s.split("/").map((p) => p.trim()));
}

/**
 * Base of every proxy. The target is found lazily, when the first queued operation runs, and
 * kept: so getActiveWorksheet() means the sheet active at that point of the batch.
 */
export abstract class FakeProxy<S> {
  protected loaded = new Map<string, unknown>();
  private resolved = false;
  private target: S | null = null;
  protected nullFlag: boolean | undefined;
  private children = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => S | null,
    protected readonly describe: string,
    readonly nullable = false,
  ) {
    if (nullable) context.enqueue(() => this.learnNull(this.resolve() === null));
  }

  /** Scalar properties a bare load() brings. */
  protected abstract scalars(): readonly string[];
  protected abstract read(target: S, property: string): unknown;
  /** Navigation properties (child objects) that a load path may go through. */
  protected navigation(_property: string): FakeProxy<unknown> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) {
      if (!this.nullable) return false;
      throw notLoaded("isNullObject");
    }
    return this.nullFlag;
  }

  resolve(): S | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target;
  }

  /** The target, or ItemNotFound: for operations that cannot run on a null object. */
  must(): S {
    const t = this.resolve();
    if (t === null) throw itemNotFound(this.describe);
    return t;
  }

  protected get<T>(property: string): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as T;
  }

  protected child<C>(name: string, make: () => C): C {
    if (!this.children.has(name)) this.children.set(name, make());
    return this.children.get(name) as C;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context.enqueue(() => this.applyLoad(paths));
    return this;
  }

  /** Sets isNullObject as a response would, so a failed sync can take it back. */
  protected learnNull(isNull: boolean): void {
    const before = this.nullFlag;
    this.context.remember(() => (this.nullFlag = before));
    this.nullFlag = isNull;
  }

  applyLoad(paths: string[][]): void {
    const target = this.resolve();
    // Null objects reached through a load path (customOrNullObject) learn their state here.
    if (this.nullable) this.learnNull(target === null);
    if (target === null) {
      if (this.nullable) return;
      throw itemNotFound(this.describe);
    }
    const wanted = paths.length === 0 ? this.scalars().map((s) => [s]) : paths;
    for (const path of wanted) {
      const [head, ...rest] = path;
      const nav = this.navigation(head);
      if (nav) {
        nav.applyLoad(rest.length ? [rest] : []);
        continue;
      }
      if (rest.length) throw new FakeOfficeError("InvalidArgument", `Cannot load '${path.join("/")}' on ${this.describe}`);
      const value = this.read(target, head);
      this.context.addResponse(value);
      const had = this.loaded.has(head);
      const before = this.loaded.get(head);
      this.context.remember(() => (had ? this.loaded.set(head, before) : this.loaded.delete(head)));
      this.loaded.set(head, value);
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}
