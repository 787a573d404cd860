import { RectRef } from "../../../src/core/address";
import { FakeProxy, FakeRequestContext } from "./context";
import { accessDenied } from "./errors";
import { FakeCell, FakeSheetState, cellKey } from "./state";

/** What a Range or RangeAreas points at: one sheet and one or more rectangles. */
export interface AreasTarget {
  sheet: FakeSheetState;
  areas: RectRef[];
}

export function forEachCell(areas: RectRef[], fn: (row: number, col: number) => void): void {
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(r, c);
}

export function cellAt(sheet: FakeSheetState, row: number, col: number, create: true): FakeCell;
export function cellAt(sheet: FakeSheetState, row: number, col: number, create?: false): FakeCell | undefined;
export function cellAt(sheet: FakeSheetState, row: number, col: number, create = false): FakeCell | undefined {
  const key = cellKey(row, col);
  let cell = sheet.cells.get(key);
  if (!cell && create) {
    cell = { value: null };
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Queues a write that fails with AccessDenied on a protected sheet, as the host does. */
export function queueWrite<S extends AreasTarget>(proxy: FakeProxy<S>, fn: (target: S) => void): void {
  proxy.context.enqueue(() => {
    const target = proxy.must();
    if (target.sheet.protected) throw accessDenied(target.sheet.name);
    fn(target);
  });
}

/**
 * One level of RangeFormat (format, format.fill, format.font, format.borders/EdgeTop, …).
 * Property values live in each cell's `format` bag under "prefix.property"; reading gives the
 * common value of the cells, or null when they differ, like Excel.
 */
export class FormatNode extends FakeProxy<AreasTarget> {
  constructor(
    context: FakeRequestContext,
    resolver: () => AreasTarget | null,
    private readonly prefix: string,
    private readonly props: readonly string[],
    kids: Record<string, readonly string[]> = {},
  ) {
    super(context, resolver, `format ${prefix}`);
    for (const p of props) {
      Object.defineProperty(this, p, {
        get: () => this.get(p),
        set: (value: unknown) => queueWrite(this, (t) => this.write(t, p, value)),
        enumerable: true,
      });
    }
    for (const [name, sub] of Object.entries(kids)) {
      const node = new FormatNode(context, resolver, `${prefix}${name}.`, sub);
      Object.defineProperty(this, name, { get: () => node, enumerable: true });
    }
  }

  protected scalars(): readonly string[] {
    return this.props;
  }

  protected override navigation(property: string): FakeProxy<unknown> | undefined {
    const v = (this as unknown as Record<string, unknown>)[property];
    return v instanceof FormatNode ? (v as FakeProxy<unknown>) : undefined;
  }

  protected read(t: AreasTarget, property: string): unknown {
    if (property === "columnWidth") return t.sheet.columnWidths.get(t.areas[0].left) ?? 64;
    if (property === "rowHeight") return t.sheet.rowHeights.get(t.areas[0].top) ?? 20;
    const key = this.prefix + property;
    let first: unknown = undefined;
    let mixed = false;
    forEachCell(t.areas, (r, c) => {
      const v = cellAt(t.sheet, r, c)?.format?.[key] ?? null;
      if (first === undefined) first = v;
      else if (first !== v) mixed = true;
    });
    return mixed ? null : (first ?? null);
  }

  private write(t: AreasTarget, property: string, value: unknown): void {
    if (property === "columnWidth") {
      for (const a of t.areas) for (let c = a.left; c <= a.right; c++) t.sheet.columnWidths.set(c, Number(value));
      return;
    }
    if (property === "rowHeight") {
      for (const a of t.areas) for (let r = a.top; r <= a.bottom; r++) t.sheet.rowHeights.set(r, Number(value));
      return;
    }
    const key = this.prefix + property;
    forEachCell(t.areas, (r, c) => {
      const cell = cellAt(t.sheet, r, c, true);
      cell.format = { ...(cell.format ?? {}), [key]: value };
    });
  }

  /** fill.clear(): removes every property under this node's prefix. */
  clear(): void {
    queueWrite(this, (t) =>
      forEachCell(t.areas, (r, c) => {
        const cell = cellAt(t.sheet, r, c);
        if (!cell?.format) return;
        for (const k of Object.keys(cell.format)) if (k.startsWith(this.prefix)) delete cell.format[k];
      }),
    );
  }

  /** borders.getItem("EdgeTop"), with the same store. */
  getItem(name: string): FormatNode {
    return this.child(
      `item:${name}`,
      () => new FormatNode(this.context, () => this.resolve(), `${this.prefix}${name}.`, ["style", "color", "weight"]),
    );
  }

  autofitColumns(): void {
    this.context.enqueue(() => void this.must());
  }

  autofitRows(): void {
    this.context.enqueue(() => void this.must());
  }
}

const ALIGNMENT = [
  "horizontalAlignment",
  "verticalAlignment",
  "wrapText",
  "columnWidth",
  "rowHeight",
  "indentLevel",
  "textOrientation",
];

export function rangeFormat(context: FakeRequestContext, resolver: () => AreasTarget | null): FormatNode {
  return new FormatNode(context, resolver, "", ALIGNMENT, {
    fill: ["color", "pattern"],
    font: ["bold", "italic", "color", "size", "name", "underline"],
    borders: [],
    protection: ["locked", "formulaHidden"],
  });
}
