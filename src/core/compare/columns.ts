import { compactLabel } from "../snapshot";
import type { ColumnInfo } from "../totals/read/table-layout";

/**
 * When a column's figures are for: this year (本年预算数, 2024年预算数, or a plain 预算数/合计),
 * last year (上年预算数, 2023年预算数 in a 2024 table), another year, or a change between years
 * (增减额, 增长率, 比上年增减).
 */
export type ColumnTime = "current" | "prior" | "change" | "other";

export interface TimedColumn {
  col: number;
  time: ColumnTime;
  /**
   * What the figures measure, with the year taken out: `预算` for 上年预算数 and 本年预算数 alike,
   * `决算/合计` for 本年决算数 › 合计. Last year's 上年预算数 is this year's 本年预算数 when their
   * measures are equal.
   */
  measure: string;
  /** The header as the table writes it, for messages. */
  header: string;
}

const CHANGE = /增减|增、减|增长|减少|下降|变动|变化|幅度|比上年|同比|较上年|比重|[%％]|率$/;
const PRIOR_WORD = /上年度?|上一年度?|去年/;
const CURRENT_WORD = /本年度?|当年|今年/;
const YEAR = /((?:19|20)\d{2})\s*年度?/;
/** Words that only say "this is a figure": 预算数 and 预算 measure the same thing. */
const FILLER = /数$|金额$|[（(](万元|元|千元|亿元)[)）]$/;

/**
 * Reads each amount column's time from its header path. `year` is the table's own year (from its
 * title); without it, the latest year named in the headers stands for this year.
 */
export function timedColumns(columns: readonly ColumnInfo[], amountCols: readonly number[], year: number | null): TimedColumn[] {
  const chosen = columns.filter((c) => amountCols.includes(c.col));
  const named = chosen.flatMap((c) => c.path.map((p) => yearIn(p.label)).filter((y): y is number => y !== null));
  const thisYear = year ?? (named.length ? Math.max(...named) : null);
  return chosen.map((c) => timed(c, thisYear));
}

function yearIn(label: string): number | null {
  const m = YEAR.exec(compactLabel(label));
  return m ? Number(m[1]) : null;
}

function timed(c: ColumnInfo, thisYear: number | null): TimedColumn {
  let time: ColumnTime = "current";
  const measure: string[] = [];
  for (const node of c.path) {
    const label = compactLabel(node.label);
    if (CHANGE.test(label)) time = "change";
    const y = yearIn(label);
    let rest = label;
    if (y !== null) {
      if (time !== "change") time = thisYear === null || y === thisYear ? "current" : y === thisYear - 1 ? "prior" : "other";
      rest = label.replace(YEAR, "");
    } else if (PRIOR_WORD.test(label) && !/结转|结余/.test(label)) {
      if (time !== "change") time = "prior";
      rest = label.replace(PRIOR_WORD, "");
    } else if (CURRENT_WORD.test(label)) {
      rest = label.replace(CURRENT_WORD, "");
    }
    rest = rest.replace(FILLER, "");
    if (rest !== "") measure.push(rest);
  }
  return { col: c.col, time, measure: measure.join("/"), header: c.header };
}

/** The kind of figure a measure names first (预算, 决算, 执行…), "" when it names none. */
function kindOf(measure: string): string {
  const first = measure.split("/")[0];
  return /预算|决算|执行/.test(first) ? first : "";
}

/** What is left of a measure after its kind: the sub-column (合计, 基本支出…), "" for none. */
function partOf(measure: string): string {
  const parts = measure.split("/");
  return (kindOf(measure) ? parts.slice(1) : parts).join("/");
}

/**
 * Last year's column that holds what this year's `prior` column repeats: the same kind (预算 with
 * 预算; a side that names none matches either) and the same part (合计 with 合计). A prior column
 * naming no part repeats last year's main column: the one naming none, else 合计. Null when no
 * column fits, or when two fit equally: nothing is compared on a guess.
 */
export function matchPriorColumn(prior: TimedColumn, lastYear: readonly TimedColumn[]): TimedColumn | null {
  const kind = kindOf(prior.measure);
  const part = partOf(prior.measure);
  const current = lastYear.filter((c) => c.time === "current");
  const sameKind = current.filter((c) => !kind || !kindOf(c.measure) || kindOf(c.measure) === kind);
  const parts = part === "" ? ["", "合计", "小计"] : [part];
  for (const p of parts) {
    const fits = sameKind.filter((c) => partOf(c.measure) === p);
    if (fits.length === 1) return fits[0];
    if (fits.length > 1) {
      const exact = fits.filter((c) => kindOf(c.measure) === kind);
      return exact.length === 1 ? exact[0] : null;
    }
  }
  return part === "" && sameKind.length === 1 ? sameKind[0] : null;
}

/**
 * This year's main figure column and last year's column of the same measure: the pair whose
 * change YOY-CHANGE reads. The main column names no part or is the 合计.
 */
export function mainPair(
  thisYear: readonly TimedColumn[],
  lastYear: readonly TimedColumn[],
): { current: TimedColumn; last: TimedColumn } | null {
  // In a 决算 table the 决算数 is the figure of the year, not the 年初预算数 beside it.
  const rank = (c: TimedColumn) => (/决算/.test(kindOf(c.measure)) ? 0 : /执行/.test(kindOf(c.measure)) ? 1 : 2);
  const current = thisYear.filter((c) => c.time === "current").sort((a, b) => rank(a) - rank(b));
  for (const p of ["", "合计", "小计"]) {
    for (const c of current.filter((x) => partOf(x.measure) === p)) {
      const last = matchPriorColumn(c, lastYear);
      if (last) return { current: c, last };
    }
  }
  return null;
}
