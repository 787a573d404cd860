import { toHalfWidth } from "../amount";

/**
 * The items a 说明 names and the checker knows (issue 20): the 三公 figures, the 收支总表 totals,
 * 基本 and 项目 spending, the income sources, and the 功能分类 类 by name. A sentence about anything
 * else is not read: no finding is raised unless the item is one of these.
 */
export type ItemId =
  | "三公合计"
  | "因公出国"
  | "公务用车"
  | "公务用车购置"
  | "公务用车运行"
  | "公务接待"
  | "收支总计"
  | "收入总计"
  | "支出总计"
  | "本年收入合计"
  | "本年支出合计"
  | "基本支出"
  | "项目支出"
  | "一般公共预算财政拨款基本支出"
  | "人员经费"
  | "公用经费"
  | "财政拨款收入"
  | "一般公共预算财政拨款收入"
  | "其他收入"
  | "事业收入"
  | "上级补助收入"
  | "经营收入"
  | "附属单位上缴收入"
  | "财政拨款收支总计"
  | "一般公共预算财政拨款支出"
  | "机关运行经费"
  | `类:${string}`;

export interface ItemDef {
  id: ItemId;
  /** How messages name it. */
  name: string;
  /** The items a share of it may be a share of (`占 P%`), nearest first. */
  parents: ItemId[];
}

/** Spellings of `(境)`: written, or left out. */
const abroad = (stem: string, ends: string[]) => ends.flatMap((e) => [`${stem}(境)${e}`, `${stem}${e}`]);

const SANGONG_PARENTS: ItemId[] = ["三公合计"];
const CAR_PARENTS: ItemId[] = ["公务用车", "三公合计"];
const INCOME_PARENTS: ItemId[] = ["本年收入合计", "收入总计", "收支总计"];
const SPEND_PARENTS: ItemId[] = ["本年支出合计", "支出总计", "收支总计"];
const BASIC_PARENTS: ItemId[] = ["基本支出", "一般公共预算财政拨款基本支出"];

const ITEMS: { def: ItemDef; aliases: string[]; contextOnly?: { aliases: string[]; after: RegExp } }[] = [
  {
    def: { id: "三公合计", name: "“三公”经费", parents: [] },
    aliases: ["三公经费支出合计", "三公经费合计", "三公经费总额", "三公经费", "三公支出"],
  },
  {
    def: { id: "因公出国", name: "因公出国（境）费", parents: SANGONG_PARENTS },
    aliases: [...abroad("因公出国", ["费用", "经费", "费", "支出"]), ...abroad("出国", ["费用", "经费", "费"])],
  },
  {
    def: { id: "公务用车", name: "公务用车购置及运行维护费", parents: SANGONG_PARENTS },
    aliases: [
      "公务用车购置及运行维护费用",
      "公务用车购置及运行维护费",
      "公务用车购置和运行维护费",
      "公务用车购置及运行费用",
      "公务用车购置及运行费",
      "公务用车购置及运维费",
      "公务用车费",
    ],
  },
  {
    def: { id: "公务用车购置", name: "公务用车购置费", parents: CAR_PARENTS },
    aliases: ["公务用车购置费", "公务用车购置"],
    contextOnly: { aliases: ["购置费"], after: /公务用车/ },
  },
  {
    def: { id: "公务用车运行", name: "公务用车运行维护费", parents: CAR_PARENTS },
    aliases: ["公务用车运行维护费用", "公务用车运行维护费", "公务用车运转维护费", "公务用车运行费", "公务用车运维费"],
    contextOnly: { aliases: ["运行维护费", "运行费", "运维费"], after: /公务用车/ },
  },
  {
    def: { id: "公务接待", name: "公务接待费", parents: SANGONG_PARENTS },
    aliases: ["公务接待费用", "公务接待费", "公务接待支出"],
    contextOnly: { aliases: ["接待费"], after: /三公|公务接待/ },
  },
  { def: { id: "收支总计", name: "收支总计", parents: [] }, aliases: ["收入支出总计", "收支总计"] },
  { def: { id: "收入总计", name: "收入总计", parents: [] }, aliases: ["收入总计"] },
  { def: { id: "支出总计", name: "支出总计", parents: [] }, aliases: ["支出总计"] },
  { def: { id: "本年收入合计", name: "本年收入合计", parents: ["收入总计"] }, aliases: ["本年收入合计", "收入合计"] },
  { def: { id: "本年支出合计", name: "本年支出合计", parents: ["支出总计"] }, aliases: ["本年支出合计", "支出合计"] },
  { def: { id: "基本支出", name: "基本支出", parents: SPEND_PARENTS }, aliases: ["基本支出"] },
  { def: { id: "项目支出", name: "项目支出", parents: SPEND_PARENTS }, aliases: ["项目支出"] },
  {
    def: { id: "一般公共预算财政拨款基本支出", name: "一般公共预算财政拨款基本支出", parents: ["一般公共预算财政拨款支出"] },
    aliases: ["一般公共预算财政拨款基本支出"],
  },
  { def: { id: "人员经费", name: "人员经费", parents: BASIC_PARENTS }, aliases: ["人员经费"] },
  { def: { id: "公用经费", name: "公用经费", parents: BASIC_PARENTS }, aliases: ["日常公用经费", "公用经费"] },
  { def: { id: "财政拨款收入", name: "财政拨款收入", parents: INCOME_PARENTS }, aliases: ["财政拨款收入"] },
  {
    def: { id: "一般公共预算财政拨款收入", name: "一般公共预算财政拨款收入", parents: ["财政拨款收入", ...INCOME_PARENTS] },
    aliases: ["一般公共预算财政拨款收入", "一般公共预算拨款收入", "一般公共预算收入"],
  },
  { def: { id: "其他收入", name: "其他收入", parents: INCOME_PARENTS }, aliases: ["其他收入"] },
  { def: { id: "事业收入", name: "事业收入", parents: INCOME_PARENTS }, aliases: ["事业收入"] },
  { def: { id: "上级补助收入", name: "上级补助收入", parents: INCOME_PARENTS }, aliases: ["上级补助收入"] },
  { def: { id: "经营收入", name: "经营收入", parents: INCOME_PARENTS }, aliases: ["经营收入"] },
  { def: { id: "附属单位上缴收入", name: "附属单位上缴收入", parents: INCOME_PARENTS }, aliases: ["附属单位上缴收入"] },
  {
    def: { id: "财政拨款收支总计", name: "财政拨款收入支出总计", parents: [] },
    aliases: ["财政拨款收入支出总计", "财政拨款收支总计"],
  },
  {
    def: { id: "一般公共预算财政拨款支出", name: "一般公共预算财政拨款支出", parents: [] },
    aliases: ["一般公共预算财政拨款支出"],
  },
  { def: { id: "机关运行经费", name: "机关运行经费", parents: [] }, aliases: ["机关运行经费"] },
];

/** The 功能分类 类 (政府收支分类科目), read by name; 其他支出 and 预备费 are too vague to read. */
export const FUNCTION_CLASSES = [
  "一般公共服务支出",
  "外交支出",
  "国防支出",
  "公共安全支出",
  "教育支出",
  "科学技术支出",
  "文化旅游体育与传媒支出",
  "社会保障和就业支出",
  "社会保险基金支出",
  "卫生健康支出",
  "节能环保支出",
  "城乡社区支出",
  "农林水支出",
  "交通运输支出",
  "资源勘探工业信息等支出",
  "商业服务业等支出",
  "金融支出",
  "援助其他地区支出",
  "自然资源海洋气象等支出",
  "住房保障支出",
  "粮油物资储备支出",
  "灾害防治及应急管理支出",
];

export const ITEM_DEFS = new Map<ItemId, ItemDef>([
  ...ITEMS.map((i) => [i.def.id, i.def] as const),
  ...FUNCTION_CLASSES.map(
    (name) => [`类:${name}` as ItemId, { id: `类:${name}` as ItemId, name, parents: SPEND_PARENTS }] as const,
  ),
]);

export interface Alias {
  text: string;
  id: ItemId;
  /** Read only when this matches the paragraph before it (`运行费` after `公务用车`). */
  after?: RegExp;
}

/** Every spelling, longest first, so `公务用车购置及运行费` is never read as `公务用车购置`. */
export const ALIASES: readonly Alias[] = [
  ...ITEMS.flatMap((i) => [
    ...i.aliases.map((text) => ({ text, id: i.def.id })),
    ...(i.contextOnly?.aliases ?? []).map((text) => ({ text, id: i.def.id, after: i.contextOnly!.after })),
  ]),
  ...FUNCTION_CLASSES.map((name) => ({ text: name, id: `类:${name}` as ItemId })),
].sort((a, b) => b.text.length - a.text.length);

/**
 * Words an item's name may follow and still be the item: the sentence's start, punctuation, a year,
 * `其中`, `安排`, a unit's name ending (`局`, `中心`). Anything else makes it the tail of a longer
 * name (`基本公卫项目支出` is not 项目支出), and the sentence is not read there.
 */
const BEFORE_ITEM =
  /(?:^|[,.;:()、。!?%\d]|年|年度|其中|包括|安排|部门|单位|本级|全区|全县|全市|和|及|与|的|中|拨款|预算|为|是|本年|当年|全年|局|办|院|委|中心|共)$/;

export function itemMayStartAfter(before: string): boolean {
  return BEFORE_ITEM.test(before);
}

/**
 * The text as the reader scans it: half-width digits and punctuation, no white space, no quotes
 * (`“三公”经费` is `三公经费`), so `5.11 %` and `312.23 万元` read as written.
 */
export function normalize(text: string): string {
  return toHalfWidth(text)
    .replace(/[“”‘’"'「」『』]/g, "")
    .replace(/[\s\u00a0\u3000]+/g, "");
}
