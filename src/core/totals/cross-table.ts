import { Decimal, convertUnit } from "../amount";
import { RuleId } from "../catalogue";
import { CheckContext } from "../context";
import { Finding, appendAll } from "../finding";
import { Judgement, judgeIdentity } from "../judge";
import { Place, Reporter } from "../reporter";
import { StandardTable } from "../classify";
import { SheetView } from "../snapshot";
import { cellStyle, displayAmount } from "./display";
import { AmountReader, amountsOf } from "./read/amounts";
import { stripNumbering } from "./read/labels";
import { RowInfo, itemRows, readRows } from "./read/rows";
import { SummaryLayout, locateSummary, mainColumn } from "./read/summary-layout";
import { minOf, rowHasValue } from "./read/table-helpers";
import { TableLayout, locateTables } from "./read/table-layout";

export interface StandardSheet {
  view: SheetView;
  table: StandardTable;
  ctx: CheckContext;
  /** Cells whose figure the sheet's own checks already found broken: one wrong figure, one finding. */
  reported: ReadonlySet<string>;
}

/** A located table with the readers the cross checks need. */
interface Located {
  sheet: StandardSheet;
  amounts: AmountReader;
  layout: TableLayout;
  rows: RowInfo[];
}

/** One side of a comparison: a cell and its value in that sheet's own unit. */
interface Point {
  at: Located;
  row: number;
  col: number;
  value: Decimal;
  /** How the message names it, such as `支出总表类级科目 210 卫生健康支出（合计）`. */
  name: string;
}

/** A broken cross-table identity and the sheet and cell it lands on. */
interface Flag {
  sheet: string;
  judgement: Judgement;
  place: Place;
}

/** Cross-table checks (docs/domain.md §5) over the sheets that were recognised as standard tables. */
export function checkCrossTables(tables: StandardSheet[]): Finding[] {
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
  const findings: Finding[] = [];
  for (const flag of out) new Reporter(flag.sheet, findings).addJudgement(flag.judgement, flag.place);
  return findings;
}

function locate(sheet: StandardSheet | undefined): Located | null {
  if (!sheet) return null;
  const layout = locateTables(sheet.view)[0];
  if (!layout) return null;
  return { sheet, amounts: amountsOf(sheet.view), layout, rows: readRows(sheet.view, layout, layout.labelCols[0]) };
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
 * Compares `preferred` with `alternative` (converted into the flagged sheet's unit). `fixed` when
 * the other tables have already shown which copy is wrong; the finding then goes on `preferred`.
 */
function compare(rule: RuleId, preferred: Point, alternative: Point, anchor: string, fixed = false): Flag | null {
  // Of two tables that disagree, the one that does not even add up on its own is the likely
  // culprit: the finding goes there, so the user is sent to the table to fix.
  const alternativeSheet = alternative.at.sheet;
  const swap =
    !fixed &&
    preferred.at.sheet.reported.size === 0 &&
    alternativeSheet.reported.size > 0 &&
    !alternativeSheet.reported.has(alternativeSheet.view.address(alternative.row, alternative.col));
  const flagged = swap ? alternative : preferred;
  const other = swap ? preferred : alternative;
  const { ctx, view } = flagged.at.sheet;
  if (flagged.at.sheet.reported.has(view.address(flagged.row, flagged.col))) return null;
  const expected = convertUnit(other.value, other.at.sheet.ctx.unit, ctx.unit);
  const style = cellStyle(view, flagged.row, flagged.col);
  const show = (v: Decimal) => displayAmount(v, style);
  const judgement = judgeIdentity(
    { rule, subject: flagged.name, actual: flagged.value, expectedPhrase: other.name, expected, show },
    ctx.band,
    ctx.unit,
  );
  return judgement && { sheet: view.name, judgement, place: { cell: view.address(flagged.row, flagged.col), anchor } };
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
    const values = [summary.amounts.value(item.row, sCol), spend.amounts.value(cls.row, tCol), gpb.amounts.value(g.row, gCol)];
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
      ? point(spend, cls.row, tCol, `支出总表类级科目 ${cls.code} 的合计`)
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
    const here = point(spend, cls.row, tCol, `支出总表类级科目 ${cls.code}「${name}」`);
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
  const f = here && compare("XT-INCOME-TOTAL", here, source, "收入总表合计");
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
    const diffs: { code: string; f: Flag }[] = [];
    let elsewhere = false;
    for (const r of gpb.rows.filter((x) => x.code)) {
      const other = spendByCode.get(r.code!);
      const here = point(gpb, r.row, gCol, `一般公共预算财政拨款支出表 ${r.code} 的${word}`);
      const there = other ? point(spend, other.row, sCol, `支出总表同一科目的${word}`) : null;
      if (!here || !there) continue;
      // A 支出总表 类 that the 收支总表 contradicts too is reported there, once, with its codes.
      const culprit = odd.get(r.code!.slice(0, 3));
      if (culprit === "spend") {
        elsewhere = true;
        continue;
      }
      const f = compare("XT-GPB-SPEND", here, there, `${r.code}|${word}`, culprit === "gpb");
      if (f) diffs.push({ code: r.code!, f });
    }
    const deepest = diffs.filter((d) => !diffs.some((e) => e.code.length > d.code.length && e.code.startsWith(d.code)));
    appendAll(
      out,
      deepest.map((d) => d.f),
    );
    const gTotal = totalRow(gpb);
    const sTotal = totalRow(spend);
    if (diffs.length === 0 && !elsewhere && gTotal && sTotal) {
      const here = point(gpb, gTotal.row, gCol, `一般公共预算财政拨款支出表合计行的${word}`);
      const there = point(spend, sTotal.row, sCol, `支出总表合计行的${word}`);
      const f = here && there && compare("XT-GPB-SPEND", here, there, `合计|${word}`);
      if (f) out.push(f);
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
  const f = here && there && compare("XT-BASIC", here, there, "基本支出表合计");
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
  return { ...first, value: rest.reduce((sum, p) => sum.plus(p.value), first.value), name: "基本支出表各栏合计之和" };
}
