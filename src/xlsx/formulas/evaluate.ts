import Decimal from "decimal.js";
import { decimalFromCellNumber } from "../../core/amount";
import { SheetAxis } from "../../core/sheet-axis";
import { CellValue, SheetSnapshot, isErrorValue, isUncalculated } from "../../core/snapshot";
import { Area, Formula, parseFormula } from "./parse";

/** Cells a workbook's evaluation may visit (range cells, dependencies): a hostile file cannot make it endless. */
const WORK_LIMIT = 20_000_000;

const ZERO = new Decimal(0);
const key = (sheet: number, row: number, col: number) => sheet * 17_179_869_184 + row * 16_384 + col;

/**
 * Gives formula cells that the file holds no result for (marked UNCALCULATED by the reader: no
 * cached value, or a workbook that asks to be recalculated on load) their value where it can be
 * had exactly: SUM, + and − over cells and numbers (parse.ts), in decimal.js, from the other cells
 * of any sheet that was read. Dependencies are evaluated first, without recursion; a cycle, a cell
 * holding text or an error, or an unsupported formula leaves the cell (and what depends on it)
 * UNCALCULATED, for the rules to leave unjudged. `show` gives the displayed text of a new value.
 * Returns how many cells got a value.
 */
export function evaluateUncalculated(snapshots: SheetSnapshot[], show: (value: number, numberFormat: string) => string): number {
  const grids = snapshots.map((s) => new Grid(s));
  const byName = new Map(snapshots.map((s, i) => [s.name.toLowerCase(), i]));
  const sheetOf = (name: string) => byName.get(name.toLowerCase());
  const formulas = new Map<number, Formula | null>();
  const results = new Map<number, Decimal | null>();
  let work = 0;

  const formulaAt = (k: number, sheet: number, row: number, col: number): Formula | null => {
    if (!formulas.has(k)) {
      const text = grids[sheet].at(row, col)?.formula ?? "";
      formulas.set(k, text ? parseFormula(text, sheet, sheetOf) : null);
    }
    return formulas.get(k)!;
  };

  /** The uncalculated cells a formula reads, which must be evaluated before it. */
  const dependencies = (f: Formula | null): number[] => {
    const out: number[] = [];
    const visit = (n: Formula) => {
      if (n.kind === "cell") addArea(n.at);
      else if (n.kind === "negate") visit(n.of);
      else if (n.kind === "add") {
        visit(n.left);
        visit(n.right);
      } else if (n.kind === "sum") {
        n.areas.forEach(addArea);
        n.terms.forEach(visit);
      }
    };
    const addArea = (a: Area) =>
      grids[a.sheet].each(a, (row, col, cell) => {
        work++;
        if (isUncalculated(cell.value)) out.push(key(a.sheet, row, col));
      });
    if (f) visit(f);
    return out;
  };

  /** A referenced cell's number: `inSum` ignores text and logical values as SUM does; null when unknown. */
  const number = (sheet: number, row: number, col: number, value: CellValue, inSum: boolean): Decimal | null | undefined => {
    if (value === null) return inSum ? undefined : ZERO;
    if (typeof value === "number")
      return isUncalculated(value) ? (results.get(key(sheet, row, col)) ?? null) : decimalFromCellNumber(value);
    if (typeof value === "string" && isErrorValue(value)) return null;
    return inSum ? undefined : null;
  };

  const evaluate = (n: Formula): Decimal | null => {
    switch (n.kind) {
      case "number":
        return n.value;
      case "cell": {
        const cell = grids[n.at.sheet].at(n.at.top, n.at.left);
        return number(n.at.sheet, n.at.top, n.at.left, cell?.value ?? null, false) ?? null;
      }
      case "negate":
        return evaluate(n.of)?.negated() ?? null;
      case "add": {
        const a = evaluate(n.left);
        const b = a === null ? null : evaluate(n.right);
        return a === null || b === null ? null : n.minus ? a.minus(b) : a.plus(b);
      }
      case "sum": {
        let total = ZERO;
        let known = true;
        for (const a of n.areas)
          grids[a.sheet].each(a, (row, col, cell) => {
            const v: Decimal | null | undefined = known ? number(a.sheet, row, col, cell.value, true) : null;
            if (v === null) known = false;
            else if (v !== undefined) total = total.plus(v);
          });
        for (const t of n.terms) {
          const v: Decimal | null = known ? evaluate(t) : null;
          if (v === null) known = false;
          else total = total.plus(v);
        }
        return known ? total : null;
      }
    }
  };

  let evaluated = 0;
  // Depth first over the dependencies, with an explicit stack: a chain of 100,000 running totals is no recursion.
  const state = new Map<number, "open" | "done">();
  grids.forEach((grid, sheet) =>
    grid.each(grid.whole(sheet), (row, col, cell) => {
      if (!isUncalculated(cell.value) || work > WORK_LIMIT) return;
      const start = key(sheet, row, col);
      if (state.has(start)) return;
      const stack = [{ k: start, sheet, row, col, deps: dependencies(formulaAt(start, sheet, row, col)), next: 0 }];
      state.set(start, "open");
      while (stack.length) {
        const top = stack[stack.length - 1];
        if (top.next < top.deps.length && work <= WORK_LIMIT) {
          const d = top.deps[top.next++];
          // A cell met again while open is a cycle: its result is missing when read, so unknown.
          if (state.has(d)) continue;
          const at = unkey(d);
          state.set(d, "open");
          stack.push({ k: d, ...at, deps: dependencies(formulaAt(d, at.sheet, at.row, at.col)), next: 0 });
          continue;
        }
        stack.pop();
        state.set(top.k, "done");
        const f = formulaAt(top.k, top.sheet, top.row, top.col);
        const value = f && work <= WORK_LIMIT ? evaluate(f) : null;
        results.set(top.k, value);
        if (value !== null) {
          grids[top.sheet].set(top.row, top.col, value.toNumber(), show);
          evaluated++;
        }
      }
    }),
  );
  return evaluated;
}

function unkey(k: number): { sheet: number; row: number; col: number } {
  const sheet = Math.floor(k / 17_179_869_184);
  const rest = k - sheet * 17_179_869_184;
  return { sheet, row: Math.floor(rest / 16_384), col: rest % 16_384 };
}

/** A snapshot read and written by sheet coordinates, through its stored rows and columns. */
class Grid {
  private readonly rows: SheetAxis;
  private readonly cols: SheetAxis;

  constructor(private readonly s: SheetSnapshot) {
    this.rows = new SheetAxis(s.origin.row, s.values.length, s.sheetRows);
    this.cols = new SheetAxis(
      s.origin.col,
      s.values.reduce((m, r) => Math.max(m, r.length), 0),
      s.sheetCols,
    );
  }

  whole(sheet: number): Area {
    return { sheet, top: this.rows.first, left: this.cols.first, bottom: this.rows.last, right: this.cols.last };
  }

  at(row: number, col: number): { value: CellValue; formula: string } | null {
    const r = this.rows.slot(row);
    const c = this.cols.slot(col);
    if (r < 0 || c < 0) return null;
    return { value: this.s.values[r][c] ?? null, formula: this.s.formulas[r][c] ?? "" };
  }

  set(row: number, col: number, value: number, show: (value: number, numberFormat: string) => string): void {
    const r = this.rows.slot(row);
    const c = this.cols.slot(col);
    this.s.values[r][c] = value;
    this.s.texts[r][c] = show(value, this.s.numberFormats[r][c]);
  }

  /** Every stored cell of the area, row by row (what lies in a collapsed gap is empty). */
  each(a: Area, visit: (row: number, col: number, cell: { value: CellValue; formula: string }) => void): void {
    const [r0, r1] = this.rows.slotsWithin(a.top, a.bottom);
    const [c0, c1] = this.cols.slotsWithin(a.left, a.right);
    const rows = this.rows.indexes();
    const cols = this.cols.indexes();
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++)
        visit(rows[r], cols[c], { value: this.s.values[r][c] ?? null, formula: this.s.formulas[r][c] ?? "" });
  }
}
