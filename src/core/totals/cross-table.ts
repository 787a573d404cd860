import { CellRef } from "../address";
import { Decimal, convertUnit } from "../amount";
import { RuleId } from "../catalogue";
import { StandardTable } from "../classify";
import { CopyEntry, CopyPoint, IdentityBook } from "../engine/book";
import { appendAll } from "../finding";
import { judgeIdentity } from "../judge";
import { SheetView } from "../snapshot";
import { Reported } from "./report-book";
import { SheetChecker } from "./sheet-checker";
import { AmountReader, amountsOf } from "./read/amounts";
import { stripNumbering } from "./read/labels";
import { RowInfo, itemRows, readRows } from "./read/rows";
import { SummaryLayout, locateSummary, mainColumn } from "./read/summary-layout";
import { minOf, rowHasValue } from "./read/table-helpers";
import { TableLayout, locateTables } from "./read/table-layout";

export interface StandardSheet {
  view: SheetView;
  table: StandardTable;
  /** The sheet's checker: its amounts, its reporter, its place in the identity book. */
  checker: SheetChecker;
}

/** A located table with the readers the cross checks need. */
interface Located {
  sheet: StandardSheet;
  amounts: AmountReader;
  layout: TableLayout;
  rows: RowInfo[];
  /** Where the table is printed in panels: the panel of each row. */
  partOf?: Map<RowInfo, Located>;
}

/** One side of a comparison: a cell (or the cells it sums), its value in that sheet's own unit. */
interface Point {
  at: Located;
  row: number;
  col: number;
  /** Set when the side sums several cells (a table in panels); `row`/`col` is where a finding goes. */
  cells?: CellRef[];
  value: Decimal;
  /** How the message names it, such as `支出总表类级科目 210 卫生健康支出（合计）`. */
  name: string;
}

/** A comparison of two copies of a figure: registered as an identity, placed by `placeCopy` if no culprit explains it. */
interface Flag {
  rule: RuleId;
  preferred: Point;
  alternative: Point;
  anchor: string;
  fixed?: boolean;
  /** Another comparison's finding explains this one (a parent code that differs because a child does). */
  quiet?: boolean;
}

/**
 * Cross-table checks (docs/domain.md §5) over the sheets that were recognised as standard tables: each
 * figure that two tables repeat becomes an identity of the workbook's book, judged with the sheets'
 * own sums, so a copy that also breaks its table's sums is found as one culprit.
 */
export function registerCrossTables(tables: StandardSheet[], book: IdentityBook): void {
  const find = (t: StandardTable) => tables.find((s) => s.table === t);
  const out: Flag[] = [];
  const summarySheet = find("收支总表");
  const summary = summarySheet ? locateSummarySheet(summarySheet) : null;
  const income = locate(find("收入总表"));
  const spend = locate(find("支出总表"));
  const gpb = locate(find("一般公共预算财政拨款支出表"));
  const basic = locate(find("一般公共预算财政拨款基本支出表"));

  const allGpb = summary ? onlyGeneralBudget(summary) : false;
  const odd = summary && spend && gpb && allGpb ? oddCopies(summary, spend, gpb) : new Map<string, Copy>();
  if (summary && spend) appendAll(out, spendByClass(summary, spend, odd));
  if (summary && income) appendAll(out, incomeTotal(summary, income));
  if (allGpb && spend && gpb) appendAll(out, gpbSpend(spend, gpb, odd));
  if (basic) {
    const source = gpb ?? (allGpb ? spend : null);
    if (source) appendAll(out, basicTotal(source, basic));
  }
  for (const flag of out) book.addCopy({ ...flagSpec(flag), place: flag });
}

function copyPoint(p: Point): CopyPoint {
  return {
    sheet: p.at.sheet.checker,
    cells: p.cells ?? (p.row < 0 ? [] : [{ row: p.row, col: p.col }]),
    table: p.at.sheet.checker.areaOf(p.at.layout),
    name: p.name,
  };
}

function flagSpec(flag: Flag) {
  return {
    rule: flag.rule,
    preferred: copyPoint(flag.preferred),
    other: copyPoint(flag.alternative),
    anchor: flag.anchor,
    ...(flag.fixed ? { fixed: true } : {}),
    ...(flag.quiet ? { quiet: true } : {}),
  };
}

/**
 * A standard table: its first table on the sheet, with the rows of all its panels where it is
 * printed in panels side by side (a long 支出总表 wrapped in two); each row keeps its panel.
 */
function locate(sheet: StandardSheet | undefined): Located | null {
  if (!sheet) return null;
  const tables = locateTables(sheet.view);
  const layout = tables[0];
  if (!layout) return null;
  const amounts = amountsOf(sheet.view);
  const panels = layout.panel ? tables.filter((t) => t.panel && t.headerTop === layout.headerTop) : [layout];
  const parts = panels.map((p) => ({ sheet, amounts, layout: p, rows: readRows(sheet.view, p, p.labelCols[0]) }));
  // One panel (nearly every table): its rows as read, and no map from each row to its panel.
  if (parts.length === 1) return parts[0];
  const partOf = new Map<RowInfo, Located>();
  for (const part of parts) for (const r of part.rows) partOf.set(r, part);
  return { sheet, amounts, layout, rows: parts.flatMap((p) => p.rows), partOf };
}

/** The figure of a row in its panel's column whose header matches. */
function pointIn(at: Located, row: RowInfo, leaf: RegExp, name: string): Point | null {
  const part = at.partOf?.get(row) ?? at;
  const col = leafColumn(part, leaf);
  return col === undefined ? null : point(part, row.row, col, name);
}

function locateSummarySheet(sheet: StandardSheet): (Located & { summary: SummaryLayout }) | null {
  for (const layout of locateTables(sheet.view)) {
    const summary = locateSummary(sheet.view, layout);
    if (summary) return { sheet, amounts: amountsOf(sheet.view), layout, rows: summary.spend.rows, summary };
  }
  return null;
}

function leafColumn(at: Located, leaf: RegExp): number | undefined {
  return at.layout.columns.find((c) => c.role === "amount" && leaf.test(c.leaf))?.col;
}

function totalRow(at: Located): RowInfo | undefined {
  return at.rows.find((r) => r.rank >= 2);
}

function point(at: Located, row: number, col: number, name: string): Point | null {
  const value = at.amounts.value(row, col);
  return value === null ? null : { at, row, col, value, name };
}

/**
 * Places a comparison that no culprit explains (src/core/engine/resolve.ts): on `preferred`, or
 * where the other tables have shown which copy is wrong (`fixed`). Of two tables that disagree,
 * the one that does not even add up on its own is the likely culprit: the finding goes there, so
 * the user is sent to the table to fix.
 */
export function placeCopy(entry: CopyEntry, reported: Reported): void {
  const flag = entry.spec.place as Flag;
  if (flag.quiet) return;
  const { preferred, alternative } = flag;
  const altSheet = alternative.at.sheet.checker;
  const swap =
    !flag.fixed &&
    !reported.any(preferred.at.sheet.checker) &&
    reported.any(altSheet) &&
    alternative.row >= 0 &&
    !reported.has(altSheet, altSheet.view.address(alternative.row, alternative.col));
  const flagged = swap ? alternative : preferred;
  const other = swap ? preferred : alternative;
  const sheet = flagged.at.sheet.checker;
  const cell = sheet.view.address(flagged.row, flagged.col);
  if (reported.has(sheet, cell)) return;
  const expected = convertUnit(other.value, other.at.sheet.checker.ctx.unit, sheet.ctx.unit);
  const judgement = judgeIdentity(
    {
      rule: flag.rule,
      subject: flagged.name,
      actual: flagged.value,
      expectedPhrase: other.name,
      expected,
      show: sheet.show(flagged.row, flagged.col),
    },
    sheet.ctx.band,
    sheet.ctx.unit,
  );
  if (judgement) sheet.report.addJudgement(judgement, { cell, anchor: flag.anchor });
}

/** A comparison of `preferred` with `alternative`, or null when a side has no readable figure. */
function compare(rule: RuleId, preferred: Point | null, alternative: Point | null, anchor: string, fixed = false): Flag | null {
  if (!preferred || !alternative) return null;
  return { rule, preferred, alternative, anchor, ...(fixed ? { fixed } : {}) };
}

/** True when two copies differ at all (a rounding gap included): the deepest such code is reported. */
function differs(f: Flag): boolean {
  const expected = convertUnit(
    f.alternative.value,
    f.alternative.at.sheet.checker.ctx.unit,
    f.preferred.at.sheet.checker.ctx.unit,
  );
  return !expected.eq(f.preferred.value);
}

/** The 合计 column of a spending table: `合计` in 预算 sets, `本年支出合计` in 决算 sets. */
const SPEND_TOTAL = /^(本年支出)?合计$/;

const className = (label: string) => stripNumbering(label).replace(/支出$/, "");

/** Which of the three copies of a 类 figure disagrees with the other two. */
type Copy = "summary" | "spend" | "gpb";

/**
 * Where all funds are 一般公共预算, a 类 figure appears three times: 收支总表, 支出总表 and the GPB
 * table. When two copies agree and one does not, that one is the culprit (docs/domain.md §8), keyed by
 * the 类 code; the cross checks then report it and only it.
 */
function oddCopies(summary: Located & { summary: SummaryLayout }, spend: Located, gpb: Located): Map<string, Copy> {
  const out = new Map<string, Copy>();
  const side = summary.summary.spend;
  const sCol = mainColumn(summary.layout, side);
  const tCol = leafColumn(spend, SPEND_TOTAL);
  const gCol = leafColumn(gpb, SPEND_TOTAL);
  const coded = spend.rows.filter((r) => r.code);
  if (tCol === undefined || gCol === undefined || coded.length === 0) return out;
  const classLength = minOf(coded, (r) => r.code!.length);
  const byName = new Map(
    side.rows.filter((r) => r.row < side.yearTotalRow && r.label !== "").map((r) => [className(r.label), r]),
  );
  const gpbByCode = new Map(gpb.rows.filter((r) => r.code).map((r) => [r.code!, r]));
  for (const cls of coded.filter((r) => r.code!.length === classLength)) {
    const item = byName.get(className(cls.label));
    const g = gpbByCode.get(cls.code!);
    if (!item || !g) continue;
    const values = [
      summary.amounts.value(item.row, sCol),
      pointIn(spend, cls, SPEND_TOTAL, "")?.value ?? null,
      pointIn(gpb, g, SPEND_TOTAL, "")?.value ?? null,
    ];
    if (values.some((v) => v === null)) continue;
    const [a, b, c] = values as Decimal[];
    if (a.eq(b) && !a.eq(c)) out.set(cls.code!, "gpb");
    else if (a.eq(c) && !a.eq(b)) out.set(cls.code!, "spend");
    else if (b.eq(c) && !a.eq(b)) out.set(cls.code!, "summary");
  }
  return out;
}

/** XT-SPEND-CLASS: each 类 row of the 收支总表 expenditure side equals the 支出总表 类 row of the same name. */
function spendByClass(summary: Located & { summary: SummaryLayout }, spend: Located, odd: Map<string, Copy>): Flag[] {
  const side = summary.summary.spend;
  const sCol = mainColumn(summary.layout, side);
  const tCol = leafColumn(spend, SPEND_TOTAL);
  const coded = spend.rows.filter((r) => r.code);
  if (tCol === undefined || coded.length === 0) return [];
  const classLength = minOf(coded, (r) => r.code!.length);
  const classes = new Map<string, RowInfo>();
  for (const r of coded) if (r.code!.length === classLength) classes.set(className(r.label), r);
  const out: Flag[] = [];
  const matched = new Set<string>();
  const items = itemRows(
    side.rows.filter((r) => r.row < side.yearTotalRow),
    () => true,
  ).filter((r) => r.label !== "");
  for (const item of items) {
    const name = className(item.label);
    const cls = classes.get(name);
    if (cls) matched.add(name);
    const here = point(summary, item.row, sCol, `收支总表「${stripNumbering(item.label)}」`);
    if (!here) continue;
    const there = cls
      ? pointIn(spend, cls, SPEND_TOTAL, `支出总表类级科目 ${cls.code} 的合计`)
      : { at: spend, row: -1, col: -1, value: new Decimal(0), name: "支出总表中同名类级科目（缺失，按 0 计）" };
    if (!there || (!cls && here.value.isZero())) continue;
    const culprit = cls ? odd.get(cls.code!) : undefined;
    const f =
      culprit === "spend"
        ? compare("XT-SPEND-CLASS", there, here, `类:${name}`, true)
        : compare("XT-SPEND-CLASS", here, there, `类:${name}`, culprit === "summary");
    if (f) out.push(f);
  }
  for (const [name, cls] of classes) {
    if (matched.has(name)) continue;
    const here = pointIn(spend, cls, SPEND_TOTAL, `支出总表类级科目 ${cls.code}「${name}」`);
    if (!here || here.value.isZero()) continue;
    const zero = { at: summary, row: -1, col: -1, value: new Decimal(0), name: "收支总表支出栏中的同名类（缺失，按 0 计）" };
    const f = compare("XT-SPEND-CLASS", here, zero, `类:${name}`);
    if (f) out.push(f);
  }
  return out;
}

/**
 * XT-INCOME-TOTAL: the 收入总表 合计 equals the 收支总表 收入总计 (预算: 合计 = 本年收入 + 上年结转);
 * a 决算 收入决算表, whose total column is 本年收入合计, equals the 收支总表 本年收入合计.
 */
function incomeTotal(summary: Located & { summary: SummaryLayout }, income: Located): Flag[] {
  const side = summary.summary.income;
  const total = totalRow(income);
  const grandCol = leafColumn(income, /^合计$/);
  const yearCol = grandCol === undefined ? leafColumn(income, /^本年收入合计$/) : undefined;
  const col = grandCol ?? yearCol;
  if (!total || col === undefined) return [];
  const useGrand = grandCol !== undefined && side.grandTotalRow !== undefined;
  const row = useGrand ? side.grandTotalRow! : side.yearTotalRow;
  const name = useGrand || side.grandOnly ? "收支总表收入总计" : "收支总表本年收入合计";
  const source = point(summary, row, mainColumn(summary.layout, side), name);
  if (!source) return [];
  const here = point(income, total.row, col, grandCol !== undefined ? "收入总表合计" : "收入总表本年收入合计");
  const f = compare("XT-INCOME-TOTAL", here, source, "收入总表合计");
  return f ? [f] : [];
}

/** True when every income of the 收支总表 is 一般公共预算 money, so 支出总表 and the GPB table must agree. */
function onlyGeneralBudget(summary: Located & { summary: SummaryLayout }): boolean {
  const side = summary.summary.income;
  const hasValue = (row: number) => rowHasValue(summary.amounts, row, side.amountCols);
  const others = side.rows.filter(
    (r) => r.row !== side.yearTotalRow && r.row !== side.grandTotalRow && r.rank === 0 && !/一般公共预算/.test(r.label),
  );
  return !others.some((r) => hasValue(r.row) && !rowIsZero(summary, r.row, side.amountCols));
}

function rowIsZero(at: Located, row: number, cols: number[]): boolean {
  return cols.every((c) => at.amounts.value(row, c)?.isZero() ?? false);
}

/**
 * XT-GPB-SPEND: row by row (合计 and every code), 合计 / 基本支出 / 项目支出 of the GPB table equal
 * the 支出总表. Only the deepest differing codes are reported: their parents differ because of them.
 */
function gpbSpend(spend: Located, gpb: Located, odd: Map<string, Copy>): Flag[] {
  const out: Flag[] = [];
  const spendByCode = new Map(spend.rows.filter((r) => r.code).map((r) => [r.code!, r]));
  for (const [leaf, word] of [
    [SPEND_TOTAL, "合计"],
    [/基本支出$/, "基本支出"],
    [/项目支出$/, "项目支出"],
  ] as const) {
    const gCol = leafColumn(gpb, leaf);
    const sCol = leafColumn(spend, leaf);
    if (gCol === undefined || sCol === undefined) continue;
    const flags: { code: string; f: Flag }[] = [];
    let elsewhere = false;
    for (const r of gpb.rows.filter((x) => x.code)) {
      const other = spendByCode.get(r.code!);
      const here = pointIn(gpb, r, leaf, `一般公共预算财政拨款支出表 ${r.code} 的${word}`);
      const there = other ? pointIn(spend, other, leaf, `支出总表同一科目的${word}`) : null;
      // A 支出总表 类 that the 收支总表 contradicts too is reported there, once, with its codes.
      const culprit = odd.get(r.code!.slice(0, 3));
      const f = compare("XT-GPB-SPEND", here, there, `${r.code}|${word}`, culprit === "gpb");
      if (!f) continue;
      if (culprit === "spend") {
        elsewhere = elsewhere || differs(f);
        f.quiet = true;
      }
      flags.push({ code: r.code!, f });
    }
    // Every copy is an identity of the book; where no culprit explains them, only the deepest
    // differing codes are reported.
    const diffs = flags.filter((d) => differs(d.f));
    for (const d of diffs) if (diffs.some((e) => e.code.length > d.code.length && e.code.startsWith(d.code))) d.f.quiet = true;
    for (const d of flags) out.push(d.f);
    const gTotal = totalRow(gpb);
    const sTotal = totalRow(spend);
    if (gTotal && sTotal) {
      const here = pointIn(gpb, gTotal, leaf, `一般公共预算财政拨款支出表合计行的${word}`);
      const there = pointIn(spend, sTotal, leaf, `支出总表合计行的${word}`);
      const f = compare("XT-GPB-SPEND", here, there, `合计|${word}`);
      if (f) {
        if (diffs.length > 0 || elsewhere) f.quiet = true;
        out.push(f);
      }
    }
  }
  return out;
}

/** XT-BASIC: the 基本支出表 合计 equals the 基本支出 of the same funds (GPB table, else 支出总表). */
function basicTotal(source: Located, basic: Located): Flag[] {
  const sCol = leafColumn(source, /基本支出$/);
  const sRow = totalRow(source);
  if (sCol === undefined || !sRow) return [];
  const here = basicSum(basic);
  const there = point(source, sRow.row, sCol, `${source.sheet.table}的基本支出合计`);
  const f = compare("XT-BASIC", here, there, "基本支出表合计");
  return f ? [f] : [];
}

/**
 * The 基本支出表 total: its 合计 row in the 合计 column (or its only amount column); a table in
 * panels (人员经费合计 on the left, 公用经费合计 on the right) totals the panels' total rows.
 */
function basicSum(basic: Located): Point | null {
  const panels = locateTables(basic.sheet.view).filter((t) => t.panel && t.headerTop === basic.layout.headerTop);
  const parts = (panels.length > 1 ? panels : [basic.layout]).map((layout) => {
    const at: Located =
      layout === basic.layout ? basic : { ...basic, layout, rows: readRows(basic.sheet.view, layout, layout.labelCols[0]) };
    const col = leafColumn(at, /^合计$/) ?? (at.layout.amountCols.length === 1 ? at.layout.amountCols[0] : undefined);
    const row = totalRow(at);
    return col === undefined || !row ? null : point(at, row.row, col, "基本支出表合计");
  });
  if (parts.some((p) => p === null) || parts.length === 0) return null;
  const [first, ...rest] = parts as Point[];
  if (rest.length === 0) return first;
  return {
    ...first,
    cells: (parts as Point[]).map((p) => ({ row: p.row, col: p.col })),
    value: rest.reduce((sum, p) => sum.plus(p.value), first.value),
    name: "基本支出表各栏合计之和",
  };
}
