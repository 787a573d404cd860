/**
 * What a unit looks like (docs/domain.md §6, §8): the words a 度量单位 cell, a value's tail or a name's
 * bracket (`培训人数（人次）`) holds. The header reader asks it whether a column's cells are units, the
 * value rules whether a name already states its unit, and which unit a bare number most likely has.
 */

/** Counted things, measures, time and money; longer spellings first, so that 人次 wins over 人. */
const BASE = [
  "个工作日",
  "工作日",
  "千瓦时",
  "平方米",
  "平方公里",
  "立方米",
  "人次",
  "人天",
  "人日",
  "户次",
  "家次",
  "车次",
  "架次",
  "批次",
  "课时",
  "学时",
  "小时",
  "分钟",
  "公里",
  "千米",
  "公顷",
  "季度",
  "学期",
  "床位",
  "千瓦",
  "百分点",
  "百分比",
  "元",
  "人",
  "个",
  "项",
  "次",
  "场",
  "户",
  "亩",
  "米",
  "吨",
  "台",
  "套",
  "件",
  "册",
  "份",
  "篇",
  "单",
  "年",
  "月",
  "周",
  "天",
  "日",
  "株",
  "棵",
  "所",
  "家",
  "辆",
  "间",
  "座",
  "处",
  "条",
  "批",
  "名",
  "期",
  "门",
  "本",
  "张",
  "部",
  "架",
  "头",
  "只",
  "页",
  "班",
  "栋",
  "幢",
  "宗",
  "起",
  "例",
  "床",
  "盏",
  "根",
  "块",
  "口",
  "组",
  "箱",
  "包",
  "袋",
  "支",
  "片",
  "趟",
  "轮",
  "届",
  "季",
  "节",
  "村",
  "校",
  "点",
  "倍",
  "度",
  "分",
  "%",
  "‰",
  "㎡",
  "m²",
  "m³",
  "km",
  "kg",
  "m",
  "t",
];
const ONE = `(?:[万千百亿十]*)(?:${BASE.map((b) => b.replace(/[%‰]/g, "\\$&")).join("|")})`;
const UNIT = new RegExp(`^${ONE}(?:[/每·]${ONE})*$`, "i");

/** `人次`, `万元/人`, `%`, `个工作日`: a unit alone, as a 度量单位 cell or a name's bracket holds it. */
export function isUnitText(text: string): boolean {
  const t = text.replace(/[\s\u3000]+/g, "").replace(/％/g, "%");
  return t !== "" && t.length <= 12 && UNIT.test(t);
}

const MONEY = /^(?:亿元|万元|千元|元|万)(?:[/每].*)?$/;

/** A unit that names money (元, 万元, 元/人 …): what a 成本指标 needs and a 数量指标 should not hold. */
export function isMoneyUnit(unit: string): boolean {
  return MONEY.test(unit.replace(/\s+/g, ""));
}

/** `（人次）` at the end of a name: the form put the unit there (seed 030's `保障在职职工人数(人)`). */
const NAME_BRACKET = /[（(]([^（）()]{1,8})[）)]$/;

export function unitInName(name: string): string | null {
  const m = NAME_BRACKET.exec(name.trim());
  return m && isUnitText(m[1]) ? m[1] : null;
}

/**
 * The national blank form's placeholder left in a name: `苗木成活率(≥**%)`, `项目总成本(≤**万元)`.
 * Returns the bracket as written and the unit it names ("" when it names none).
 */
export function placeholderInName(name: string): { text: string; unit: string } | null {
  const m = /[（(]([^（）()]*[*＊]{2}[^（）()]*)[）)]/.exec(name);
  if (!m) return null;
  const unit = m[1].replace(/[*＊≥≤>=<＞＜\s]/g, "");
  return { text: m[0], unit: isUnitText(unit) ? unit.replace(/％/g, "%") : "" };
}

const COUNT_SUFFIX: [RegExp, string][] = [
  [/人次$/, "人次"],
  [/人数$/, "人"],
  [/户数$/, "户"],
  [/次数$/, "次"],
  [/场次$/, "场"],
  [/个数$/, "个"],
  [/面积$/, "亩或平方米"],
  [/长度$|里程$/, "公里或米"],
];

/**
 * The unit a bare number most likely has, where the indicator's name makes it clear (issue 16):
 * 率 and 满意度 → %; a count (人数, 个数 …) → its unit; 数量 → 个、项 or 人次; a cost → the money unit.
 * Null when the name does not tell.
 */
export function likelyUnit(name: string, level2: string, cost: boolean, moneyUnit: string): string | null {
  const n = name.replace(/[（(][^（）()]*[）)]/g, "");
  if (/率|满意度|比例|占比/.test(n)) return "%";
  for (const [re, unit] of COUNT_SUFFIX) if (re.test(n)) return unit;
  if (cost || /金额|资金|经费|费用|成本|投入|投资/.test(n)) return moneyUnit;
  if (/数量/.test(n) || level2 === "数量") return "个、项或人次";
  return null;
}
