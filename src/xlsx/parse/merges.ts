import type { RectRef } from "../../core/address";

interface Node {
  center: number;
  /** The merges spanning the center row, by top ascending and by bottom descending. */
  byTop: RectRef[];
  byBottom: RectRef[];
  below?: Node;
  above?: Node;
}

/**
 * Which cells a sheet's merged areas cover (all but each area's top-left cell, which Excel keeps),
 * answered without listing the covered cells: 2,000 merges of a whole row cover 33 million cells.
 * The merges are held in an interval tree by rows; the areas crossing the row asked about are kept,
 * by their left column, until another row is asked about (cells come row by row).
 */
export class CoveredCells {
  private readonly root?: Node;
  private row = -1;
  private crossing: RectRef[] = [];

  constructor(merges: RectRef[]) {
    this.root = build(merges);
  }

  has(row: number, col: number): boolean {
    if (!this.root) return false;
    if (row !== this.row) {
      this.row = row;
      this.crossing = [];
      collect(this.root, row, this.crossing);
      this.crossing.sort((a, b) => a.left - b.left);
    }
    // The last area starting at or left of the column (merged areas do not overlap in a valid sheet).
    let lo = 0;
    let hi = this.crossing.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.crossing[mid].left <= col) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return false;
    const m = this.crossing[found];
    return col <= m.right && (row !== m.top || col !== m.left);
  }
}

function build(merges: RectRef[]): Node | undefined {
  if (merges.length === 0) return undefined;
  const ends = merges.flatMap((m) => [m.top, m.bottom]).sort((a, b) => a - b);
  const center = ends[ends.length >> 1];
  const here = merges.filter((m) => m.top <= center && center <= m.bottom);
  return {
    center,
    byTop: [...here].sort((a, b) => a.top - b.top),
    byBottom: here.sort((a, b) => b.bottom - a.bottom),
    below: build(merges.filter((m) => m.bottom < center)),
    above: build(merges.filter((m) => m.top > center)),
  };
}

function collect(node: Node | undefined, row: number, out: RectRef[]): void {
  for (let n = node; n;) {
    if (row < n.center) {
      for (const m of n.byTop) {
        if (m.top > row) break;
        out.push(m);
      }
      n = n.below;
    } else {
      for (const m of n.byBottom) {
        if (m.bottom < row) break;
        out.push(m);
      }
      n = n.above;
    }
  }
}
