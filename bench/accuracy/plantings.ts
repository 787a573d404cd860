import Decimal from "decimal.js";
import { toA1 } from "../../src/core/address";
import type { CorpusFile } from "../../test/support/corpus";
import type { CleanTable } from "../../test/support/layout/clean-tables";
import { changedFigure } from "../../test/support/layout/plant";
import { readRows } from "../../test/support/layout/rows";
import { rng } from "../../test/support/layout/transforms";
import { figure, isFigure, stripNumbering } from "../../test/support/layout/words";

/**
 * Where the bench plants. Amount cells are found without the checker, by the yardstick's reading
 * (test/support/layout/locate.ts): the figures in the body rows of a clean table's amount columns,
 * numeric cells under amount headers. Only tables whose identities all hold under that reading are
 * used, so a planted cell is one the table's own arithmetic ties to others.
 */
export interface AmountCell {
  file: CorpusFile;
  sheet: string;
  index: number;
  cell: string;
  value: Decimal;
  /** The total of one of the table's identities (a 合计 or 小计, a code with children, a total column). */
  total: boolean;
  /** A part of an identity and the total of none. */
  item: boolean;
  /** The same figure stands in another table of the workbook, in a row with the same code or label. */
  repeated: boolean;
}

export interface Planting extends AmountCell {
  after: Decimal;
}

/** A row's key across tables: its code, or its label without outline numbering (八、社会保障和就业支出 → 社会保障和就业支出). */
const rowKey = (label: string, code?: string) => code ?? stripNumbering(label);

export function amountCells(tables: CleanTable[]): AmountCell[] {
  const out: AmountCell[] = [];
  const keyed = new Map<CorpusFile, { sheet: string; key: string; value: string }[]>();
  const perTable = tables.map((t) => {
    const { grid, table } = t.layout;
    const totals = new Set(t.identities.map((i) => i.total));
    const parts = new Set(t.identities.flatMap((i) => i.parts));
    const cells: (Omit<AmountCell, "repeated"> & { key: string })[] = [];
    for (const panel of table.panels)
      for (const r of readRows(grid, panel))
        for (const c of panel.amounts) {
          const v = grid.at(r.row, c).v;
          if (!isFigure(v)) continue;
          const id = grid.at(r.row, c).id;
          const key = rowKey(r.label, r.code);
          const cell = { file: t.file, sheet: t.sheet, index: t.index, cell: toA1(r.row, c), value: figure(v)!, key };
          cells.push({ ...cell, total: totals.has(id), item: parts.has(id) && !totals.has(id) });
          const list = keyed.get(t.file) ?? [];
          list.push({ sheet: t.sheet, key, value: cell.value.toString() });
          keyed.set(t.file, list);
        }
    return cells;
  });
  for (const cells of perTable)
    for (const { key, ...cell } of cells) {
      const elsewhere = keyed
        .get(cell.file)!
        .some((o) => o.sheet !== cell.sheet && o.key === key && key !== "" && o.value === cell.value.toString());
      out.push({ ...cell, repeated: elsewhere && !cell.value.isZero() });
    }
  return out;
}

/**
 * `n` plantings with a fixed seed: the files take turns (so a large file does not drown the
 * others), a cell is drawn at random within the file, and its figure changes by one digit beyond
 * the band (test/support/layout/plant.ts).
 */
export function choosePlantings(cells: AmountCell[], n: number, seed: number): Planting[] {
  const random = rng(seed);
  const files = [...new Set(cells.map((c) => c.file))];
  const byFile = files.map((f) => cells.filter((c) => c.file === f));
  return Array.from({ length: files.length === 0 ? 0 : n }, (_, i) => {
    const cell = random.pick(byFile[i % files.length]);
    return { ...cell, after: changedFigure(cell.value, 1 + random.int(9), random.int(21), random() < 0.5) };
  });
}
