import { Decimal, MoneyUnit, readAmount } from "../amount";
import { SheetView, compactLabel } from "../snapshot";
import { stripNumbering } from "../totals/read/labels";
import { locateTables } from "../totals/read/table-layout";
import { SangongItem, Series, baseSeries, headerUnit, figureOf, mainSeries, readSangong } from "../package/sangong";
import { PackageKind, PackageTable } from "../package/tables";
import { ItemId } from "./lexicon";

/** A figure of a table, where it is, and in what unit. */
export interface TableFigure {
  value: Decimal;
  unit: MoneyUnit;
  sheet: string;
  cell: string;
}

/** A standard table of the workbook, with its unit when the sheet states one. */
export interface FactSheet {
  view: SheetView;
  table: PackageTable;
  unit: MoneyUnit | null;
}

/** What a 说明 is compared with: what the workbook's tables say about each item. */
export interface TableFacts {
  /** The table's own figure for the item (本年, 决算 in a 决算), or null when no table gives it. */
  figure(item: ItemId): TableFigure | null;
  /** The figure the change is against: last year's column, or the 预算 column of a 决算 三公 table. */
  base(item: ItemId, against: "上年" | "预算"): TableFigure | null;
  /** The 预算 figure of a 决算 三公 table, for a sentence that speaks of the 预算. */
  budget(item: ItemId): TableFigure | null;
}

const SANGONG_ITEM: Partial<Record<ItemId, SangongItem>> = {
  三公合计: "合计",
  因公出国: "因公出国",
  公务用车: "公务用车",
  公务用车购置: "公务用车购置",
  公务用车运行: "公务用车运行",
  公务接待: "公务接待",
};

type Lookup = (sheets: (t: PackageTable) => FactSheet | undefined) => TableFigure | null;

/** Income sources read from the 收入总表's 合计 row, by column. */
const incomeColumn =
  (header: RegExp): Lookup =>
  (get) =>
    gridValue(get("收入总表"), /^合计$/, header);

/** Where each item (other than the 三公 ones) is in the standard tables, tried in order. */
const LOOKUPS: Partial<Record<ItemId, Lookup>> = {
  收支总计: (get) => labelValue(get("收支总表"), /^(收入)?总计$/),
  收入总计: (get) => labelValue(get("收支总表"), /^(收入)?总计$/),
  支出总计: (get) => labelValue(get("收支总表"), /^支出总计$/) ?? lastLabelValue(get("收支总表"), /^总计$/),
  本年收入合计: (get) => labelValue(get("收支总表"), /^本年收入合计$/),
  本年支出合计: (get) => labelValue(get("收支总表"), /^本年支出合计$/),
  基本支出: (get) => gridValue(get("支出总表"), /^合计$/, /^基本支出$/),
  项目支出: (get) => gridValue(get("支出总表"), /^合计$/, /^项目支出$/),
  一般公共预算财政拨款基本支出: (get) => basicTotal(get("一般公共预算财政拨款基本支出表")),
  人员经费: (get) =>
    labelValue(get("一般公共预算财政拨款基本支出表"), /^人员经费(合计)?$/) ??
    gridValue(get("一般公共预算财政拨款基本支出表"), /^合计$/, /^人员经费$/),
  公用经费: (get) =>
    labelValue(get("一般公共预算财政拨款基本支出表"), /^(日常)?公用经费(合计)?$/) ??
    gridValue(get("一般公共预算财政拨款基本支出表"), /^合计$/, /^(日常)?公用经费$/),
  财政拨款收入: incomeColumn(/^财政拨款(收入)?$/),
  一般公共预算财政拨款收入: (get) => labelValue(get("收支总表"), /^一般公共预算(财政)?拨款(收入)?$|^一般公共预算收入$/),
  其他收入: incomeColumn(/^其他收入$/),
  事业收入: incomeColumn(/^事业收入$/),
  上级补助收入: incomeColumn(/^上级补助收入$/),
  经营收入: incomeColumn(/^经营收入$/),
  附属单位上缴收入: incomeColumn(/^附属单位上缴收入$/),
  财政拨款收支总计: (get) => labelValue(get("财政拨款收支总表"), /^(收入)?总计$/),
  一般公共预算财政拨款支出: (get) => gridValue(get("一般公共预算财政拨款支出表"), /^合计$/, /^合计$/),
};

/** Builds the facts once per check. `kind` and `year` choose the 三公 table's column. */
export function tableFacts(sheets: readonly FactSheet[], kind: PackageKind | null, year: number | null): TableFacts {
  const get = (t: PackageTable) => sheets.find((s) => s.table === t);
  const sangong = get("三公经费支出表");
  const series = sangong ? readSangong(sangong.view) : null;
  const sangongUnit = sangong ? headerUnit(sangong.view, sangong.unit) : null;
  const main = series ? mainSeries(series, { final: kind === "部门决算", year }) : null;
  const at = (s: Series | null, item: ItemId): TableFigure | null => {
    const which = SANGONG_ITEM[item];
    if (!sangong || !s || !which || !sangongUnit) return null;
    const value = figureOf(sangong.view, s, which);
    const cell = s.cells.get(which);
    return value && cell
      ? { value, unit: sangongUnit, sheet: sangong.view.name, cell: sangong.view.address(cell.row, cell.col) }
      : null;
  };
  return {
    figure: (item) =>
      SANGONG_ITEM[item]
        ? at(main, item)
        : item.startsWith("类:")
          ? labelValue(get("收支总表"), new RegExp(`^${item.slice(2)}$`))
          : (LOOKUPS[item]?.(get) ?? null),
    base: (item, against) => (series && main ? at(baseSeries(series, main, against), item) : null),
    budget: (item) => (series && main ? at(baseSeries(series, main, "预算"), item) : null),
  };
}

function figureAt(sheet: FactSheet, row: number, col: number): TableFigure | null {
  if (!sheet.unit) return null;
  const a = readAmount(sheet.view.value(row, col));
  const value = a.kind === "number" ? a.value : a.kind === "empty" ? new Decimal(0) : null;
  return value ? { value, unit: sheet.unit, sheet: sheet.view.name, cell: sheet.view.address(row, col) } : null;
}

const labelOf = (view: SheetView, row: number, col: number) => stripNumbering(compactLabel(view.text(row, col)));

/** The first amount column right of the first cell labelled so (the 收支总表's sides, a 人员经费合计 row). */
function labelValue(sheet: FactSheet | undefined, label: RegExp, last = false): TableFigure | null {
  if (!sheet) return null;
  let found: TableFigure | null = null;
  for (const t of locateTables(sheet.view))
    for (const r of sheet.view.rows()) {
      if (r < t.firstRow || r > t.lastRow) continue;
      for (const c of t.labelCols) {
        if (!label.test(labelOf(sheet.view, r, c))) continue;
        const col = t.amountCols.find((a) => a > c);
        const f = col === undefined ? null : figureAt(sheet, r, col);
        if (f && !last) return f;
        if (f) found = f;
      }
    }
  return found;
}

const lastLabelValue = (sheet: FactSheet | undefined, label: RegExp) => labelValue(sheet, label, true);

/** The figure where a labelled row (合计) meets a column headed so (基本支出). */
function gridValue(sheet: FactSheet | undefined, row: RegExp, column: RegExp): TableFigure | null {
  if (!sheet) return null;
  for (const t of locateTables(sheet.view)) {
    const col = t.columns.find(
      (c) => c.role === "amount" && (column.test(compactLabel(c.leaf)) || column.test(compactLabel(c.header))),
    )?.col;
    if (col === undefined) continue;
    for (const r of sheet.view.rows()) {
      if (r < t.firstRow || r > t.lastRow) continue;
      if (
        t.labelCols.some((c) => row.test(labelOf(sheet.view, r, c))) ||
        t.codeCols.some((c) => row.test(labelOf(sheet.view, r, c)))
      )
        return figureAt(sheet, r, col);
    }
  }
  return null;
}

/** The 基本支出表's total: its 合计 row and column, or its panels' 人员经费合计 and 公用经费合计. */
function basicTotal(sheet: FactSheet | undefined): TableFigure | null {
  const grid = gridValue(sheet, /^合计$/, /^合计$/);
  if (grid) return grid;
  const people = labelValue(sheet, /^人员经费合计$/);
  const running = labelValue(sheet, /^公用经费合计$/);
  return people && running ? { ...people, value: people.value.plus(running.value) } : null;
}
