import { Decimal, MoneyUnit, convertUnit, formatAmount } from "../amount";
import type { StandardTable } from "../classify";
import { excerpt, shownAmount } from "../excerpt";
import { Finding } from "../finding";
import { judgeIdentity } from "../judge";
import { packageYearOf } from "../package-year";
import { Reporter } from "../reporter";
import { SheetSnapshot, SheetView } from "../snapshot";
import { parseTolerance } from "../tolerance";
import { cellStyle, displayAmount } from "../totals/display";
import { TimedColumn, mainPair, matchPriorColumn } from "./columns";
import { ComparedPart, ComparedTable, KeyedRow, comparedTables } from "./items";

/** A change of an item between the two years, as the 说明 would have to explain it. */
export interface YearChange {
  table: StandardTable;
  /** The item as this year's table names it (numbering kept), such as 「2.公务接待费」. */
  item: string;
  code: string | null;
  current: Decimal;
  last: Decimal;
  /** The unit of both figures: this year's table's. */
  unit: MoneyUnit;
}

export interface CompareOptions {
  /** How findings name last year's workbook: its file name as the user gave it. */
  lastFile: string;
  /** Rounding band in each table's own unit, as a decimal string; default "0.01". */
  tolerance?: string;
  /** YOY-CHANGE's rate, in percent; default 30. */
  changeThreshold?: Decimal | string | number;
  /**
   * True when the 说明 explains a change, which is then not reported (issue 20's narrative reader
   * answers it; without a 说明 every large change is reported).
   */
  explained?: (change: YearChange) => boolean;
}

export interface Comparison {
  findings: Finding[];
  /** The standard tables found in both years, in this year's sheet order: what was compared. */
  tables: StandardTable[];
}

/** YOY-CHANGE needs a change above the rate and above this many units of the table (10 万元 in a 万元 table). */
export const MIN_CHANGE_UNITS = new Decimal(10);
export const DEFAULT_CHANGE_THRESHOLD = new Decimal(30);
/** YOY-SAME-FILE wants at least this many figures besides zeros before it calls two files one. */
const SAME_FILE_MIN_FIGURES = 3;

/**
 * This year's workbook against last year's (issue 21): tables matched by their standard kind, rows by
 * classification code or label. Every finding sits on a cell of this year's workbook and names last
 * year's sheet and cell in `compare` and in `related` (as Excel writes a cell of another workbook,
 * `'[上年.xlsx]三公经费支出表'!C5`).
 */
export function compareWorkbooks(
  thisYear: readonly SheetSnapshot[],
  lastYear: readonly SheetSnapshot[],
  options: CompareOptions,
): Comparison {
  const band = parseTolerance(options.tolerance);
  const threshold = new Decimal(options.changeThreshold ?? DEFAULT_CHANGE_THRESHOLD);
  const mine = comparedTables(
    thisYear.map((s) => new SheetView(s)),
    packageYearOf(thisYear),
  );
  const theirs = comparedTables(
    lastYear.map((s) => new SheetView(s)),
    packageYearOf(lastYear),
  );
  const pairs = [...mine.values()].flatMap((t) => {
    const last = theirs.get(t.kind);
    return last ? [{ now: t, last }] : [];
  });
  const ctx: Context = { band, threshold, options };

  const same = sameFile(pairs, ctx);
  if (same) return { findings: same, tables: pairs.map((p) => p.now.kind) };
  const findings: Finding[] = [];
  for (const { now, last } of pairs) {
    const report = new Reporter(now.view.name, findings);
    for (const part of now.parts) {
      const lastPart = last.parts.find((p) => p.side === part.side);
      if (!lastPart) continue;
      const table = { now, last, part, lastPart };
      priorColumns(table, ctx, report);
      largeChanges(table, ctx, report);
      if (now.coded && last.coded) newAndGone(table, ctx, report);
    }
  }
  return { findings, tables: pairs.map((p) => p.now.kind) };
}

interface Context {
  band: Decimal;
  threshold: Decimal;
  options: CompareOptions;
}

interface TablePair {
  now: ComparedTable;
  last: ComparedTable;
  part: ComparedPart;
  lastPart: ComparedPart;
}

/** Rows of both years under one key, in this year's row order. */
function matchedRows(t: TablePair): { row: KeyedRow; lastRow: KeyedRow }[] {
  const out: { row: KeyedRow; lastRow: KeyedRow }[] = [];
  for (const [key, row] of t.part.rows) {
    const lastRow = t.lastPart.rows.get(key);
    if (lastRow) out.push({ row, lastRow });
  }
  return out;
}

/** Last year's figure in this year's unit, or null when the cell holds no number. */
function lastFigure(t: TablePair, row: number, col: number): Decimal | null {
  const v = t.last.amounts.value(row, col);
  return v === null ? null : convertUnit(v, t.last.unit, t.now.unit);
}

function show(t: TablePair, row: number, col: number) {
  const style = cellStyle(t.now.view, row, col);
  return (v: Decimal) => displayAmount(v, style);
}

/** Where last year's figure is: for `compare` and, in Excel's words for another workbook's cell, `related`. */
function lastPlace(t: TablePair, ctx: Context, row: number, col: number) {
  const sheet = t.last.view.name;
  const cell = t.last.view.address(row, col);
  const value = t.last.amounts.value(row, col);
  const book = ctx.options.lastFile.split(/[\\/]/).pop() ?? ctx.options.lastFile;
  return {
    compare: {
      file: ctx.options.lastFile,
      sheet,
      cell,
      value: value === null ? t.last.view.text(row, col) : formatAmount(value),
    },
    related: [`'[${book.replace(/'/g, "''")}]${sheet.replace(/'/g, "''")}'!${cell}`],
    name: `上年「${excerpt(sheet, 30)}」${cell}`,
  };
}

/** YOY-PRIOR: each 上年数 column against last year's own figure for the same item. */
function priorColumns(t: TablePair, ctx: Context, report: Reporter): void {
  for (const prior of t.part.columns.filter((c) => c.time === "prior")) {
    const source = matchPriorColumn(prior, t.lastPart.columns);
    if (!source) continue;
    for (const { row, lastRow } of matchedRows(t)) {
      const actual = t.now.amounts.value(row.row, prior.col);
      const expected = lastFigure(t, lastRow.row, source.col);
      if (actual === null || expected === null) continue;
      const place = lastPlace(t, ctx, lastRow.row, source.col);
      const judgement = judgeIdentity(
        {
          rule: "YOY-PRIOR",
          subject: `${excerpt(row.label, 30)}的${columnWords(prior)}`,
          actual,
          expectedPhrase: `${place.name}（${columnWords(source)}）`,
          expected,
          show: show(t, row.row, prior.col),
        },
        ctx.band,
        t.now.unit,
      );
      if (judgement)
        report.addJudgement(judgement, {
          cell: t.now.view.address(row.row, prior.col),
          related: place.related,
          anchor: `${t.part.side}${row.key}|${prior.header}`,
          compare: place.compare,
        });
    }
  }
}

/** YOY-CHANGE: an item that moved by more than the rate and by more than 10 units of the table. */
function largeChanges(t: TablePair, ctx: Context, report: Reporter): void {
  const pair = mainPair(t.part.columns, t.lastPart.columns);
  if (!pair) return;
  for (const { row, lastRow } of matchedRows(t)) {
    const current = t.now.amounts.value(row.row, pair.current.col);
    const last = lastFigure(t, lastRow.row, pair.last.col);
    if (current === null || last === null) continue;
    const change = current.minus(last);
    if (change.abs().lessThanOrEqualTo(MIN_CHANGE_UNITS)) continue;
    const rate = last.isZero() ? null : change.dividedBy(last.abs()).times(100);
    if (rate !== null && rate.abs().lessThanOrEqualTo(ctx.threshold)) continue;
    const yearChange: YearChange = { table: t.now.kind, item: row.label, code: row.code, current, last, unit: t.now.unit };
    if (ctx.options.explained?.(yearChange)) continue;
    const fmt = show(t, row.row, pair.current.col);
    const place = lastPlace(t, ctx, lastRow.row, pair.last.col);
    const how = change.isNegative() ? "减少" : "增加";
    const rateText =
      rate === null
        ? "上年为 0"
        : `${change.isNegative() ? "下降" : "增长"} ${rate.abs().toDecimalPlaces(2).toFixed(2)}%，超过 ${ctx.threshold.toFixed()}%`;
    report.add({
      rule: "YOY-CHANGE",
      cell: t.now.view.address(row.row, pair.current.col),
      related: place.related,
      anchor: `${t.part.side}${row.key}`,
      compare: place.compare,
      message: `${excerpt(row.label, 30)} 本年 ${fmt(current)}，${place.name} ${fmt(last)}，${how} ${fmt(change.abs())}（${t.now.unit}），${rateText}，需在说明中解释`,
      expected: last,
      actual: current,
      unit: t.now.unit,
    });
  }
}

/** 类 (3 digits) and 款 (5 digits): the levels whose appearing or going a reviewer asks about. */
const CLASS_OR_SECTION = /^\d{3}(\d{2})?$/;

/** YOY-NEW and YOY-GONE: a 类 or 款 with money in one year and no row in the other. */
function newAndGone(t: TablePair, ctx: Context, report: Reporter): void {
  const pair = mainPair(t.part.columns, t.lastPart.columns);
  if (!pair) return;
  const level = (code: string) => (code.length === 3 ? "类" : "款");
  for (const [key, row] of t.part.rows) {
    if (!row.code || !CLASS_OR_SECTION.test(row.code) || t.lastPart.rows.has(key)) continue;
    const v = t.now.amounts.value(row.row, pair.current.col);
    if (v === null || v.isZero()) continue;
    const fmt = show(t, row.row, pair.current.col);
    report.add({
      rule: "YOY-NEW",
      cell: t.now.view.address(row.row, pair.current.col),
      anchor: `${t.part.side}${row.key}`,
      message: `${level(row.code)}级科目 ${codeAndName(row)} 本年 ${fmt(v)}（${t.now.unit}），上年「${excerpt(t.last.view.name, 30)}」中没有这一科目：新增的${level(row.code)}需在说明中解释`,
    });
  }
  for (const [key, lastRow] of t.lastPart.rows) {
    if (!lastRow.code || !CLASS_OR_SECTION.test(lastRow.code) || t.part.rows.has(key)) continue;
    const v = lastFigure(t, lastRow.row, pair.last.col);
    if (v === null || v.isZero()) continue;
    const place = lastPlace(t, ctx, lastRow.row, pair.last.col);
    report.add({
      rule: "YOY-GONE",
      cell: t.now.titleCell,
      related: place.related,
      anchor: `${t.part.side}${key}`,
      compare: place.compare,
      message: `${level(lastRow.code)}级科目 ${codeAndName(lastRow)} ${place.name} 为 ${shownAmount(v)}（${t.now.unit}），本年表中没有这一科目：取消的${level(lastRow.code)}需在说明中解释`,
    });
  }
}

/**
 * YOY-SAME-FILE: every figure the two years share is equal, and there are enough of them to say
 * so. Then the file is last year's sent again, and the 上年数 columns would each differ for one
 * reason: one finding says it, instead of one per cell.
 */
function sameFile(pairs: { now: ComparedTable; last: ComparedTable }[], ctx: Context): Finding[] | null {
  let figures = 0;
  let first: { t: TablePair } | null = null;
  for (const { now, last } of pairs) {
    for (const part of now.parts) {
      const lastPart = last.parts.find((p) => p.side === part.side);
      if (!lastPart) continue;
      const t = { now, last, part, lastPart };
      const main = mainPair(part.columns, lastPart.columns);
      if (!main) continue;
      for (const { row, lastRow } of matchedRows(t)) {
        const a = now.amounts.value(row.row, main.current.col);
        const b = lastFigure(t, lastRow.row, main.last.col);
        if (a === null || b === null) continue;
        if (!a.equals(b)) return null;
        if (!a.isZero()) figures++;
      }
      first ??= { t };
    }
  }
  if (!first || figures < SAME_FILE_MIN_FIGURES) return null;
  const { t } = first;
  const findings: Finding[] = [];
  new Reporter(t.now.view.name, findings).add({
    rule: "YOY-SAME-FILE",
    cell: t.now.titleCell,
    related: [],
    compare: { file: ctx.options.lastFile, sheet: t.last.view.name, cell: t.last.titleCell, value: "" },
    message: `本年各表的 ${figures} 个数字与上年文件「${excerpt(ctx.options.lastFile.split(/[\\/]/).pop() ?? "", 40)}」完全相同：可能把上年的文件又报送了一次，请确认文件是否为本年度的`,
  });
  return findings;
}

/** `221 住房保障支出`: the code, then the name unless the name already starts with it. */
function codeAndName(row: KeyedRow): string {
  const name = excerpt(row.label, 30);
  return row.code && !name.startsWith(row.code) ? `${row.code} ${name}` : name;
}

/** A column as a sentence names it: its header, or 「上年数」 when it has none. */
function columnWords(c: TimedColumn): string {
  return c.header ? `「${excerpt(c.header, 20)}」` : "上年数";
}
