import { FakeProxy, FakeRequestContext, LoadSpec, parseLoad } from "./context";
import { notLoaded } from "./errors";

/**
 * A collection proxy: `items` is readable after load, as in Office.js. Load paths may be written
 * with or without the `items/` prefix.
 */
export abstract class FakeCollection<S, P extends FakeProxy<S>> {
  private itemList: P[] | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly describe: string,
  ) {}

  /** The current members, found when the load runs. */
  protected abstract members(): S[];
  protected abstract wrap(member: S): P;

  get items(): P[] {
    if (!this.itemList) throw notLoaded("items");
    return this.itemList;
  }

  load(spec?: LoadSpec): this {
    const paths = parseLoad(spec).map((p) => (p[0] === "items" ? p.slice(1) : p));
    this.context.enqueue(() => {
      const list = this.members().map((m) => this.wrap(m));
      const rests = paths.filter((p) => p.length > 0);
      for (const item of list) item.applyLoad(rests);
      const before = this.itemList;
      this.context.remember(() => (this.itemList = before));
      this.itemList = list;
    });
    return this;
  }

  toJSON(): { items: unknown[] } {
    return { items: (this.itemList ?? []).map((i) => i.toJSON()) };
  }
}
