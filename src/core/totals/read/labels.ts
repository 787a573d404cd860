import { compactLabel } from "../../snapshot";

/** Rank of a total label: a 合计 may add 小计 rows, a 总计 may add 合计 rows. 0 = not a total. */
export function totalRank(label: string): number {
  const l = compactLabel(label);
  if (l === "" || l.startsWith("其中") || l.length > 14) return 0;
  if (/总计$/.test(l)) return 3;
  if (/合计$/.test(l)) return 2;
  if (/小计$/.test(l)) return 1;
  return 0;
}

const CN_NUM = "[一二三四五六七八九十百零〇]+";
const LEVELS: [RegExp, number][] = [
  [new RegExp(`^${CN_NUM}[、.．，,]`), 1],
  [new RegExp(`^[（(]${CN_NUM}[)）]`), 2],
  [/^\d{1,2}[、．](?!\d)|^\d{1,2}\.(?!\d)/, 3],
  [/^[（(]\d{1,2}[)）]/, 4],
  [/^[①-⑳]/, 5],
];

/** Outline level from the label's numbering (一、 = 1, （一） = 2, 1. = 3, (1) = 4, ① = 5); 0 when unnumbered. */
export function numberingLevel(label: string): number {
  const l = compactLabel(label);
  for (const [re, level] of LEVELS) if (re.test(l)) return level;
  return 0;
}

/** The label without its outline numbering, compacted: `八、社会保障和就业支出` → `社会保障和就业支出`. */
export function stripNumbering(label: string): string {
  let l = compactLabel(label);
  for (const [re] of LEVELS) l = l.replace(re, "");
  return l;
}

/** A row or column that states a rate or a share (比例, 占比, 增长率, 幅度, %): a figure, but no amount. */
export function isRateLabel(label: string): boolean {
  // `%` names the unit (`比例%`, `增长（%）`); after a digit it qualifies a name (`营业税(25%部分)`, `(30%)`).
  return /比例|比重|占比|幅度|(^|[^\d.])[%％][)）]?$|率$|率[(（]/.test(compactLabel(label));
}

/** `其中：…` rows break down the row above them and are never added into a parent. */
export function isBreakdownLabel(label: string): boolean {
  return /^其中/.test(compactLabel(label));
}

/** True when the raw text starts with indentation, which real forms use for 其中 continuation rows. */
export function isIndented(raw: string): boolean {
  return /^[\s\u3000\u00a0]+\S/.test(raw);
}

const CODE = /^\d{3}(\d{2}){0,2}$/;

/**
 * A classification code: 类 3, 款 5, 项 7 digits (功能分类) or 3 / 5 (经济分类). Takes a label that
 * is already compact: the hot scans have compacted it once and need not do it twice.
 */
export function readCompactCode(label: string): string | null {
  return CODE.test(label) ? label : null;
}

const CODE_PREFIX = /^(\d{3}(?:\d{2}){0,2})(?![\d.,%])(?=\S)/;

/** The code at the start of a name cell (`2010601行政运行`, `30101基本工资`), or null. */
export function readCodePrefix(label: string): string | null {
  return CODE_PREFIX.exec(label)?.[1] ?? null;
}

/** Header cells that name a label, code or counter column rather than money. */
const NON_AMOUNT_HEADER =
  /^(序号|栏次|行次|项目|科目|摘要|说明|备注|单位)$|编码|代码|名称|分类科目$|依据|原因|[%％]|率$|比重|比例|占比|幅度|人数|个数/;

export function isNonAmountHeader(label: string): boolean {
  return NON_AMOUNT_HEADER.test(compactLabel(label));
}

/**
 * A header that names a count of people, households or things (户数, 保障人数, 培训人次, 团组数,
 * `床位（张）`): its figures are counts, neither amounts nor classification codes, however many
 * digits they have. The count word ends the header (a bracketed count unit may follow it), so a
 * heading such as 按人数测算金额 stays an amount.
 */
const COUNT_HEADER =
  /(户数|人数|个数|人次|户次|家数|次数|件数|笔数|辆数|组数|批次|床位数|名额)([(（][^)）]*[)）])?$|[(（](人|户|个|人次|户次|家|次|件|笔|辆|张|名|所)[)）]$/;

export function isCountHeader(label: string): boolean {
  return COUNT_HEADER.test(compactLabel(label));
}

/** Words that mark a table's header row. */
const HEADER_WORD =
  /^(序号|栏次|行次|类|款|项|项目|科目编码|科目名称|编码|名称|项目名称|合计|小计|金额|收入|支出|基本支出|项目支出|本年收入|本年支出|上年结转|人员经费|公用经费|资金性质|资金来源|本年收入合计|本年支出合计)$|分类科目$|^项目[（(]按.{2,6}分类[)）]$/;

/**
 * Figure columns of block-variant forms (self-evaluation sheets, multi-year tables): 年初预算数,
 * 全年执行数, 实际支出, 2024年 … Whole-cell matches only, so a sentence never reads as a header.
 */
const FIGURE_HEADER =
  /^(\d{4}年(度)?)?(年初|全年|调整后|本年|上年|当年)?(预算数|预算金额|预算|执行数|实际执行数|决算数|决算|完成数|实际支出|支出数|金额)?(（万元）|\(万元\)|（元）|\(元\))?$/;

export function isHeaderWord(label: string): boolean {
  const l = compactLabel(label);
  // The figure pattern's parts are all optional: a bare prefix such as `全年` is no header.
  return (
    HEADER_WORD.test(l) || (FIGURE_HEADER.test(l) && /\d{4}年|数$|金额|支出|预算|决算/.test(l.replace(/[(（][^)）]*[)）]$/, "")))
  );
}

/** Rows that end a table: notes, or the title or unit line of the next table. */
export function isTableEnd(labels: string[]): boolean {
  const filled = labels.filter((l) => l !== "");
  if (filled.length === 0) return false;
  if (/^(注|备注|说明)[:：]/.test(filled[0])) return true;
  if (filled.some((l) => /^(金额)?单位[:：]/.test(l))) return true;
  return filled.length === 1 && /表$/.test(filled[0]) && filled[0].length >= 4;
}
