import Decimal from "decimal.js";

/**
 * The indicator framework (docs/domain.md §6): the classic three-level framework used by all seeds, and
 * the 财预〔2021〕101号 one that raises 成本 to level 1. Names are compared after normalisation, so
 * `数量`, `数量指标` and `*数量` are one name.
 */

export type Level1 = "产出" | "效益" | "满意度" | "成本";

/** Which framework a level-1/level-2 pair belongs to; "either" for pairs both frameworks share. */
export type Framework = "classic" | "2021" | "either";

const LEVEL2_ALIASES: Record<string, string> = {
  生态环境效益: "生态效益",
  环境效益: "生态效益",
  进度: "时效",
  可持续: "可持续影响",
  可持续发展: "可持续影响",
  服务对象满意: "服务对象满意度",
  其他满意: "其他满意度",
  生态成本: "生态环境成本",
  // Provincial wordings of the classic names (wild corpus: 四川 项目完成/项目效益, 广东 预期产出, 山西 产出数量 …).
  项目完成: "产出",
  项目产出: "产出",
  预期产出: "产出",
  项目效益: "效益",
  产出数量: "数量",
  产出质量: "质量",
  产出时效: "时效",
  产出成本: "成本",
};

const CHILDREN: Record<Level1, readonly string[]> = {
  产出: ["数量", "质量", "时效", "成本"],
  效益: ["经济效益", "社会效益", "生态效益", "可持续影响"],
  满意度: ["服务对象满意度", "其他满意度"],
  成本: ["经济成本", "社会成本", "生态环境成本"],
};

const KNOWN_LEVEL2 = new Set(Object.values(CHILDREN).flat());

/**
 * Strips the marks forms put around a name (docs/domain.md §8): `*`, spaces, numbering such as `1.` or
 * `（一）`, brackets and points (`产出指标(50分)`), and a trailing `指标`; then the known aliases.
 */
export function normaliseCategory(label: string): string {
  const hit = CATEGORY_CACHE.get(label);
  if (hit !== undefined) return hit;
  const name = normaliseUncached(label);
  if (CATEGORY_CACHE.size >= 1024) CATEGORY_CACHE.clear();
  CATEGORY_CACHE.set(label, name);
  return name;
}

const CATEGORY_CACHE = new Map<string, string>();

/** Points written into a label: `产出指标(50分)`, `效益指标（30分）`, `满意度指标10分`. */
const POINTS = /[（(【[]?\s*(\d+(?:\.\d+)?)\s*分\s*[）)】\]]?\s*$/;
/** A range of points (`成本指标(0-20)分`): the label names the category, the points are not one figure. */
const POINTS_RANGE = /[（(]\s*\d+(?:\.\d+)?\s*[-—~～至]\s*\d+(?:\.\d+)?\s*[）)]\s*分?\s*$/;

/** The points a category label states, or null. */
export function pointsInLabel(label: string): Decimal | null {
  // Called for every category cell written out: most hold no 分, and the regex scans every position.
  if (!label.includes("分")) return null;
  const m = POINTS.exec(label);
  return m ? new Decimal(m[1]) : null;
}

function normaliseUncached(label: string): string {
  let s = label.replace(/[\s\u3000\u00a0]+/g, "");
  if (s.includes("分")) s = s.replace(POINTS_RANGE, "").replace(POINTS, "");
  s = s.replace(/^[*＊※]+/, "");
  s = s.replace(/^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])/, "");
  // Brackets around the name (`【时效指标】`) go; a bracketed remark after it (`（如有）`) too.
  s = s.replace(/^[【[]([^】\]]*)[】\]]$/, "$1");
  s = s.replace(/[（(【[][^）)】\]]*[）)】\]]$/, "");
  s = s.replace(/[*＊]+$/, "");
  s = s.replace(/类?指标$/, "");
  s = s.replace(/效果$/, "效益");
  return LEVEL2_ALIASES[s] ?? s;
}

/**
 * A 一级 name, normalised: as normaliseCategory, and a 一级 that speaks of 满意 (社会公众或服务对象满意度指标,
 * the older national form's wording) is the 满意度 category.
 */
export function normaliseLevel1(label: string): string {
  const name = normaliseCategory(label);
  return !level1Of(name) && isSatisfaction(name) ? "满意度" : name;
}

export function level1Of(name: string): Level1 | null {
  return name === "产出" || name === "效益" || name === "满意度" || name === "成本" ? name : null;
}

/** A 二级 name that speaks of 满意 (群众满意度, 社会公众满意度) is a satisfaction category in a form's own words. */
function isSatisfaction(name: string): boolean {
  return name.includes("满意");
}

export function isKnownLevel2(name: string): boolean {
  return KNOWN_LEVEL2.has(name) || isSatisfaction(name);
}

/** The level-1 category a level-2 name belongs to, or null for an unknown name. */
export function parentOf(level2: string): Level1 | null {
  return PARENT.get(level2) ?? (isSatisfaction(level2) ? "满意度" : null);
}

/** 101号 sub-categories of 成本 (level 1) that some forms put under 产出 instead (seed 013). */
export function isCost2021Level2(name: string): boolean {
  return CHILDREN.成本.includes(name);
}

/** Level-2 name → its level-1 parent, built once: parentOf runs for every indicator row. */
const PARENT = new Map<string, Level1>();
for (const l1 of Object.keys(CHILDREN) as Level1[]) for (const l2 of CHILDREN[l1]) if (!PARENT.has(l2)) PARENT.set(l2, l1);

/** Older central transfer-payment forms file 服务对象满意度 as a 二级 of 效益指标: accepted there too. */
export function allowedUnder(level1: Level1, level2: string): boolean {
  return CHILDREN[level1].includes(level2) || ((level1 === "满意度" || level1 === "效益") && isSatisfaction(level2));
}

/** 成本 under 产出 is the classic framework; 成本 as level 1 is the 2021 one; the rest is shared. */
export function frameworkOf(level1: Level1, level2: string): Framework {
  if (level1 === "成本") return "2021";
  if (level1 === "产出" && level2 === "成本") return "classic";
  return "either";
}

/**
 * The costs that are money (IND-COST-NO-AMOUNT): the classic 成本指标 and the 101号 经济成本指标. The
 * 101号 社会成本 and 生态环境成本 are costs borne by people and nature, rarely counted in 元.
 */
export function isMoneyCostCategory(level1: string, level2: string): boolean {
  return isCostCategory(level1, level2) && level2 !== "社会成本" && level2 !== "生态环境成本";
}

/** 经济成本 counts as a cost wherever it is filed: under 产出 it is misplaced, still a cost. */
export function isCostCategory(level1: string, level2: string): boolean {
  return level2 === "成本" || level1 === "成本" || level2 === "经济成本";
}
