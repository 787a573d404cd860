import { FakeCollection } from "./collection";
import { FakeClientResult, FakeProxy, FakeRequestContext } from "./context";
import { itemNotFound } from "./errors";
import { AreasTarget, queueWrite } from "./format";
import { FakeConditionalFormat, intersects } from "./state";
import type { RangeAreasProxy, RangeProxy } from "./range";

interface CfTarget {
  sheet: AreasTarget["sheet"];
  cf: FakeConditionalFormat;
}

/** Creates Range/RangeAreas proxies without an import cycle. */
export interface RangeFactory {
  range(context: FakeRequestContext, resolver: () => AreasTarget | null): RangeProxy;
  areas(context: FakeRequestContext, resolver: () => AreasTarget | null, nullable?: boolean): RangeAreasProxy;
}

/** Format properties of a rule (fill.color, font.color, …), stored in the format's own bag. */
class CfFormatNode extends FakeProxy<CfTarget> {
  constructor(
    context: FakeRequestContext,
    resolver: () => CfTarget | null,
    private readonly prefix: string,
    private readonly props: readonly string[],
    kids: Record<string, readonly string[]> = {},
  ) {
    super(context, resolver, `conditional format ${prefix}`);
    for (const p of props) {
      Object.defineProperty(this, p, {
        get: () => this.get(p),
        set: (value: unknown) => queueCfWrite(this, (t) => void (t.cf.format[this.prefix + p] = value)),
        enumerable: true,
      });
    }
    for (const [name, sub] of Object.entries(kids)) {
      const node = new CfFormatNode(context, resolver, `${prefix}${name}.`, sub);
      Object.defineProperty(this, name, { get: () => node, enumerable: true });
    }
  }
  protected scalars(): readonly string[] {
    return this.props;
  }
  protected override navigation(property: string): FakeProxy<unknown> | undefined {
    const v = (this as unknown as Record<string, unknown>)[property];
    return v instanceof CfFormatNode ? (v as FakeProxy<unknown>) : undefined;
  }
  protected read(t: CfTarget, property: string): unknown {
    return t.cf.format[this.prefix + property] ?? null;
  }
}

function queueCfWrite(proxy: FakeProxy<CfTarget>, fn: (t: CfTarget) => void): void {
  queueWrite(proxy as unknown as FakeProxy<AreasTarget & CfTarget>, fn);
}

class CfRuleProxy extends FakeProxy<CfTarget> {
  protected scalars(): readonly string[] {
    return ["formula", "formulaLocal", "formulaR1C1"];
  }
  protected read(t: CfTarget): unknown {
    return t.cf.formula ?? null;
  }
  get formula(): string {
    return this.get("formula");
  }
  set formula(value: string) {
    queueCfWrite(this, (t) => void (t.cf.formula = value));
  }
  get formulaLocal(): string {
    return this.get("formulaLocal");
  }
  set formulaLocal(value: string) {
    this.formula = value;
  }
}

/** custom / customOrNullObject: a rule and a format. */
class CustomCfProxy extends FakeProxy<CfTarget> {
  readonly rule = new CfRuleProxy(this.context, () => this.resolve(), "rule");
  readonly format = new CfFormatNode(this.context, () => this.resolve(), "", ["numberFormat"], {
    fill: ["color"],
    font: ["bold", "italic", "color", "strikethrough", "underline"],
  });
  protected scalars(): readonly string[] {
    return [];
  }
  protected read(): unknown {
    return undefined;
  }
  protected override navigation(property: string): FakeProxy<unknown> | undefined {
    if (property === "rule") return this.rule;
    if (property === "format") return this.format as FakeProxy<unknown>;
    return undefined;
  }
}

export class ConditionalFormatProxy extends FakeProxy<CfTarget> {
  constructor(
    context: FakeRequestContext,
    resolver: () => CfTarget | null,
    private readonly ranges: RangeFactory,
  ) {
    super(context, resolver, "conditional format");
  }
  protected scalars(): readonly string[] {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  protected read(t: CfTarget, property: string): unknown {
    // Office.js documents id as "the priority of the conditional format in the current collection":
    // it shifts whenever a format is added above it or deleted, and after the file is reopened.
    if (property === "id") return officeId(t.cf);
    return (t.cf as unknown as Record<string, unknown>)[property];
  }
  protected override navigation(property: string): FakeProxy<unknown> | undefined {
    if (property === "custom") return this.custom;
    if (property === "customOrNullObject") return this.customOrNullObject;
    return undefined;
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get priority(): number {
    return this.get("priority");
  }
  set priority(value: number) {
    queueCfWrite(this, (t) => setPriority(t, value));
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    queueCfWrite(this, (t) => void (t.cf.stopIfTrue = value));
  }
  get custom(): CustomCfProxy {
    return this.child("custom", () => new CustomCfProxy(this.context, () => this.customTarget(), "custom conditional format"));
  }
  get customOrNullObject(): CustomCfProxy {
    return this.child(
      "customOrNull",
      () => new CustomCfProxy(this.context, () => this.customTarget(), "custom conditional format", true),
    );
  }
  private customTarget(): CfTarget | null {
    const t = this.resolve();
    return t && t.cf.type === "Custom" ? t : null;
  }
  delete(): void {
    queueCfWrite(this, (t) => {
      const list = t.sheet.conditionalFormats;
      const i = list.indexOf(t.cf);
      if (i < 0) throw itemNotFound(`conditional format ${t.cf.id}`);
      list.splice(i, 1);
      renumber(list);
    });
  }
  getRange(): RangeProxy {
    return this.ranges.range(this.context, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, areas: [t.cf.areas[0]] } : null;
    });
  }
  getRanges(): RangeAreasProxy {
    this.context.requireApi("ConditionalFormat.getRanges", "1.9");
    return this.ranges.areas(this.context, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, areas: t.cf.areas.map((a) => ({ ...a })) } : null;
    });
  }
}

function officeId(cf: FakeConditionalFormat): string {
  return String(cf.priority);
}

function renumber(list: FakeConditionalFormat[]): void {
  list.forEach((cf, i) => (cf.priority = i));
}

function setPriority(t: CfTarget, value: number): void {
  const list = t.sheet.conditionalFormats;
  list.splice(list.indexOf(t.cf), 1);
  const at = Math.max(0, Math.min(list.length, value < 0 ? list.length + 1 + value : value));
  list.splice(at, 0, t.cf);
  renumber(list);
}

/** The formats that touch the range, in priority order, as range.conditionalFormats lists them. */
export class ConditionalFormatCollectionProxy extends FakeCollection<CfTarget, ConditionalFormatProxy> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: FakeProxy<AreasTarget>,
    private readonly ranges: RangeFactory,
  ) {
    super(context, "conditional formats");
  }
  protected members(): CfTarget[] {
    const t = this.owner.must();
    return t.sheet.conditionalFormats
      .filter((cf) => cf.areas.some((a) => t.areas.some((b) => intersects(a, b))))
      .map((cf) => ({ sheet: t.sheet, cf }));
  }
  protected wrap(member: CfTarget): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => member, this.ranges);
  }
  add(type: string): ConditionalFormatProxy {
    let made: CfTarget | null = null;
    queueWrite(this.owner, (t) => {
      const state = this.context.state;
      const cf: FakeConditionalFormat = {
        id: `{CF-${String(state.nextId++).padStart(4, "0")}}`,
        type: String(type),
        areas: t.areas.map((a) => ({ ...a })),
        format: {},
        priority: 0,
        stopIfTrue: false,
      };
      // Excel puts a new format at the top of the list.
      t.sheet.conditionalFormats.unshift(cf);
      renumber(t.sheet.conditionalFormats);
      made = { sheet: t.sheet, cf };
    });
    return new ConditionalFormatProxy(this.context, () => made, this.ranges);
  }
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      () => {
        const found = this.members().find((m) => officeId(m.cf) === id);
        if (!found) throw itemNotFound(`conditional format ${id}`);
        return found;
      },
      this.ranges,
    );
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue(() => result.resolve(this.members().length));
    return result;
  }
  clearAll(): void {
    queueWrite(this.owner, (t) => {
      const doomed = new Set(this.members().map((m) => m.cf));
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !doomed.has(cf));
      renumber(t.sheet.conditionalFormats);
    });
  }
}
