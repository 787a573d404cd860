import { SheetView } from "./snapshot";

export type SheetKind = "summary" | "indicators" | "other";

/** Standard budget tables that the cross-table checks (docs/domain.md §5) know. */
export type StandardTable =
  | "收支总表"
  | "收入总表"
  | "支出总表"
  | "财政拨款收支总表"
  | "一般公共预算财政拨款支出表"
  | "一般公共预算财政拨款基本支出表"
  | "三公经费支出表";

const SUMMARY_NAME = /收支总表|收支预算总表|收入支出决算总表/;
const INDICATOR_NAME = /绩效指标|绩效目标/;

/** The first non-empty cells, used to read a table's title when the sheet name is generic. */
function titleText(view: SheetView, rows = 4): string {
  let out = "";
  const lastRow = view.stepRow(view.firstRow, rows - 1);
  const lastCol = view.stepCol(view.firstCol, 8);
  for (const r of view.rows()) {
    if (r > lastRow) break;
    for (const c of view.cols()) {
      if (c > lastCol) break;
      out += view.label(r, c);
    }
  }
  return out;
}

/** True when one row holds both 一级指标 and 二级指标 (short forms 一级/二级 accepted). */
export function hasIndicatorHeader(view: SheetView, maxRows = 200): boolean {
  const last = view.stepRow(view.firstRow, maxRows - 1);
  const rows = view.rows();
  const cols = view.cols();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r > last) break;
    let first = false;
    let second = false;
    for (let j = 0; j < cols.length; j++) {
      const l = view.label(r, cols[j]);
      if (l === "一级指标" || l === "一级") first = true;
      if (l === "二级指标" || l === "二级") second = true;
    }
    if (first && second) return true;
  }
  return false;
}

/** True when a cell in the first rows, title aside, names 指标 (一级指标, 绩效指标, 指标值 …). */
function mentionsIndicators(view: SheetView, maxRows = 200): boolean {
  const last = view.stepRow(view.firstRow, maxRows - 1);
  for (const r of view.rows()) {
    if (r > last) break;
    if (r === view.firstRow) continue;
    for (const c of view.cols()) if (view.text(r, c).includes("指标")) return true;
  }
  return false;
}

/** True when a header row shows 收入 and 支出 side by side, with 本年收入合计 and 本年支出合计 below. */
export function hasSummaryLayout(view: SheetView): boolean {
  let income = false;
  let spend = false;
  // Index loops: every cell of the sheet, mostly before V8 optimizes this (`for … of` then
  // allocates a result object per cell).
  const rows = view.rows();
  const cols = view.cols();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < cols.length; j++) {
      const l = view.label(r, cols[j]);
      if (l === "本年收入合计") income = true;
      if (l === "本年支出合计") spend = true;
    }
    if (income && spend) return true;
  }
  return false;
}

export function classifySheet(view: SheetView): { kind: SheetKind; table?: StandardTable } {
  const name = view.name.replace(/\s+/g, "");
  const title = titleText(view);
  const table = standardTable(name) ?? juesuanCode(name) ?? standardTable(title);
  if (SUMMARY_NAME.test(name) || table === "收支总表" || table === "财政拨款收支总表") return { kind: "summary", table };
  if (INDICATOR_NAME.test(name)) return { kind: "indicators" };
  if (hasSummaryLayout(view)) return { kind: "summary", table: table ?? "收支总表" };
  if (hasIndicatorHeader(view)) return { kind: "indicators" };
  // A title alone (`…绩效目标申报表`) heads every sheet of a multi-sheet form, its project facts too:
  // only a sheet that speaks of 指标 below the title is an indicator sheet.
  if (INDICATOR_NAME.test(title) && !table && mentionsIndicators(view)) return { kind: "indicators" };
  return { kind: "other", table };
}

/**
 * The standard table a title or sheet name names, in 预算 and 决算 sets alike (docs/domain.md §5, §8).
 * Longer names first: 财政拨款收入支出决算总表 also contains 收入支出决算总表, 基本支出决算表 also
 * 支出决算表.
 */
function standardTable(text: string): StandardTable | undefined {
  const t = text.replace(/[“”"'‘’]/g, "");
  // 政府性基金 and 国有资本经营 tables are standard too, but no cross-table check reads them.
  if (/政府性基金预算|国有资本经营预算/.test(t) && !/收支总表|收支预算总表|收入支出决算总表/.test(t)) return undefined;
  if (/财政拨款收支(预算)?总表|财政拨款收入支出决算总表/.test(t)) return "财政拨款收支总表";
  if (/收支总表|收支预算总表|收入支出决算总表/.test(t)) return "收支总表";
  if (/三公.{0,2}经费/.test(t)) return "三公经费支出表";
  if (/基本支出(经济分类)?(预算|决算)?表/.test(t)) return "一般公共预算财政拨款基本支出表";
  if (/一般公共预算(财政拨款)?支出(功能分类)?(预算|决算)?表/.test(t)) return "一般公共预算财政拨款支出表";
  if (/收入(预算)?总表|收入决算表/.test(t)) return "收入总表";
  if (/支出(预算)?总表|支出决算表/.test(t)) return "支出总表";
  return undefined;
}

/**
 * The 部门决算 software's exports name sheets 「Z01 收入支出决算总表(财决01表)」, which the names
 * above read, or by the code alone (「Z03」「财决03表」). These codes name one table in every
 * year's set; the others have moved between years, so a sheet named only by one of them is known
 * by its title instead.
 */
const JUESUAN_CODES: Record<string, StandardTable> = {
  "01": "收支总表",
  "01-1": "财政拨款收支总表",
  "02": "收入总表",
  "03": "支出总表",
};

function juesuanCode(name: string): StandardTable | undefined {
  const m = /^(?:Z|财决)(\d{2}(?:-\d)?)表?$/i.exec(name);
  return m ? JUESUAN_CODES[m[1]] : undefined;
}
