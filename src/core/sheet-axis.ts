/**
 * One axis (rows or columns) of a snapshot: which sheet indexes are stored, and where in the
 * arrays. A plain snapshot stores every index from its origin on, so a slot is an offset; a
 * snapshot whose long empty runs were collapsed (compact-sheet.ts) stores a sorted list of them,
 * and a table over the span between its first and last maps each index to its slot.
 *
 * The axis also defines the order rules step in: the stored indexes inside [first, last] and
 * every index outside it. Stepping from a stored index lands on the next stored one, so a run of
 * a million empty rows is one step, as it was before rules saw sheet coordinates.
 */
export class SheetAxis {
  /** First and last stored index; last = first − 1 when nothing is stored. */
  readonly first: number;
  readonly last: number;
  readonly count: number;
  /** Set when a gap was collapsed: the stored indexes, ascending. */
  private readonly kept: readonly number[] | null;
  /** For a collapsed axis: index − first → slot, or −1 inside a collapsed gap. */
  private readonly slots: Int32Array | null;
  private list?: readonly number[];

  /** `kept`, when given, lists the stored indexes (ascending, `count` of them); else they run on from `origin`. */
  constructor(origin: number, count: number, kept?: readonly number[]) {
    this.count = count;
    if (!kept || count === 0) {
      this.first = origin;
      this.last = origin + count - 1;
      this.kept = null;
      this.slots = null;
      return;
    }
    this.first = kept[0];
    this.last = kept[count - 1];
    this.kept = kept;
    // At most one sheet's span (1,048,576 rows): 4 MB at worst, and reads stay one array access.
    const slots = new Int32Array(this.last - this.first + 1).fill(-1);
    for (let i = 0; i < count; i++) slots[kept[i] - this.first] = i;
    this.slots = slots;
  }

  /** The slot of a stored index, −1 for any other. */
  slot(index: number): number {
    const d = index - this.first;
    if (this.slots === null) return d >= 0 && d < this.count ? d : -1;
    return d >= 0 && d < this.slots.length ? this.slots[d] : -1;
  }

  /** The stored indexes, ascending. */
  indexes(): readonly number[] {
    if (this.list) return this.list;
    if (this.kept) return (this.list = this.kept);
    // A plain loop: Array.from with a callback costs several times more on a 100k-row sheet, and
    // every view of a sheet builds its own list.
    const list = new Array<number>(this.count);
    for (let i = 0; i < this.count; i++) list[i] = this.first + i;
    return (this.list = list);
  }

  /** The index `steps` places after `index` in stepping order (before it when negative). */
  step(index: number, steps: number): number {
    if (this.kept === null || steps === 0) return index + steps;
    let from = index;
    if (index >= this.first && index <= this.last && this.slot(index) < 0) {
      // Inside a collapsed gap: the first step lands on the stored index beside it.
      const s = steps > 0 ? this.ceilSlot(index) : this.floorSlot(index);
      from = this.kept[s];
      steps -= Math.sign(steps);
    }
    return this.at(this.position(from) + steps);
  }

  next(index: number): number {
    return this.kept === null ? index + 1 : this.step(index, 1);
  }

  prev(index: number): number {
    return this.kept === null ? index - 1 : this.step(index, -1);
  }

  /** The slots of the stored indexes in [from, to]: [first, last], empty when first > last. */
  slotsWithin(from: number, to: number): [number, number] {
    return [this.ceilSlot(from), this.floorSlot(to)];
  }

  /** Stepping position of an index on the axis (stored, or outside [first, last]). */
  private position(index: number): number {
    if (index <= this.first) return index;
    if (index > this.last) return this.first + this.count - 1 + (index - this.last);
    return this.first + this.slot(index);
  }

  private at(position: number): number {
    if (position <= this.first) return position;
    const i = position - this.first;
    if (i >= this.count) return this.last + (i - this.count + 1);
    return this.kept ? this.kept[i] : position;
  }

  /** The slot of the first stored index ≥ index (count when none). */
  private ceilSlot(index: number): number {
    const s = this.slot(index);
    if (s >= 0) return s;
    if (index < this.first) return 0;
    if (index > this.last) return this.count;
    return this.floorSlot(index) + 1;
  }

  /** The slot of the last stored index ≤ index (−1 when none). */
  private floorSlot(index: number): number {
    const s = this.slot(index);
    if (s >= 0) return s;
    if (index < this.first) return -1;
    if (index > this.last) return this.count - 1;
    const kept = this.kept!;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (kept[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
