import Decimal from "decimal.js";
import { CellRef } from "../address";
import { MoneyUnit, UNIT_IN_YUAN } from "../amount";
import { RuleId } from "../catalogue";
import { CheckContext } from "../context";
import { objectArray } from "../object-arrays";
import { Reporter } from "../reporter";
import { SheetView } from "../snapshot";
import { CellCache } from "../totals/read/cell-cache";
import { choose } from "./choose";
import { Evaluated, Identity, Status, residualIn, statusOf } from "./system";

/** How a sum's finding names things; built only for the sums that are reported. */
export interface SumNames {
  /** The total, such as `本年支出合计` or `合计（基本支出）`. */
  subject: string;
  /** The sum of the items, such as `各项支出之和`. */
  itemsPhrase: string;
  /** Keeps the finding id stable when rows move: the row label and column header. */
  anchor: string;
}

/** A sum identity of one sheet, `total = Σ items`, as a rule states it. */
export interface SumSpec {
  rule: RuleId;
  total: CellRef;
  items: CellRef[];
  names: () => SumNames;
  /** Totals of one kind in one table, compared for FORMULA-CONST. */
  group: string;
  /** Labelled item cells still empty: the formula must cover them too, or a figure typed later is lost. */
  slots?: CellRef[];
  /** The total's formula need not add the items (收入总计 = 支出总计 compares two totals). */
  skipFormula?: boolean;
}

/** A table's place on its sheet: what the note on a doubtful reading points at, and the cells it covers. */
export interface TableArea {
  /** Keeps the note's id stable when rows move: the table's first header words. */
  anchor: string;
  headerTop: number;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

/** What the engine needs of a sheet; the totals rules provide it (src/core/totals/sheet-checker.ts). */
export interface SheetPort {
  view: SheetView;
  ctx: CheckContext;
  /** The cell's amount (empty = 0), or null when it holds no amount. */
  value(row: number, col: number): Decimal | null;
  isEmpty(row: number, col: number): boolean;
  /** The sheet's findings so far: the engine adds its own and may withdraw those of a doubtful table. */
  report: Reporter;
  /** How a message names a cell: its row label and column header. */
  nameCell(row: number, col: number): string;
  /** How a message shows an amount of this cell: as the table does. */
  show(row: number, col: number): (value: Decimal) => string;
  /** The unit a message gives this cell's figure: the sheet's money unit, "" for a count (户数, 人数). */
  unitAt(row: number, col: number): MoneyUnit | "";
}

/** A sum as registered: where it lives, and its state on the figures. */
export interface SumEntry {
  kind: "sum";
  sheet: SheetPort;
  table: TableArea | null;
  spec: SumSpec;
  identity: number;
  /** Set for a sum of a family the labels only suggest: judged only where its table's figures bear it out. */
  family?: Family;
}

/**
 * Sums that the labels suggest but do not settle (numbered sub-items that may or may not add up
 * to the item above them, `其中` rows that may or may not be complete): kept only where most of
 * them hold on the figures, or where their failures point at a culprit (resolve.ts).
 */
export interface Family {
  name: string;
  /**
   * Likely before any figure is read (numbered sub-items under a numbered item are nearly always
   * complete): one unexplained failure does not reject it, as it does a family only suggested.
   */
  likely: boolean;
  sheet: SheetPort;
  table: TableArea | null;
  identities: number[];
}

/** One side of a figure that two tables repeat: a cell, the cells it sums, or nothing (counts as 0). */
export interface CopyPoint {
  sheet: SheetPort;
  cells: CellRef[];
  table: TableArea | null;
  /** How a message names it, such as `支出总表类级科目 210 的合计`. */
  name: string;
}

/** Two copies of one figure that must agree (docs/domain.md §5). */
export interface CopySpec {
  rule: RuleId;
  preferred: CopyPoint;
  other: CopyPoint;
  anchor: string;
  /** The other tables have already shown which copy is wrong: the finding goes on `preferred`. */
  fixed?: boolean;
  /** Another comparison's finding explains this one where no culprit does: it is not reported. */
  quiet?: boolean;
  /** What the cross-table rules need to place the finding when no culprit explains it. */
  place?: unknown;
}

export interface CopyEntry {
  kind: "copy";
  spec: CopySpec;
  identity: number;
}

export type Entry = SumEntry | CopyEntry;

/**
 * Every identity of a workbook, one linear system (issue 16, principle 2): the sheets' sums as
 * their rules register them, and the figures the tables repeat. Each identity is evaluated as it
 * is registered (the values are there already); resolve.ts localizes the culprits and reports.
 */
export class IdentityBook {
  readonly identities: Identity[] = objectArray();
  readonly residuals: (Decimal | null)[] = objectArray();
  readonly statuses: Status[] = objectArray();
  readonly entries: Entry[] = objectArray();
  /** Each identity's entry, by identity: a scan of the entries per look-up grows with the book. */
  private readonly byIdentity: Entry[] = objectArray();
  readonly families: Family[] = [];
  /** The cells that are the total of some identity, built when a report needs it. */
  totalCells?: Set<number>;
  readonly sheets: SheetPort[] = [];
  /** The tables registered per sheet, in order. */
  readonly tables = new Map<SheetPort, TableArea[]>();
  /**
   * Per sheet, each cell's id, handed out on first use: a sum's cells are looked up once per
   * registration, and a grid by row and column is much cheaper than a Map keyed by cell on long tables.
   */
  private readonly cellIds = new Map<SheetPort, CellCache<number, CellOf>>();
  /**
   * The sums registered per total cell, to find one registered twice: a list threaded through two
   * arrays (the last sum per cell, and per sum the one before it), −1 ending it. A Map of arrays
   * cost an entry and an array per sum, all kept until the book is reported.
   */
  private readonly lastSumAt: number[] = [];
  private readonly sumBefore: number[] = [];
  readonly cellSheet: SheetPort[] = objectArray();
  readonly cellRow: number[] = [];
  readonly cellCol: number[] = [];
  private readonly values: (Decimal | null)[] = objectArray();
  private readonly sheetIndex = new Map<SheetPort, number>();

  addSheet(sheet: SheetPort): void {
    if (this.sheetIndex.has(sheet)) return;
    this.sheetIndex.set(sheet, this.sheets.length);
    this.sheets.push(sheet);
    this.cellIds.set(sheet, new CellCache<number, CellOf>(sheet.view, IdentityBook.newCellOf, { book: this, sheet }));
    this.tables.set(sheet, []);
  }

  addTable(sheet: SheetPort, table: TableArea): void {
    const list = this.tables.get(sheet)!;
    if (!list.includes(table)) list.push(table);
  }

  cell(sheet: SheetPort, row: number, col: number): number {
    return this.cellIds.get(sheet)!.get(row, col);
  }

  /** A cell's id handed out for its sheet's cache: one function for every book (see CellCache). */
  private static newCellOf(of: CellOf, row: number, col: number): number {
    return of.book.newCell(of.sheet, row, col);
  }

  private newCell(sheet: SheetPort, row: number, col: number): number {
    const id = this.values.length;
    this.values.push(sheet.value(row, col));
    this.cellSheet.push(sheet);
    this.cellRow.push(row);
    this.cellCol.push(col);
    this.lastSumAt.push(-1);
    return id;
  }

  readonly value = (cell: number): Decimal | null => this.values[cell];

  /** The identity of a sum spec on a sheet, not registered. */
  sumIdentity(sheet: SheetPort, spec: { total: CellRef; items: CellRef[] }): Identity {
    const ids = this.cellIds.get(sheet)!;
    const items = new Array<number>(spec.items.length);
    for (let i = 0; i < items.length; i++) items[i] = ids.get(spec.items[i].row, spec.items[i].col);
    return { total: ids.get(spec.total.row, spec.total.col), items, band: sheet.ctx.band };
  }

  addSum(sheet: SheetPort, table: TableArea | null, spec: SumSpec, family?: Family): number {
    const id = this.sumIdentity(sheet, spec);
    // The same sum read twice (a 三公 breakdown the table's own rule knows, and the outline
    // suggests) is one identity: twice, it would look like a cell that breaks two.
    // The first registered of them, as the list is walked from the last.
    let known = -1;
    for (let i = this.lastSumAt[id.total]; i >= 0; i = this.sumBefore[i])
      if (sameCells(this.identities[i].items, id.items)) known = i;
    if (known >= 0) {
      // A rule that knows the sum for certain outranks a family that only suggested it.
      const entry = this.entryOf(known) as SumEntry;
      if (!family && entry?.family) {
        entry.family.identities.splice(entry.family.identities.indexOf(known), 1);
        delete entry.family;
        entry.spec = spec;
      }
      return known;
    }
    const identity = this.push(id);
    this.sumBefore[identity] = this.lastSumAt[id.total];
    this.lastSumAt[id.total] = identity;
    const entry: SumEntry = { kind: "sum", sheet, table, spec, identity };
    if (family) {
      entry.family = family;
      family.identities.push(identity);
    }
    this.entries.push(entry);
    this.byIdentity[identity] = entry;
    return identity;
  }

  /** Registers sums the labels suggest but do not settle, as one family (see Family). */
  addFamily(sheet: SheetPort, table: TableArea | null, name: string, specs: SumSpec[], likely = false): void {
    if (specs.length === 0) return;
    const family: Family = { name, likely, sheet, table, identities: [] };
    this.families.push(family);
    for (const spec of specs) this.addSum(sheet, table, spec, family);
  }

  /**
   * Of several readings of one part of a table (each a list of sums), the one whose sums hold best
   * (choose.ts); its sums are registered. Returns its index.
   */
  addChoice(sheet: SheetPort, table: TableArea | null, readings: SumSpec[][]): number {
    const options = readings.map((r) => r.map((s) => this.sumIdentity(sheet, s)));
    const best = choose(options, (o) => o, this.value);
    for (const spec of readings[best]) this.addSum(sheet, table, spec);
    return best;
  }

  addCopy(spec: CopySpec): number {
    const { preferred, other } = spec;
    // One side is a single cell (the other may sum several, or be missing and count as 0): that
    // cell is the identity's total, the other side its items, converted into its unit.
    const single = preferred.cells.length === 1 || other.cells.length !== 1 ? preferred : other;
    const many = single === preferred ? other : preferred;
    const factor = UNIT_IN_YUAN[many.sheet.ctx.unit].dividedBy(UNIT_IN_YUAN[single.sheet.ctx.unit]);
    const identity = this.push({
      total: this.cell(single.sheet, single.cells[0].row, single.cells[0].col),
      items: many.cells.map((c) => this.cell(many.sheet, c.row, c.col)),
      ...(factor.eq(1) ? {} : { factor }),
      band: single.sheet.ctx.band,
      copy: true,
    });
    const entry: CopyEntry = { kind: "copy", spec, identity };
    this.entries.push(entry);
    this.byIdentity[identity] = entry;
    return identity;
  }

  /** The entry that registered an identity (entries are registered in identity order). */
  entryOf(identity: number): Entry {
    return this.byIdentity[identity];
  }

  /** The whole system as localize and judgeTable read it. */
  asEvaluated(): Evaluated {
    return { identities: this.identities, residuals: this.residuals, statuses: this.statuses };
  }

  private push(identity: Identity): number {
    const r = residualIn(identity, this.values);
    this.identities.push(identity);
    this.residuals.push(r);
    this.statuses.push(statusOf(r, identity.band));
    this.sumBefore.push(-1);
    return this.identities.length - 1;
  }
}

/** Whose cell ids a sheet's cache hands out. */
interface CellOf {
  book: IdentityBook;
  sheet: SheetPort;
}

/** Whether two lists name the same cells (a sum's items, in any order). */
function sameCells(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (const x of a) if (!b.includes(x)) return false;
  return true;
}
