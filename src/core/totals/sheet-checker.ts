import { Decimal, MoneyUnit, groupThousands } from "../amount";
import { CheckContext } from "../context";
import { IdentityBook, SheetPort, SumSpec, TableArea } from "../engine/book";
import { choose, score } from "../engine/choose";
import { Finding } from "../finding";
import { Reporter } from "../reporter";
import { SheetView } from "../snapshot";
import { cellStyle, displayAmount } from "./display";
import { AmountReader, amountsOf } from "./read/amounts";
import { readRows, rowInfoAt } from "./read/rows";
import { columnName, rowLabelNear } from "./read/table-helpers";
import { TableLayout, locateTables } from "./read/table-layout";

/**
 * Everything the rules of one sheet share: the readers, the reporter, and the workbook's identity
 * book (src/core/engine/book.ts), where the sum rules register their identities. Nothing is judged
 * when a sum is registered: the book judges all of them at once, after every sheet and the
 * cross-table checks have registered theirs, so that one wrong figure gives one finding.
 */
export class SheetChecker implements SheetPort {
  readonly report: Reporter;
  readonly amounts: AmountReader;
  /** The table whose rules run now: its sums are judged together (quiet when unsure). */
  private table: TableArea | null = null;
  private readonly areas = new Map<TableLayout, TableArea>();

  constructor(
    readonly view: SheetView,
    readonly ctx: CheckContext,
    readonly book: IdentityBook,
  ) {
    this.amounts = amountsOf(view);
    this.report = new Reporter(view.name);
    book.addSheet(this);
  }

  get findings(): Finding[] {
    return this.report.findings;
  }

  value(row: number, col: number): Decimal | null {
    return this.amounts.value(row, col);
  }

  isEmpty(row: number, col: number): boolean {
    return this.amounts.isEmpty(row, col);
  }

  show(row: number, col: number): (value: Decimal) => string {
    // A count is a whole number of people or households: no money decimals.
    if (this.isCount(row, col)) return (v) => groupThousands(v.toString());
    const style = cellStyle(this.view, row, col);
    return (v) => displayAmount(v, style);
  }

  unitAt(row: number, col: number): MoneyUnit | "" {
    return this.isCount(row, col) ? "" : this.ctx.unit;
  }

  /** True for a cell of a count column (户数, 人数): its sums are checked, but it is no money. */
  private isCount(row: number, col: number): boolean {
    return this.tableAt(row, col)?.columns.find((c) => c.col === col)?.role === "count";
  }

  /** The located table a cell lies in, if any. */
  private tableAt(row: number, col: number): TableLayout | undefined {
    return locateTables(this.view).find((t) => row >= t.firstRow && row <= t.lastRow && t.columns.some((x) => x.col === col));
  }

  /** A cell as messages name it: the row's code and label, and the column's header. */
  nameCell(row: number, col: number): string {
    const table = this.tableAt(row, col);
    if (!table) return this.view.address(row, col);
    // Names repeat under different codes (行政运行): the code keeps the message and the id apart.
    const code = rowInfoAt(readRows(this.view, table, table.labelCols[0]), row)?.code;
    return `${code ? `${code} ` : ""}${rowLabelNear(this.view, table, row, col)}（${columnName(this.view, table, col)}）`;
  }

  /** The rules that follow are about this table: their sums are judged as its reading. */
  inTable(layout: TableLayout): void {
    let area = this.areas.get(layout);
    if (!area) {
      const cols = layout.columns.map((c) => c.col);
      const head = layout.columns.map((c) => c.header).find((h) => h !== "") ?? "";
      area = {
        anchor: `${head}|${layout.panel ? layout.panel.index : 0}`,
        headerTop: layout.headerTop,
        firstRow: layout.firstRow,
        lastRow: layout.lastRow,
        firstCol: Math.min(...cols),
        lastCol: Math.max(...cols),
      };
      this.areas.set(layout, area);
      this.book.addTable(this, area);
    }
    this.table = area;
  }

  /** The area of a table already seen, for the cross-table checks. */
  areaOf(layout: TableLayout): TableArea | null {
    return this.areas.get(layout) ?? null;
  }

  /** Registers `total = Σ items` for the table in hand. */
  sum(spec: SumSpec): void {
    this.book.addSum(this, this.table, spec);
  }

  /** Registers sums the labels suggest but do not settle: judged only where the figures bear them out. */
  family(name: string, specs: SumSpec[], likely = false): void {
    this.book.addFamily(this, this.table, name, specs, likely);
  }

  /** How many of these sums fail beyond the band on the figures (nothing is registered). */
  failing(specs: SumSpec[]): number {
    return score(
      specs.map((s) => this.book.sumIdentity(this, s)),
      this.book.value,
    ).failing;
  }

  /** Which of several readings (lists of sums) its figures bear out best; nothing is registered. */
  best(readings: SumSpec[][]): number {
    return choose(
      readings.map((r) => r.map((s) => this.book.sumIdentity(this, s))),
      (o) => o,
      this.book.value,
    );
  }

  /** Of several readings of a part of the table, registers the one its figures bear out best. */
  choose(readings: SumSpec[][]): number {
    return this.book.addChoice(this, this.table, readings);
  }
}
