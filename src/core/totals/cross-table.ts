import { Decimal, convertUnit } from "../amount";
import { RuleId } from "../catalogue";
import { CheckContext } from "../context";
import { Finding } from "../finding";
import { Judgement, judgeIdentity } from "../judge";
import { Place, Reporter } from "../reporter";
import { StandardTable } from "../classify";
import { SheetView } from "../snapshot";
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

  if (summary && spend) out.push(...spendByClass(summary, spend));
  if (summary && income) out.push(...incomeTotal(summary, income));
  const allGpb = summary ? onlyGeneralBudget(summary) : false;
  if (allGpb && spend && gpb) out.push(...gpbSpend(spend, gpb));
  if (basic) {
    const source = gpb ?? (allGpb ? spend : null);
    if (source) out.push(...basicTotal(source, basic));
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

/** Compares `flagged` with `other` (converted into the flagged sheet's unit); the finding goes on `flagged`. */
function compare(rule: RuleId, preferred: Point, alternative: Point, anchor: string): Flag | null {
  // Of two tables that disagree, the one that does not even add up on its own is the likely
  // culprit: the finding goes there, so the user is sent to the table to fix.
  const alternativeSheet = alternative.at.sheet;
  const swap =
    preferred.at.sheet.reported.size === 0 &&
    alternativeSheet.reported.size > 0 &&
    !alternativeSheet.reported.has(alternativeSheet.view.address(alternative.row, alternative.col));
  const flagged = swap ? alternative : preferred;
  const other = swap ? preferred : alternative;
  const { ctx, view } = flagged.at.sheet;
  if (flagged.at.sheet.reported.has(view.address(flagged.row, flagged.col))) return null;
  const expected = convertUnit(other.value, other.at.sheet.ctx.unit, ctx.unit);
  const judgement = judgeIdentity({ rule, subject: flagged.name, actual: flagged.value, expectedPhrase: other.name, expected }, ctx.band, ctx.unit);
  return judgement && { sheet: view.name, judgement, place: { cell: view.address(flagged.row, flagged.col), anchor } };
}

const className = (label: string) => stripNumbering(label).replace(/支出$/, "");

/** XT-SPEND-CLASS: each 类 row of the 收支总表 expenditure side equals the 支出总表 类 row of the same name. */
function spendByClass(summary: Located & { summary: SummaryLayout }, spend: Located): Flag[] {
  const side = summary.summary.spend;
  const sCol = mainColumn(summary.layout, side);
  const tCol = leafColumn(spend, /^合计$/);
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
    const f = compare("XT-SPEND-CLASS", here, there, `类:${name}`);
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

/** XT-INCOME-TOTAL: 收入总表 合计 equals the 收支总表 收入总计. */
function incomeTotal(summary: Located & { summary: SummaryLayout }, income: Located): Flag[] {
  const side = summary.summary.income;
  const row = side.grandTotalRow ?? side.yearTotalRow;
  const source = point(summary, row, mainColumn(summary.layout, side), side.grandTotalRow !== undefined ? "收支总表收入总计" : "收支总表本年收入合计");
  const total = totalRow(income);
  const col = leafColumn(income, /^合计$/);
  if (!source || !total || col === undefined) return [];
  const here = point(income, total.row, col, "收入总表合计");
  const f = here && compare("XT-INCOME-TOTAL", here, source, "收入总表合计");
  return f ? [f] : [];
}

/** True when every income of the 收支总表 is 一般公共预算 money, so 支出总表 and the GPB table must agree. */
function onlyGeneralBudget(summary: Located & { summary: SummaryLayout }): boolean {
  const side = summary.summary.income;
  const hasValue = (row: number) => rowHasValue(summary.amounts, row, side.amountCols);
  const others = side.rows.filter((r) => r.row !== side.yearTotalRow && r.row !== side.grandTotalRow && r.rank === 0 && !/一般公共预算/.test(r.label));
  return !others.some((r) => hasValue(r.row) && !rowIsZero(summary, r.row, side.amountCols));
}

function rowIsZero(at: Located, row: number, cols: number[]): boolean {
  return cols.every((c) => at.amounts.value(row, c)?.isZero() ?? false);
}

/**
 * XT-GPB-SPEND: row by row (合计 and every code), 合计 / 基本支出 / 项目支出 of the GPB table equal
 * the 支出总表. Only the deepest differing codes are reported: their parents differ because of them.
 */
function gpbSpend(spend: Located, gpb: Located): Flag[] {
  const out: Flag[] = [];
  const spendByCode = new Map(spend.rows.filter((r) => r.code).map((r) => [r.code!, r]));
  for (const [leaf, word] of [[/^合计$/, "合计"], [/基本支出$/, "基本支出"], [/项目支出$/, "项目支出"]] as const) {
    const gCol = leafColumn(gpb, leaf);
    const sCol = leafColumn(spend, leaf);
    if (gCol === undefined || sCol === undefined) continue;
    const diffs: { code: string; f: Flag }[] = [];
    for (const r of gpb.rows.filter((x) => x.code)) {
      const other = spendByCode.get(r.code!);
      const here = point(gpb, r.row, gCol, `一般公共预算财政拨款支出表 ${r.code} 的${word}`);
      const there = other ? point(spend, other.row, sCol, `支出总表同一科目的${word}`) : null;
      if (!here || !there) continue;
      const f = compare("XT-GPB-SPEND", here, there, `${r.code}|${word}`);
      if (f) diffs.push({ code: r.code!, f });
    }
    const deepest = diffs.filter((d) => !diffs.some((e) => e.code.length > d.code.length && e.code.startsWith(d.code)));
    out.push(...deepest.map((d) => d.f));
    const gTotal = totalRow(gpb);
    const sTotal = totalRow(spend);
    if (diffs.length === 0 && gTotal && sTotal) {
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
  const bCol = leafColumn(basic, /^合计$/);
  const sRow = totalRow(source);
  const bRow = totalRow(basic);
  if (sCol === undefined || bCol === undefined || !sRow || !bRow) return [];
  const there = point(source, sRow.row, sCol, `${source.sheet.table}的基本支出合计`);
  const here = point(basic, bRow.row, bCol, "基本支出表合计");
  const f = here && there && compare("XT-BASIC", here, there, "基本支出表合计");
  return f ? [f] : [];
}
