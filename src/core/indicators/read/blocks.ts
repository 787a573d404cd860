import Decimal from "decimal.js";
import { MoneyUnit } from "../../amount";
import { quoted } from "../../excerpt";
import { SheetView, compactLabel, isErrorValue } from "../../snapshot";
import { isKnownLevel2, level1Of, normaliseCategory, normaliseLevel1, pointsInLabel } from "./framework";
import { FundsBlock, FundsCell, readFigureCell, readFunds } from "./funds";
import { confirmColumns } from "./columns";
import { isPlaceholderName } from "./placeholders";
import { IndicatorHeader, readHeader } from "./layout";
import { ProjectHeader, readProjectHeader } from "./project";
import { SplitValue, columnComparator, columnUnit, combineValue } from "./split-value";

/** A category cell after carry-down: the normalised name and where it is written. */
export interface CategoryCell {
  name: string;
  raw: string;
  row: number;
  col: number;
  /** Written in this row (not carried down from a row above or from a merged area). */
  explicit: boolean;
  /** Points written into the label: `产出指标(50分)` states 50. */
  points: Decimal | null;
}

export interface ValueCell {
  row: number;
  col: number;
  /** The value column's header label. */
  label: string;
  /**
   * The value as the rules read it: the displayed text (number format applied), joined with the
   * row's 指标性质 and 度量单位 cells when the form splits the value over columns.
   */
  text: string;
  /** A result column (完成值, 实际完成值), judged against the row's target. */
  actual: boolean;
  /** `#REF!` and the like: the cell is reported as CELL-ERROR and read by no other rule. */
  error?: string;
  /** The value's own unit contradicts the unit column (IND-UNIT-CONFLICT). */
  conflict?: SplitValue["conflict"];
  unitCol?: number;
  /**
   * The cell is covered by the indicator name's merge (`增加就业机会,提高农民收入。` written across 三级指标
   * and 指标值): the row states its target in that one sentence, which is the value the rules read.
   */
  inName: boolean;
}

/** A cell holding an error value, with what the message calls it. */
export interface ErrorCell {
  row: number;
  col: number;
  code: string;
  what: string;
}

export interface IndicatorRow {
  row: number;
  level1: CategoryCell | null;
  level2: CategoryCell | null;
  /** The 三级指标 text (trimmed) and its column. */
  name: string;
  /** The name is a blank form's placeholder (指标1, ……); see placeholders.ts. */
  placeholder: boolean;
  nameCol: number;
  values: ValueCell[];
  /** 定量 or 定性 from a 指标值类型 column, "" when the form has none. */
  valueType: string;
  valueTypeCol: number | null;
  /** 分值 (权重) and 得分 of a self-evaluation form. */
  points: FundsCell | null;
  score: FundsCell | null;
}

export interface IndicatorBlock {
  ordinal: number;
  header: IndicatorHeader;
  project: ProjectHeader;
  rows: IndicatorRow[];
  /** Rows that name a category but carry neither indicator nor value (IND-UNUSED). */
  unused: { row: number; level2: CategoryCell }[];
  /** Error values in the table's cells (CELL-ERROR). */
  errors: ErrorCell[];
  /** The table's 合计 row (its points and score), which also ends the table. */
  total: { row: number; points: FundsCell | null; score: FundsCell | null } | null;
  /** The first 一级 cell when that column holds 二级 names and the table is read one level down. */
  shifted: { row: number; col: number } | null;
  /** Last row of the table, for the dispatch that gives the rest of the sheet to the totals rules. */
  lastRow: number;
}

const HEADER_HINT = /^(?:一级(?:指标)?|三级(?:指标)?|指标名称)[:：]?$/;
/** Labels that start the next project's header: the indicator rows of a block end before them. */
const BOUNDARY_EXACT = /^(?:项目名称|项目编码|项目编号|预算数|申请单位|绩效目标|年度目标|一级预算单位)[:：]?$/;
const BOUNDARY_PREFIX =
  /^(?:资金支出计划|单位[:：]|金额单位|填报人|填表人|联系人|审核人|单位负责人|项目总金额|本年度项目金额|评价结论|存在问题|改进措施|项目负责人|财务负责人)/;
const BOUNDARY_TITLE = /(?:绩效目标表|申报表|自评表)$/;

/** Cheap first test on the raw text, so that most data cells skip the label regexes. */
const HINT_PREFILTER = /一级|三级|指标名称/;
const BOUNDARY_PREFILTER =
  /项目|预算|单位|资金支出|绩效目标|年度目标|填|联系|审核|申报表|自评表|评价结论|存在问题|改进措施|负责人/;
/** The first characters of both prefilters' words: one character-class test rejects most data cells. */
const ANY_PREFILTER = /[一三指项预单资绩年填联审申自评存改负执]/;
/** The table's 合计 row (seed 012: 合计 | … | 100 under 权重). */
const TOTAL_ROW = /^(?:合计|总计|总分|合计分值|分值合计)[:：]?$/;

/** scanRow's answer as bit flags: one number per row instead of an object. */
const ROW_FILLED = 1;
const ROW_HEADER_HINT = 2;
const ROW_BOUNDARY = 4;
/** The row names an 执行数: it may head a self-evaluation funds block (read/funds.ts). */
const ROW_FUNDS = 8;

/** One pass over a row's cells: is it filled, could it be a header, does it start a new project. */
function scanRow(view: SheetView, row: number): number {
  let flags = 0;
  const cols = view.cols();
  for (let j = 0; j < cols.length; j++) {
    const text = view.text(row, cols[j]);
    if (text === "") continue;
    const candidate = ANY_PREFILTER.test(text);
    if (candidate && text.includes("执行")) flags |= ROW_FUNDS;
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
    private readonly errors: ErrorCell[],
    private readonly what: string,
    private readonly normalise: (raw: string) => string = normaliseCategory,
  ) {}

  /** Resets the carried category; `parentChanged` is how 二级 forgets its value under a new 一级. */
  reset(): void {
    this.carried = null;
    this.carriedCopy = null;
  }

  read(row: number): CategoryCell | null {
    if (this.col === null) return null;
    const raw = this.view.text(row, this.col).trim();
    if (raw !== "" && raw.startsWith("#") && isErrorValue(this.view.value(row, this.col))) {
      this.errors.push({ row, col: this.col, code: raw, what: this.what });
      this.reset();
      return null;
    }
    if (raw !== "") {
      this.carried = category(raw, row, this.col, true, this.normalise);
      this.carriedCopy = null;
      return this.carried;
    }
    // Only rows below a merge's first row continue it; its first row carries the text itself.
    const merge = this.view.mergeAt(row, this.col);
    const top = merge && row > merge.top ? { row: merge.top, col: merge.left } : undefined;
    if (top) {
      const text = this.view.text(top.row, top.col).trim();
      if (text !== "") {
        this.carried = category(text, top.row, top.col, false, this.normalise);
        this.carriedCopy = this.carried;
        return this.carried;
      }
    }
    if (!this.carried) return null;
    this.carriedCopy ??= { ...this.carried, explicit: false };
    return this.carriedCopy;
  }
}

function category(raw: string, row: number, col: number, explicit: boolean, normalise: (raw: string) => string): CategoryCell {
  return { name: normalise(raw), raw, row, col, explicit, points: pointsInLabel(raw) };
}

/**
 * Forms that write the 二级 names (数量指标, 质量指标) in the 一级 column and the indicators in the
 * 二级 column: every 一级 name in the first rows is a known 二级 name and none a 一级 name. The
 * table is then read one level down (docs/domain.md §8); returns the first such cell, or null.
 */
function shiftedLevels(view: SheetView, header: IndicatorHeader): { row: number; col: number } | null {
  if (header.level1 === null || header.level2 === null) return null;
  let first: { row: number; col: number } | null = null;
  let known = 0;
  const last = Math.min(view.lastRow, view.stepRow(header.lastRow, 40));
  for (let r = view.nextRow(header.lastRow); r <= last; r = view.nextRow(r)) {
    const raw = view.text(r, header.level1).trim();
    if (raw === "") continue;
    const name = normaliseCategory(raw);
    if (level1Of(name)) return null;
    if (TOTAL_ROW.test(compactLabel(raw)) || BOUNDARY_PREFIX.test(compactLabel(raw))) break;
    if (!isKnownLevel2(name)) return null;
    first ??= { row: r, col: header.level1 };
    known++;
  }
  return known >= 2 ? first : null;
}

/** How many rows below a header confirm its columns: enough for a vote, bounded on a long table. */
const SAMPLE_ROWS = 40;

/** The filled rows below a header, up to the next header or project boundary: the cells that confirm its columns. */
function tableRows(view: SheetView, headerLast: number): number[] {
  const rows: number[] = [];
  const last = Math.min(view.lastRow, view.stepRow(headerLast, SAMPLE_ROWS));
  for (let r = view.nextRow(headerLast); r <= last; r = view.nextRow(r)) {
    const scan = scanRow(view, r);
    if (scan & (ROW_BOUNDARY | ROW_HEADER_HINT)) break;
    if (scan & ROW_FILLED) rows.push(r);
  }
  return rows;
}

function shiftHeader(header: IndicatorHeader): IndicatorHeader {
  return { ...header, level1: null, level2: header.level1, level3: header.level2! };
}

/** Reads the optional cells of a row: a figure cell (分值, 得分) or null when the form has no such column. */
function figureAt(view: SheetView, row: number, col: number | null): FundsCell | null {
  return col === null ? null : readFigureCell(view, row, col);
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
export function forEachBlock(
  view: SheetView,
  fallbackUnit: MoneyUnit,
  visit: (block: IndicatorBlock) => void,
  visitFunds?: (funds: FundsBlock) => void,
): number {
  let count = 0;
  let regionStart = view.firstRow;
  /** The blocks being read: one per panel of the current header (usually one). */
  let readings: Reading[] = [];
  /** Headers confirmed by their rows, by signature: a stacked form's first table speaks for the rest. */
  const confirmed = new Map<string, IndicatorHeader>();
  const finish = () => {
    for (const reading of readings) visit(reading.block);
    readings = [];
  };

  // The last row naming an 执行数: a project region holds a funds block only when it is inside it.
  let fundsRow = -1;
  for (let r = view.firstRow; r <= view.lastRow; r = view.nextRow(r)) {
    const scan = scanRow(view, r);
    if (!(scan & ROW_FILLED)) continue;
    if (scan & ROW_FUNDS) fundsRow = r;
    const found = scan & ROW_HEADER_HINT ? readHeader(view, r) : null;
    if (found) {
      finish();
      const project = readProjectHeader(view, regionStart, view.prevRow(r), fallbackUnit, count + 1, fundsRow >= regionStart);
      count++;
      let rows: number[] | null = null;
      const sample = () => (rows ??= tableRows(view, found.lastRow));
      readings = [found, ...(found.panels ?? [])].map((panel) => startReading(view, panel, project, count, sample, confirmed));
      r = found.lastRow;
      regionStart = view.nextRow(r);
      continue;
    }
    if (readings.length === 0) continue;
    if (scan & ROW_BOUNDARY) {
      finish();
      regionStart = r;
      continue;
    }
    regionStart = view.nextRow(r);
    const first = readings[0].block;
    const h = first.header;
    if (isTotalRow(view, h, r)) {
      first.total = { row: r, points: figureAt(view, r, h.points), score: figureAt(view, r, h.score) };
      for (const reading of readings) reading.block.lastRow = r;
      finish();
      continue;
    }
    for (const reading of readings) readRow(view, reading, r);
  }
  finish();
  // A funds block after the last indicator table (a form cut before its indicators) is still checked.
  if (visitFunds && regionStart <= view.lastRow && fundsRow >= regionStart) {
    const funds = readFunds(view, regionStart, view.lastRow);
    if (funds) visitFunds(funds);
  }
  return count;
}

/** A block being read, with the readers that carry its categories down. */
interface Reading {
  block: IndicatorBlock;
  level1: CategoryReader;
  level2: CategoryReader;
  /** The block's other named columns, checked for error values only; built once per header. */
  otherCols: number[];
}

function startReading(
  view: SheetView,
  found: IndicatorHeader,
  project: ProjectHeader,
  ordinal: number,
  sample: () => number[],
  confirmed: Map<string, IndicatorHeader>,
): Reading {
  const shifted = shiftedLevels(view, found);
  const proposed = shifted ? shiftHeader(found) : found;
  const key = `${proposed.signature}${shifted ? "|下移" : ""}`;
  const known = confirmed.get(key);
  let header: IndicatorHeader;
  if (known) {
    const { comparator, unit, valueType, values } = known;
    header = { ...proposed, comparator, unit, valueType, values };
  } else {
    header = confirmColumns(view, proposed, sample);
    if (header !== proposed) confirmed.set(key, header);
  }
  const block: IndicatorBlock = {
    ordinal,
    header,
    project,
    rows: [],
    unused: [],
    errors: [],
    total: null,
    shifted,
    lastRow: header.lastRow,
  };
  return {
    block,
    level1: new CategoryReader(view, header.level1, block.errors, "一级指标", normaliseLevel1),
    level2: new CategoryReader(view, header.level2, block.errors, "二级指标"),
    otherCols: [header.description, header.basis, header.comparator, header.valueType].filter((c): c is number => c !== null),
  };
}

/** Reads row `r` into the block: an indicator row, a category row with nothing else (IND-UNUSED), or nothing. */
function readRow(view: SheetView, reading: Reading, r: number): void {
  const { block, level1, level2, otherCols } = reading;
  const h = block.header;
  block.lastRow = r;
  const l1 = level1.read(r);
  if (l1?.explicit) {
    const prev = block.rows.length > 0 ? block.rows[block.rows.length - 1].level1 : null;
    if (!prev || prev.name !== l1.name) level2.reset();
  }
  const l2 = level2.read(r);
  let name = view.text(r, h.level3).trim();
  if (isError(view, r, h.level3, name)) {
    block.errors.push({ row: r, col: h.level3, code: name, what: "三级指标" });
    name = "";
  }
  const values = readValues(view, r, h, block.errors, name);
  for (const col of otherCols) {
    const text = view.text(r, col);
    if (isError(view, r, col, text))
      block.errors.push({ row: r, col, code: text, what: `${ofIndicator(name)}${columnName(view, h, col)}` });
  }
  let anyValue = false;
  for (const v of values) if (v.text !== "" || v.error) anyValue = true;
  const valueType = h.valueType === null ? "" : compactLabel(view.text(r, h.valueType));
  const points = figureAt(view, r, h.points);
  const score = figureAt(view, r, h.score);
  noteFigureError(block.errors, r, points, name, "分值");
  noteFigureError(block.errors, r, score, name, "得分");
  if (name === "" && !anyValue) {
    if (l2?.explicit) block.unused.push({ row: r, level2: l2 });
    return;
  }
  block.rows.push({
    row: r,
    level1: l1,
    level2: l2,
    name,
    placeholder: isPlaceholderName(name),
    nameCol: h.level3,
    values,
    valueType,
    valueTypeCol: h.valueType,
    points,
    score,
  });
}

function columnName(view: SheetView, h: IndicatorHeader, col: number): string {
  return compactLabel(view.text(h.row, col)) || "单元格";
}

/** How an error cell's message names the row's indicator: nothing when the name cell is empty. */
function ofIndicator(name: string): string {
  return name ? `三级指标${quoted(name, 20)}的` : "";
}

/** Takes the indicator's name, not the message, so that rows without errors build no text. */
function noteFigureError(errors: ErrorCell[], row: number, cell: FundsCell | null, name: string, column: string): void {
  if (cell?.error) errors.push({ row, col: cell.col, code: cell.error, what: `${ofIndicator(name)}${column}` });
}

function isError(view: SheetView, row: number, col: number, text: string): boolean {
  return text.startsWith("#") && isErrorValue(view.value(row, col));
}

/** A 合计 row in the columns left of the indicator names, with no indicator name of its own. */
function isTotalRow(view: SheetView, h: IndicatorHeader, row: number): boolean {
  if (h.points === null && h.score === null) return false;
  if (view.text(row, h.level3).trim() !== "") return false;
  for (const c of view.cols()) {
    if (c >= h.level3) break;
    const text = view.text(row, c);
    if (text !== "") return TOTAL_ROW.test(compactLabel(text));
  }
  return false;
}

function readValues(view: SheetView, row: number, h: IndicatorHeader, errors: ErrorCell[], name: string): ValueCell[] {
  const comparator = h.comparator === null ? "" : columnComparator(view.text(row, h.comparator));
  const unit = h.unit === null ? "" : columnUnit(view.text(row, h.unit));
  if (h.unit !== null && isError(view, row, h.unit, view.text(row, h.unit).trim()))
    errors.push({ row, col: h.unit, code: view.text(row, h.unit).trim(), what: "度量单位" });
  const values: ValueCell[] = [];
  for (const v of h.values) {
    const text = view.text(row, v.col).trim();
    // Every cell has every field, so the rules' hot loops see one object shape.
    const cell: ValueCell = {
      row,
      col: v.col,
      label: v.label,
      text,
      actual: v.actual,
      error: undefined,
      conflict: null,
      unitCol: undefined,
      inName: false,
    };
    if (text === "" && name !== "") {
      const merge = view.mergeAt(row, v.col);
      if (merge && merge.left <= h.level3 && merge.right >= v.col) {
        cell.text = name;
        cell.inName = true;
      }
    }
    if (isError(view, row, v.col, text)) {
      cell.error = text;
      cell.text = "";
      errors.push({ row, col: v.col, code: text, what: `${ofIndicator(name)}${v.label}` });
    } else if (comparator !== "" || unit !== "") {
      const split = combineValue(text, comparator, unit);
      cell.text = split.text;
      if (split.conflict) {
        cell.conflict = split.conflict;
        cell.unitCol = h.unit ?? undefined;
      }
    }
    values.push(cell);
  }
  return values;
}
