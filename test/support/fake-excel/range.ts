import { RectRef, rectToA1 } from "../../../src/core/address";
import { CellValue, displayText, isErrorValue } from "../../../src/core/snapshot";
import { qualified } from "./address";
import { FakeCollection } from "./collection";
import { FakeProxy, FakeRequestContext } from "./context";
import { ConditionalFormatCollectionProxy, RangeFactory } from "./conditional-formats";
import { FakeOfficeError } from "./errors";
import { AreasTarget, FormatNode, cellAt, forEachCell, queueWrite, rangeFormat } from "./format";
import { FakeCell, FakeSheetState, contains, fireChanged, intersects, rectCells, usedRect } from "./state";

/** The five-million-cell limit of a get operation, on every platform. */
export const MAX_GET_CELLS = 5_000_000;
const CELL_ARRAYS = new Set(["values", "formulas", "formulasLocal", "numberFormat", "text", "valueTypes"]);

export const ranges: RangeFactory = {
  range: (context, resolver) => new RangeProxy(context, resolver),
  areas: (context, resolver, nullable = false) => new RangeAreasProxy(context, resolver, nullable),
};

function valueOf(cell: FakeCell | undefined): CellValue {
  return cell?.value ?? "";
}

function valueType(cell: FakeCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined || v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return isErrorValue(v) ? "Error" : "String";
}

function grid<T>(sheet: FakeSheetState, rect: RectRef, fn: (cell: FakeCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(fn(cellAt(sheet, r, c)));
    out.push(row);
  }
  return out;
}

/** Accepts a 2-D array of the range's shape, or one value for every cell, as Excel does. */
function eachInput(rect: RectRef, input: unknown, fn: (cell: FakeCell, value: unknown) => void, sheet: FakeSheetState): void {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const is2d = Array.isArray(input);
  if (
    is2d &&
    ((input as unknown[][]).length !== rows || (input as unknown[][]).some((r) => !Array.isArray(r) || r.length !== cols))
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
    );
  }
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      fn(cellAt(sheet, rect.top + r, rect.left + c, true), is2d ? (input as unknown[][])[r][c] : input);
}

function setFormulaOrValue(cell: FakeCell, input: unknown): void {
  if (typeof input === "string" && input.startsWith("=")) {
    cell.formula = input;
    // The fake does not calculate; the cached value stays until a test sets it.
    if (cell.value === undefined) cell.value = null;
    return;
  }
  delete cell.formula;
  cell.value = input === "" || input === undefined ? null : (input as CellValue);
  delete cell.text;
}

class DataValidationProxy extends FakeProxy<AreasTarget> {
  protected scalars(): readonly string[] {
    return ["rule", "prompt", "errorAlert", "ignoreBlanks", "type", "valid"];
  }
  protected read(t: AreasTarget, property: string): unknown {
    const dv = t.sheet.dataValidations.find((d) => contains(d.area, t.areas[0]));
    if (property === "type") return dv ? "Custom" : "None";
    if (property === "valid") return true;
    if (property === "ignoreBlanks") return true;
    return dv ? ((dv as unknown as Record<string, unknown>)[property] ?? null) : null;
  }
  private upsert(patch: Record<string, unknown>): void {
    queueWrite(this, (t) => {
      const area = t.areas[0];
      let dv = t.sheet.dataValidations.find(
        (d) =>
          d.area.top === area.top && d.area.left === area.left && d.area.bottom === area.bottom && d.area.right === area.right,
      );
      if (!dv) {
        dv = { area: { ...area }, rule: null };
        t.sheet.dataValidations.push(dv);
      }
      Object.assign(dv, patch);
    });
  }
  get rule(): unknown {
    return this.get("rule");
  }
  set rule(value: unknown) {
    this.upsert({ rule: value });
  }
  get prompt(): unknown {
    return this.get("prompt");
  }
  set prompt(value: unknown) {
    this.upsert({ prompt: value });
  }
  get errorAlert(): unknown {
    return this.get("errorAlert");
  }
  set errorAlert(value: unknown) {
    this.upsert({ errorAlert: value });
  }
  set ignoreBlanks(_value: boolean) {
    this.upsert({});
  }
  clear(): void {
    queueWrite(this, (t) => {
      t.sheet.dataValidations = t.sheet.dataValidations.filter((d) => !t.areas.some((a) => intersects(a, d.area)));
    });
  }
}

/** Shared by Range and RangeAreas. */
abstract class AreasProxy extends FakeProxy<AreasTarget> {
  get format(): FormatNode {
    return this.child("format", () => rangeFormat(this.context, () => this.resolve()));
  }
  protected override navigation(property: string): FakeProxy<unknown> | undefined {
    if (property === "format") return this.format;
    return undefined;
  }
}

export class RangeProxy extends AreasProxy {
  constructor(context: FakeRequestContext, resolver: () => AreasTarget | null, nullable = false) {
    super(context, resolver, "range", nullable);
  }
  private get rect(): RectRef {
    return this.must().areas[0];
  }
  protected scalars(): readonly string[] {
    return [
      "address",
      "addressLocal",
      "values",
      "formulas",
      "formulasLocal",
      "numberFormat",
      "text",
      "valueTypes",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "cellCount",
    ];
  }
  protected read(t: AreasTarget, property: string): unknown {
    const rect = t.areas[0];
    // Excel gets at most 5 million cells of a range at once; beyond that the cell arrays may come
    // back null instead of an error (office-js issues 4783 and 6781), so a reader must size first.
    if (CELL_ARRAYS.has(property) && rectCells(rect) > MAX_GET_CELLS) return null;
    switch (property) {
      case "address":
      case "addressLocal":
        return qualified(t.sheet.name, rect);
      case "values":
        return grid(t.sheet, rect, valueOf);
      case "formulas":
      case "formulasLocal":
        return grid(t.sheet, rect, (c) => c?.formula ?? valueOf(c));
      case "numberFormat":
        return grid(t.sheet, rect, (c) => c?.numberFormat ?? "General");
      case "text":
        return grid(t.sheet, rect, (c) => (c ? (c.text ?? displayText(c.value, c.numberFormat ?? "General")) : ""));
      case "valueTypes":
        return grid(t.sheet, rect, valueType);
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "cellCount":
        return rectCells(rect);
    }
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${property}`);
  }
  protected override navigation(property: string): FakeProxy<unknown> | undefined {
    if (property === "dataValidation") return this.dataValidation;
    return super.navigation(property);
  }

  get address(): string {
    return this.get("address");
  }
  get values(): CellValue[][] {
    return this.get("values");
  }
  set values(input: unknown) {
    this.context.maybeNoUndo("Range.values");
    queueWrite(this, (t) => {
      eachInput(t.areas[0], input, setFormulaOrValue, t.sheet);
      fireChanged(this.context.state, t.sheet, rectToA1(t.areas[0]));
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(input: unknown) {
    this.context.maybeNoUndo("Range.formulas");
    queueWrite(this, (t) => {
      eachInput(t.areas[0], input, setFormulaOrValue, t.sheet);
      fireChanged(this.context.state, t.sheet, rectToA1(t.areas[0]));
    });
  }
  /** ExcelApi 1.7: an internal link (documentReference) or an external one (address). */
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.context.requireApi("Range.hyperlink", "1.7");
    queueWrite(this, (t) => eachInput(t.areas[0], link, (cell) => void (cell.hyperlink = { ...link }), t.sheet));
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.context.maybeNoUndo("Range.numberFormat");
    queueWrite(this, (t) => eachInput(t.areas[0], input, (cell, v) => void (cell.numberFormat = String(v)), t.sheet));
  }
  get text(): string[][] {
    return this.get("text");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.context.requireApi("Range.conditionalFormats", "1.6");
    return this.child("cf", () => new ConditionalFormatCollectionProxy(this.context, this, ranges));
  }
  get dataValidation(): DataValidationProxy {
    this.context.requireApi("Range.dataValidation", "1.8");
    return this.child("dv", () => new DataValidationProxy(this.context, () => this.resolve(), "data validation"));
  }

  private derived(fn: (rect: RectRef) => RectRef): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.resolve();
      if (!t) return null;
      const rect = fn(t.areas[0]);
      if (rect.top < 0 || rect.left < 0 || rect.bottom < rect.top || rect.right < rect.left)
        throw new FakeOfficeError("InvalidArgument", "The range is outside the sheet.");
      return { sheet: t.sheet, areas: [rect] };
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derived((r) => ({ top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived((r) => ({
      top: r.top + rowOffset,
      left: r.left + columnOffset,
      bottom: r.bottom + rowOffset,
      right: r.right + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived((r) => ({ ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns }));
  }
  getRow(row: number): RangeProxy {
    return this.derived((r) => ({ ...r, top: r.top + row, bottom: r.top + row }));
  }
  /** ExcelApi 1.4: the bounding box of this range's cells with content (and formats, unless valuesOnly), or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.context.requireApi("Range.getUsedRangeOrNullObject", "1.4");
    return new RangeProxy(
      this.context,
      () => {
        const t = this.must();
        const used = usedRect(t.sheet, valuesOnly, t.areas[0]);
        return used ? { sheet: t.sheet, areas: [used] } : null;
      },
      true,
    );
  }
  /** ExcelApi 1.9: the cells holding constants or formulas, one area per cell (the fake does not merge them). */
  getSpecialCellsOrNullObject(type: "Constants" | "Formulas"): RangeAreasProxy {
    this.context.requireApi("Range.getSpecialCellsOrNullObject", "1.9");
    return new RangeAreasProxy(
      this.context,
      () => {
        const t = this.must();
        const rect = t.areas[0];
        const areas: RectRef[] = [];
        for (const [key, cell] of t.sheet.cells) {
          const row = Math.floor(key / 16384);
          const col = key % 16384;
          if (row < rect.top || row > rect.bottom || col < rect.left || col > rect.right) continue;
          const isFormula = typeof cell.formula === "string";
          const hasValue = cell.value !== null && cell.value !== undefined && cell.value !== "";
          if (type === "Formulas" ? isFormula : hasValue && !isFormula)
            areas.push({ top: row, left: col, bottom: row, right: col });
        }
        return areas.length ? { sheet: t.sheet, areas } : null;
      },
      true,
    );
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.context.requireApi("Range.getMergedAreasOrNullObject", "1.13");
    return new RangeAreasProxy(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const merged = t.sheet.merges.filter((m) => intersects(m, t.areas[0]));
        return merged.length ? { sheet: t.sheet, areas: merged.map((m) => ({ ...m })) } : null;
      },
      true,
    );
  }
  merge(across = false): void {
    queueWrite(this, (t) => {
      const r = t.areas[0];
      const rects = across
        ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => ({ ...r, top: r.top + i, bottom: r.top + i }))
        : [r];
      t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, r));
      for (const m of rects) {
        forEachCell([m], (row, col) => {
          if (row === m.top && col === m.left) return;
          const cell = cellAt(t.sheet, row, col);
          if (cell) {
            cell.value = null;
            delete cell.formula;
          }
        });
        t.sheet.merges.push(m);
      }
    });
  }
  unmerge(): void {
    queueWrite(this, (t) => void (t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.areas[0]))));
  }
  select(): void {
    this.context.enqueue(() => {
      const t = this.must();
      this.context.state.activeSheetId = t.sheet.id;
      t.sheet.selection = rectToA1(t.areas[0]);
    });
  }
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    queueWrite(this, (t) =>
      forEachCell(t.areas, (r, c) => {
        const cell = cellAt(t.sheet, r, c);
        if (!cell) return;
        if (applyTo !== "Formats") {
          cell.value = null;
          delete cell.formula;
          delete cell.text;
        }
        if (applyTo !== "Contents") {
          delete cell.format;
          delete cell.numberFormat;
        }
      }),
    );
  }
}

class RangeCollectionProxy extends FakeCollection<AreasTarget, RangeProxy> {
  constructor(
    context: FakeRequestContext,
    private readonly owner: RangeAreasProxy,
  ) {
    super(context, "areas");
  }
  protected members(): AreasTarget[] {
    const t = this.owner.must();
    return t.areas.map((a) => ({ sheet: t.sheet, areas: [a] }));
  }
  protected wrap(member: AreasTarget): RangeProxy {
    return new RangeProxy(this.context, () => member);
  }
}

/** Several rectangles of one sheet (getRanges, merged areas), ExcelApi 1.9. */
export class RangeAreasProxy extends AreasProxy {
  constructor(context: FakeRequestContext, resolver: () => AreasTarget | null, nullable = false) {
    super(context, resolver, "range areas", nullable);
  }
  protected scalars(): readonly string[] {
    return ["address", "addressLocal", "areaCount", "cellCount"];
  }
  protected read(t: AreasTarget, property: string): unknown {
    if (property === "address" || property === "addressLocal") return t.areas.map((a) => qualified(t.sheet.name, a)).join(",");
    if (property === "areaCount") return t.areas.length;
    if (property === "cellCount") return t.areas.reduce((n, a) => n + rectCells(a), 0);
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${property}`);
  }
  protected override navigation(property: string): FakeProxy<unknown> | undefined {
    if (property === "areas") return undefined;
    return super.navigation(property);
  }
  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get areas(): RangeCollectionProxy {
    return this.child("areas", () => new RangeCollectionProxy(this.context, this));
  }
  /** Selects every area; the selection reads "A1,B3:B9" as Excel's address does (without the sheet). */
  select(): void {
    this.context.enqueue(() => {
      const t = this.must();
      this.context.state.activeSheetId = t.sheet.id;
      t.sheet.selection = t.areas.map((a) => rectToA1(a)).join(",");
    });
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.context.requireApi("RangeAreas.conditionalFormats", "1.9");
    return this.child("cf", () => new ConditionalFormatCollectionProxy(this.context, this, ranges));
  }
}
