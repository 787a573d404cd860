import { Decimal, MoneyUnit, readAmount } from "../amount";
import { SheetView, compactLabel } from "../snapshot";
import { stripNumbering } from "../totals/read/labels";

/** The figures of a 三公 table (docs/domain.md §5): its total and its items. */
export type SangongItem = "合计" | "因公出国" | "公务用车" | "公务用车购置" | "公务用车运行" | "公务接待";

/** The items whose sum is the total; 购置 and 运行 break 公务用车 down. */
export const SANGONG_PARTS: readonly SangongItem[] = ["因公出国", "公务用车", "公务接待"];

const ITEM_PATTERNS: [SangongItem, RegExp][] = [
  ["公务用车购置", /^公务用车购置(?:费|费用|支出)?$|^购置费$/],
  ["公务用车运行", /^公务用车(?:运行|运转|运营|运维)(?:维护|维修)?(?:费|费用|支出)?$|^运行(?:维护)?费$/],
  ["公务用车", /^公务用车(?:购置(?:及|和)?(?:运行|运转|运维)?(?:维护)?)?(?:费|费用|支出)(?:小计)?$/],
  ["因公出国", /^因公出国\(?境?\)?(?:费|费用|经费|支出)(?:支出)?$/],
  ["公务接待", /^公务接待(?:费|费用)?(?:支出)?$/],
  ["合计", /^(?:三公经费)?(?:合计|小计|总计)$|^三公经费$/],
];

/** A 三公 label without numbering, quotes, 其中 or full-width brackets: `其中:(1)公务用车购置费` → `公务用车购置费`. */
export function sangongLabel(text: string): string {
  const l = compactLabel(text)
    .replace(/[“”"'‘’]/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")");
  return stripNumbering(l.replace(/^其中[:：]?/, ""));
}

export function sangongItemOf(text: string): SangongItem | null {
  const l = sangongLabel(text);
  if (l.length === 0 || l.length > 24) return null;
  for (const [item, re] of ITEM_PATTERNS) if (re.test(l)) return item;
  return null;
}

/** A column (vertical tables) or row (horizontal tables) of figures, one per item. */
export interface Series {
  /** What heads it: the column's header cells, or the row's label cells, joined. */
  header: string;
  cells: Map<SangongItem, { row: number; col: number }>;
}

/** How a series' header reads: its year, and the words that choose among series. */
interface HeaderWords {
  year: number | null;
  drop: boolean;
  last: boolean;
  current: boolean;
  budget: boolean;
  final: boolean;
  total: boolean;
  general: boolean;
}

function wordsOf(header: string): HeaderWords {
  const h = compactLabel(header);
  const funds = h.replace(/一般公共预算/g, "");
  const year = /((?:19|20)\d{2})年/.exec(h);
  return {
    year: year ? Number(year[1]) : null,
    drop: /增减|变动|增长|减少|比上年|比较|[%％]|率|原因|说明|政府性基金|国有资本/.test(h),
    last: /上年/.test(h),
    current: /本年|当年/.test(h),
    budget: /预算/.test(funds) && !/决算/.test(funds),
    final: /决算|执行数|实际/.test(funds),
    total: /合计|小计/.test(h),
    general: /一般公共预算/.test(h),
  };
}

export interface SeriesChoice {
  /** The year a series must carry when several do: the package's. */
  year?: number | null;
  /** 决算 packages take the 决算数 column over the 预算数 one. */
  final?: boolean;
  /** Take the 一般公共预算 column over the 合计 of all funds (the 基本支出表 is 一般公共预算 money). */
  general?: boolean;
}

/**
 * The series the table's own figures are in, chosen by its header: not a change or a rate column,
 * not another fund's; of several years the package's (else the latest); 本年 over 上年; 决算 over
 * 预算 in a 决算; the 合计 of funds unless asked for 一般公共预算. Null when still ambiguous.
 */
export function mainSeries(all: readonly Series[], choice: SeriesChoice = {}): Series | null {
  if (all.length === 1) return all[0];
  let pool = all.map((s) => ({ s, w: wordsOf(s.header) })).filter((x) => !x.w.drop);
  const years = pool.map((x) => x.w.year).filter((y): y is number => y !== null);
  if (years.length) {
    const year = choice.year && years.includes(choice.year) ? choice.year : Math.max(...years);
    pool = pool.filter((x) => x.w.year === year);
  }
  const narrow = (keep: (w: HeaderWords) => boolean, drop: (w: HeaderWords) => boolean) => {
    if (pool.some((x) => keep(x.w)) && pool.some((x) => drop(x.w))) pool = pool.filter((x) => !drop(x.w));
  };
  narrow(
    (w) => w.current,
    (w) => w.last && !w.current,
  );
  if (choice.final)
    narrow(
      (w) => w.final,
      (w) => w.budget,
    );
  else
    narrow(
      (w) => w.budget,
      (w) => w.final,
    );
  if (choice.general)
    narrow(
      (w) => w.general,
      (w) => w.total && !w.general,
    );
  else
    narrow(
      (w) => w.total,
      (w) => w.general && !w.total,
    );
  return pool.length === 1 ? pool[0].s : null;
}

/**
 * The series `main` is compared with in a 说明: last year's (上年, or the year before main's), or
 * the 预算 beside a 决算. Null when the table has none.
 */
export function baseSeries(all: readonly Series[], main: Series, base: "上年" | "预算"): Series | null {
  const m = wordsOf(main.header);
  const found = all.filter((s) => {
    if (s === main) return false;
    const w = wordsOf(s.header);
    if (w.drop || w.general !== m.general) return false;
    if (base === "预算") return w.budget && m.final && (w.year === m.year || w.year === null || m.year === null);
    return (w.last && !w.current) || (m.year !== null && w.year === m.year - 1);
  });
  return found.length === 1 ? found[0] : null;
}

/** The 三公 table of a sheet, read in either orientation, or null when it has not two items. */
export function readSangong(view: SheetView): Series[] | null {
  const labels: { item: SangongItem; row: number; col: number }[] = [];
  for (const r of view.rows())
    for (const c of view.cols()) {
      const v = view.value(r, c);
      if (typeof v !== "string") continue;
      const item = sangongItemOf(v);
      if (item) labels.push({ item, row: r, col: c });
    }
  if (new Set(labels.map((l) => l.item)).size < 2) return null;
  const byCol = new Map<number, number>();
  for (const l of labels) byCol.set(l.col, (byCol.get(l.col) ?? 0) + 1);
  const [labelCol, inCol] = [...byCol].sort((a, b) => b[1] - a[1])[0];
  return inCol >= 3
    ? vertical(
        view,
        labels.filter((l) => l.col === labelCol),
      )
    : horizontal(view, labels);
}

function isFigure(view: SheetView, row: number, col: number): boolean {
  const v = view.value(row, col);
  if (typeof v === "number") return true;
  return typeof v === "string" && readAmount(v).kind === "number";
}

/** Items down one label column; a series per column to its right that holds figures on those rows. */
function vertical(view: SheetView, labels: { item: SangongItem; row: number; col: number }[]): Series[] {
  const first = Math.min(...labels.map((l) => l.row));
  const out: Series[] = [];
  for (const c of view.cols()) {
    if (c <= labels[0].col) continue;
    if (!labels.some((l) => isFigure(view, l.row, c))) continue;
    const cells = new Map<SangongItem, { row: number; col: number }>();
    for (const l of labels) if (!cells.has(l.item)) cells.set(l.item, { row: l.row, col: c });
    out.push({ header: headerAbove(view, first, c), cells });
  }
  return out;
}

/** Header cells hold short words; a title, a unit line or a 编制单位 is not one. */
const NOT_HEADER = /表$|单位[:：]|年度[:：]/;

/** The header cells in the few rows above `row` in a column (merged parents included), top to bottom. */
function headerAbove(view: SheetView, row: number, col: number): string {
  const parts: string[] = [];
  const top = view.stepRow(row, -HEADER_DEPTH);
  for (const r of view.rows()) {
    if (r >= row) break;
    if (r < top) continue;
    const m = view.mergeAt(r, col);
    const t = compactLabel(m ? view.text(m.top, m.left) : view.text(r, col));
    if (t && parts[parts.length - 1] !== t && t.length <= 20 && !NOT_HEADER.test(t)) parts.push(t);
  }
  return parts.join("/");
}

const HEADER_DEPTH = 3;

/**
 * Items across the header: each column below an item's heading (or a 小计 under it) is that item,
 * and each row of figures below is a series, headed by its own label cells and the words under the
 * item headings (预算数 / 决算数).
 */
function horizontal(view: SheetView, labels: { item: SangongItem; row: number; col: number }[]): Series[] {
  const headerBottom = Math.max(...labels.map((l) => l.row));
  const columns = new Map<number, { item: SangongItem; sub: string }>();
  for (const c of view.cols()) {
    let item: SangongItem | null = null;
    const sub: string[] = [];
    for (const r of view.rows()) {
      if (r > headerBottom + 2) break;
      const m = view.mergeAt(r, c);
      const text = m ? view.text(m.top, m.left) : view.text(r, c);
      const found = text ? sangongItemOf(text) : null;
      // A 小计 under an item's heading is that item's own figure, not the table's 合计.
      if (found === "合计" && item !== null && /小计/.test(text)) continue;
      if (found) item = found;
      else if (text && item && !isFigure(view, r, c)) sub.push(compactLabel(text));
    }
    if (item) columns.set(c, { item, sub: sub.join("/") });
  }
  const out = new Map<string, Series>();
  for (const r of view.rows()) {
    if (r <= headerBottom) continue;
    const figures = [...columns].filter(([c]) => isFigure(view, r, c) || view.value(r, c) === null);
    if (!figures.some(([c]) => isFigure(view, r, c))) continue;
    const rowLabel = view
      .cols()
      .filter((c) => !columns.has(c))
      .map((c) => compactLabel(view.text(r, c)))
      .filter(Boolean)
      .join("/");
    for (const [c, { item, sub }] of figures) {
      const key = `${r}|${sub}`;
      const s = out.get(key) ?? { header: [rowLabel, sub].filter(Boolean).join("/"), cells: new Map() };
      if (!s.cells.has(item)) s.cells.set(item, { row: r, col: c });
      out.set(key, s);
    }
  }
  return [...out.values()];
}

/** A series' figure for an item: empty reads 0; null when the item is absent or not a number. */
export function figureOf(view: SheetView, series: Series, item: SangongItem): Decimal | null {
  const at = series.cells.get(item);
  if (!at) return null;
  const a = readAmount(view.value(at.row, at.col));
  if (a.kind === "number") return a.value;
  return a.kind === "empty" ? new Decimal(0) : null;
}

/** The money unit of a 三公 table: `单位：万元` above it, or `（万元）` in a header cell. */
export function headerUnit(view: SheetView, stated: MoneyUnit | null): MoneyUnit | null {
  if (stated) return stated;
  const last = view.stepRow(view.firstRow, 7);
  for (const r of view.rows()) {
    if (r > last) break;
    for (const c of view.cols()) {
      const m = /[（(](亿元|万元|千元|元)[)）]/.exec(compactLabel(view.text(r, c)));
      if (m) return m[1] as MoneyUnit;
    }
  }
  return null;
}
