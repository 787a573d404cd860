import { MoneyUnit } from "../../amount";
import { SheetView, compactLabel } from "../../snapshot";
import { normaliseCategory } from "./framework";
import { IndicatorHeader, readHeader } from "./layout";
import { ProjectHeader, readProjectHeader } from "./project";

/** A category cell after carry-down: the normalised name and where it is written. */
export interface CategoryCell {
  name: string;
  raw: string;
  row: number;
  col: number;
  /** Written in this row (not carried down from a row above or from a merged area). */
  explicit: boolean;
}

export interface ValueCell {
  row: number;
  col: number;
  /** The value column's header label. */
  label: string;
  /** The displayed text, number format applied. */
  text: string;
}

export interface IndicatorRow {
  row: number;
  level1: CategoryCell | null;
  level2: CategoryCell | null;
  /** The 三级指标 text (trimmed) and its column. */
  name: string;
  nameCol: number;
  values: ValueCell[];
}

export interface IndicatorBlock {
  ordinal: number;
  header: IndicatorHeader;
  project: ProjectHeader;
  rows: IndicatorRow[];
  /** Rows that name a category but carry neither indicator nor value (IND-UNUSED). */
  unused: { row: number; level2: CategoryCell }[];
}

const HEADER_HINT = /^(?:一级(?:指标)?|三级(?:指标)?|指标名称)[:：]?$/;
/** Labels that start the next project's header: the indicator rows of a block end before them. */
const BOUNDARY_EXACT = /^(?:项目名称|项目编码|项目编号|预算数|申请单位|绩效目标|年度目标|一级预算单位)[:：]?$/;
const BOUNDARY_PREFIX = /^(?:资金支出计划|单位[:：]|金额单位|填报人|填表人|联系人|审核人|单位负责人|项目总金额|本年度项目金额)/;
const BOUNDARY_TITLE = /(?:绩效目标表|申报表|自评表)$/;


/** Cheap first test on the raw text, so that most data cells skip the label regexes. */
const HINT_PREFILTER = /一级|三级|指标名称/;
const BOUNDARY_PREFILTER = /项目|预算|单位|资金支出|绩效目标|年度目标|填|联系|审核|申报表|自评表/;
/** The first characters of both prefilters' words: one character-class test rejects most data cells. */
const ANY_PREFILTER = /[一三指项预单资绩年填联审申自]/;

/** scanRow's answer as bit flags: one number per row instead of an object. */
const ROW_FILLED = 1;
const ROW_HEADER_HINT = 2;
const ROW_BOUNDARY = 4;

/** One pass over a row's cells: is it filled, could it be a header, does it start a new project. */
function scanRow(view: SheetView, row: number): number {
  let flags = 0;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const text = view.text(row, c);
    if (text === "") continue;
    const candidate = ANY_PREFILTER.test(text);
    const hint = candidate && HINT_PREFILTER.test(text);
    const bound = candidate && BOUNDARY_PREFILTER.test(text);
    if (!hint && !bound) {
      if (!(flags & ROW_FILLED) && text.trim() !== "") flags |= ROW_FILLED;
      continue;
    }
    const l = compactLabel(text);
    if (l === "") continue;
    flags |= ROW_FILLED;
    if (hint && HEADER_HINT.test(l)) flags |= ROW_HEADER_HINT;
    if (bound && (BOUNDARY_EXACT.test(l) || BOUNDARY_PREFIX.test(l) || BOUNDARY_TITLE.test(l))) flags |= ROW_BOUNDARY;
  }
  return flags;
}

class CategoryReader {
  private carried: CategoryCell | null = null;
  /** The carried cell as later rows see it (explicit: false), allocated once per group. */
  private carriedCopy: CategoryCell | null = null;
  constructor(
    private readonly view: SheetView,
    private readonly col: number | null,
  ) {}

  /** Resets the carried category; `parentChanged` is how 二级 forgets its value under a new 一级. */
  reset(): void {
    this.carried = null;
    this.carriedCopy = null;
  }

  read(row: number): CategoryCell | null {
    if (this.col === null) return null;
    const raw = this.view.text(row, this.col).trim();
    if (raw !== "") {
      this.carried = { name: normaliseCategory(raw), raw, row, col: this.col, explicit: true };
      this.carriedCopy = null;
      return this.carried;
    }
    // Only rows below a merge's first row continue it; its first row carries the text itself.
    const merge = this.view.mergeAt(row, this.col);
    const top = merge && row > merge.top ? { row: merge.top, col: merge.left } : undefined;
    if (top) {
      const text = this.view.text(top.row, top.col).trim();
      if (text !== "") {
        this.carried = { name: normaliseCategory(text), raw: text, row: top.row, col: top.col, explicit: false };
        this.carriedCopy = this.carried;
        return this.carried;
      }
    }
    if (!this.carried) return null;
    this.carriedCopy ??= { ...this.carried, explicit: false };
    return this.carriedCopy;
  }
}

/** Splits an indicator sheet into project blocks, each with its header, project data and rows. */
export function readBlocks(view: SheetView, fallbackUnit: MoneyUnit): IndicatorBlock[] {
  const blocks: IndicatorBlock[] = [];
  forEachBlock(view, fallbackUnit, (block) => blocks.push(block));
  return blocks;
}

/**
 * readBlocks one block at a time: `visit` gets each block as soon as its last row is read, so a
 * caller that checks and drops blocks does not keep the rows of the whole sheet alive (on a large
 * sheet, holding them all made the garbage collector copy every row object). Returns the count.
 */
export function forEachBlock(view: SheetView, fallbackUnit: MoneyUnit, visit: (block: IndicatorBlock) => void): number {
  let count = 0;
  let regionStart = view.firstRow;
  let current: IndicatorBlock | null = null;
  let level1: CategoryReader | null = null;
  let level2: CategoryReader | null = null;

  for (let r = view.firstRow; r <= view.lastRow; r++) {
    const scan = scanRow(view, r);
    if (!(scan & ROW_FILLED)) continue;
    const header = scan & ROW_HEADER_HINT ? readHeader(view, r) : null;
    if (header) {
      if (current) visit(current);
      const project = readProjectHeader(view, regionStart, r - 1, fallbackUnit, count + 1);
      count++;
      current = { ordinal: count, header, project, rows: [], unused: [] };
      level1 = new CategoryReader(view, header.level1);
      level2 = new CategoryReader(view, header.level2);
      r = header.lastRow;
      regionStart = r + 1;
      continue;
    }
    if (!current || !level1 || !level2) continue;
    if (scan & ROW_BOUNDARY) {
      visit(current);
      current = null;
      regionStart = r;
      continue;
    }
    regionStart = r + 1;
    const h = current.header;
    const l1 = level1.read(r);
    if (l1?.explicit) {
      const prev = current.rows.length > 0 ? current.rows[current.rows.length - 1].level1 : null;
      if (!prev || prev.name !== l1.name) level2.reset();
    }
    const l2 = level2.read(r);
    const name = view.text(r, h.level3).trim();
    const values: ValueCell[] = [];
    let anyValue = false;
    for (const v of h.values) {
      const text = view.text(r, v.col).trim();
      if (text !== "") anyValue = true;
      values.push({ row: r, col: v.col, label: v.label, text });
    }
    if (name === "" && !anyValue) {
      if (l2?.explicit) current.unused.push({ row: r, level2: l2 });
      continue;
    }
    current.rows.push({ row: r, level1: l1, level2: l2, name, nameCol: h.level3, values });
  }
  if (current) visit(current);
  return count;
}
