import { StandardTable, classifySheet } from "../classify";
import { SheetView } from "../snapshot";

/** The two kinds of 公开 package the 财政部 templates define. */
export type PackageKind = "部门预算" | "部门决算";

/**
 * The nine tables of a package, in the templates' order: the seven standard tables the cross-table
 * checks know (src/core/classify.ts), and the 政府性基金 and 国有资本经营 tables, which no sum reads
 * but a package must hold (even empty, with a note that says why).
 */
export type PackageTable = StandardTable | "政府性基金预算财政拨款支出表" | "国有资本经营预算财政拨款支出表";

/**
 * Each table of a package, in the templates' order, with how each kind's template titles it (for
 * messages; 地方预决算公开操作规程 and the 财政部 templates): one row a table, so the list and its
 * titles cannot drift apart.
 */
const TABLE_TITLES: readonly [PackageTable, { 部门预算: string; 部门决算: string }][] = [
  ["收支总表", { 部门预算: "部门收支总表", 部门决算: "收入支出决算总表" }],
  ["收入总表", { 部门预算: "部门收入总表", 部门决算: "收入决算表" }],
  ["支出总表", { 部门预算: "部门支出总表", 部门决算: "支出决算表" }],
  ["财政拨款收支总表", { 部门预算: "财政拨款收支总表", 部门决算: "财政拨款收入支出决算总表" }],
  ["一般公共预算财政拨款支出表", { 部门预算: "一般公共预算财政拨款支出表", 部门决算: "一般公共预算财政拨款支出决算表" }],
  [
    "一般公共预算财政拨款基本支出表",
    { 部门预算: "一般公共预算财政拨款基本支出表", 部门决算: "一般公共预算财政拨款基本支出决算表" },
  ],
  ["三公经费支出表", { 部门预算: "一般公共预算“三公”经费支出表", 部门决算: "一般公共预算财政拨款“三公”经费支出决算表" }],
  [
    "政府性基金预算财政拨款支出表",
    { 部门预算: "政府性基金预算财政拨款支出表", 部门决算: "政府性基金预算财政拨款收入支出决算表" },
  ],
  [
    "国有资本经营预算财政拨款支出表",
    { 部门预算: "国有资本经营预算财政拨款支出表", 部门决算: "国有资本经营预算财政拨款支出决算表" },
  ],
];

export const PACKAGE_TABLES: readonly PackageTable[] = TABLE_TITLES.map(([table]) => table);

/** How each kind's template titles its tables. */
export const TEMPLATE_TITLES = Object.fromEntries(
  (["部门预算", "部门决算"] as const).map((kind) => [
    kind,
    Object.fromEntries(TABLE_TITLES.map(([table, titles]) => [table, titles[kind]])),
  ]),
) as Record<PackageKind, Record<PackageTable, string>>;

/** A package table found on a sheet: which one, and whether its title says 预算 or 决算. */
export interface FoundTable {
  table: PackageTable;
  /** Null when the title names neither (部门收支总表 …): such a table counts for either kind. */
  kind: PackageKind | null;
  /** Where the title is: the first cell in the top rows that names the table, else the first filled cell. */
  title: { row: number; col: number; text: string };
}

const TOP_ROWS = 4;
const FUND_TABLE = /(政府性基金|国有资本经营)预算/;
const SUMMARY_WORDS = /收支总表|收支预算总表|收入支出决算总表/;

/**
 * The package table a sheet holds, or null. The seven standard tables are read through
 * classifySheet (or what it already said of this sheet in the same check: `classified`); the two
 * fund tables by their titles, which classify.ts leaves out on purpose.
 */
export function packageTableOf(view: SheetView, classified?: { table?: StandardTable }): FoundTable | null {
  const title = titleCell(view);
  const text = title ? title.text : "";
  const name = view.name.replace(/\s+/g, "");
  const fund = fundTable(text) ?? fundTable(name);
  const table: PackageTable | undefined = fund ?? (classified ?? classifySheet(view)).table;
  if (!table) return null;
  const where = title ?? firstFilled(view);
  if (!where) return null;
  return { table, kind: kindOf(`${text}${name}`), title: where };
}

function fundTable(text: string): PackageTable | undefined {
  const t = text.replace(/[“”"'‘’\s]/g, "");
  const m = FUND_TABLE.exec(t);
  if (!m || SUMMARY_WORDS.test(t) || !/表/.test(t)) return undefined;
  return m[1] === "政府性基金" ? "政府性基金预算财政拨款支出表" : "国有资本经营预算财政拨款支出表";
}

/** 决算 wins over 预算: a 决算 table's title often says 预算 too (一般公共预算…决算表). */
function kindOf(text: string): PackageKind | null {
  const t = text.replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, "");
  if (/决算/.test(t)) return "部门决算";
  if (/预算/.test(t)) return "部门预算";
  return null;
}

/** The first cell of the top rows whose text reads as a table title (ends in 表, or names a known table). */
function titleCell(view: SheetView): FoundTable["title"] | null {
  const last = view.stepRow(view.firstRow, TOP_ROWS - 1);
  for (const r of view.rows()) {
    if (r > last) break;
    for (const c of view.cols()) {
      const text = view.text(r, c).trim();
      const compact = text.replace(/\s+/g, "");
      if (compact.length >= 4 && compact.length <= 60 && /表([（(].*[)）])?$/.test(compact)) return { row: r, col: c, text };
    }
  }
  return null;
}

function firstFilled(view: SheetView): FoundTable["title"] | null {
  for (const r of view.rows())
    for (const c of view.cols()) {
      const text = view.text(r, c).trim();
      if (text) return { row: r, col: c, text };
    }
  return null;
}
