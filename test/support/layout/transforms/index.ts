import type { SheetSnapshot } from "../../../../src/core/snapshot";
import { Grid } from "../grid";
import { locateTable } from "../locate";
import { joinCode, shortKuan, splitCode } from "./codes";
import { lineNoColumn, moveTotal } from "./columns";
import { breakdown, subtotals } from "./groups";
import { Layout, Skip, Transform, isSkip, rng } from "./layout";
import { twoPanels } from "./panels";
import { colNoRow, paddingRows } from "./rows";
import { scaleToYuan } from "./scale";

export type { Layout, Skip, Transform } from "./layout";
export { isSkip, rng } from "./layout";

/** The layout changes of issue 16, each keeping the table's content and every identity. */
export const TRANSFORMS: Transform[] = [
  moveTotal,
  splitCode,
  joinCode,
  shortKuan,
  paddingRows,
  lineNoColumn,
  colNoRow,
  twoPanels,
  subtotals,
  breakdown,
  scaleToYuan,
];

export function transformByName(name: string): Transform {
  const t = TRANSFORMS.find((t) => t.name === name);
  if (!t) throw new Error(`no transform ${name}`);
  return t;
}

/** A sheet ready to transform: its grid and its table, or why it has no amount table. */
export function layoutOf(sheet: SheetSnapshot): Layout | Skip {
  if (sheet.sheetRows || sheet.sheetCols) return { skip: "压缩过的快照" };
  const grid = Grid.fromSnapshot(sheet);
  const table = locateTable(grid);
  return "skip" in table ? table : { grid, table, added: [] };
}

/** Applies transforms in order, each with its own generator drawn from `seed`; the first that does not apply says why. */
export function applyChain(layout: Layout, chain: Transform[], seed: number): Layout | (Skip & { at: string }) {
  let l = layout;
  for (const [i, t] of chain.entries()) {
    const next = t.apply(l, rng(seed * 31 + i));
    if (isSkip(next)) return { ...next, at: t.name };
    l = next;
  }
  return l;
}
