import { toA1 } from "../address";
import type { Place } from "../reporter";
import { CategoryCell, IndicatorRow } from "./read/blocks";
import { Level1, allowedUnder, frameworkOf, isCost2021Level2, isKnownLevel2, level1Of, parentOf } from "./read/framework";
import { compactName } from "./read/normalize";
import { isPlaceholderName, realRows } from "./read/placeholders";
import { BlockScope, a1, nameCell, quoted, rowAnchor } from "./scope";

/**
 * Rules on a block's shape (docs/domain.md §6, §8): IND-HIERARCHY, IND-UNKNOWN-NAME, IND-MISFILED,
 * IND-MISSING-CATEGORY, IND-DUPLICATE and IND-UNUSED. IND-LEVEL-SHIFT is said once per sheet, by
 * checkLevelShift, for the first block read one level down. Placeholder rows (指标1, ……) are left to
 * blank-parts.ts.
 */

const SATISFACTION_TOPIC = /满意|投诉|评价|好评|认可|认同|信任|口碑|获得感|幸福感|不适用/;
const NOT_APPLICABLE = /^(?:不适用|不涉及|\/|无)$/;
const REQUIRED: Level1[] = ["产出", "效益", "满意度"];

function cellKey(c: CategoryCell): string {
  return `${c.row}:${c.col}`;
}

/** Built only on the rare rows that break a rule: a string per row was a cost on large sheets. */
function level2Key(l2: CategoryCell, level1: Level1 | null): string {
  return `${cellKey(l2)}|${level1 ?? ""}`;
}

function firstValueCell(row: IndicatorRow): string {
  return row.values.length > 0 ? a1(row.values[0]) : nameCell(row);
}

export function checkStructure(scope: BlockScope): void {
  checkHierarchy(scope);
  checkMisfiled(scope);
  checkMissing(scope);
  checkDuplicates(scope);
  checkUnused(scope);
}

/** Names no framework knows, gathered per block: at most one warning, never an error per row (§8). */
interface Unknown {
  cells: CategoryCell[];
  names: string[];
}

function noteUnknown(unknown: Unknown, cell: CategoryCell): void {
  if (unknown.cells.some((c) => cellKey(c) === cellKey(cell))) return;
  unknown.cells.push(cell);
  if (!unknown.names.includes(cell.raw)) unknown.names.push(cell.raw);
}

function reportUnknown(scope: BlockScope, unknown: Unknown): void {
  if (unknown.cells.length === 0) return;
  const first = unknown.cells.reduce((a, b) => (b.row < a.row || (b.row === a.row && b.col < a.col) ? b : a));
  const names =
    unknown.names
      .slice(0, 3)
      .map((n) => quoted(n, 20))
      .join("、") + (unknown.names.length > 3 ? ` 等 ${unknown.names.length} 个` : "");
  scope.report.add({
    rule: "IND-UNKNOWN-NAME",
    cell: a1(first),
    related: unknown.cells.filter((c) => c !== first).map(a1),
    anchor: `${scope.block.project.name}|未知类别名称`,
    message: `指标类别${names}不在产出、效益、满意度、成本指标体系之列，这些行未按类别检查；如为本地口径可忽略，否则请改用规范名称`,
  });
}

function checkHierarchy(scope: BlockScope): void {
  const { block } = scope;
  const flagged = new Set<string>();
  /** One IND-HIERARCHY per category cell: a wrong name repeats on every row it spans. */
  const reportOnce = (key: string, report: Place & { message: string }) => {
    if (flagged.has(key)) return;
    flagged.add(key);
    scope.report.add({ rule: "IND-HIERARCHY", ...report });
  };
  const unknown: Unknown = { cells: [], names: [] };
  let classicRow: IndicatorRow | null = null;
  let newRow: IndicatorRow | null = null;
  let mixFlagged = false;
  for (const row of realRows(block)) {
    const l1 = row.level1;
    const l2 = row.level2;
    const level1 = l1 ? level1Of(l1.name) : null;
    // A placeholder category (…, 具体指标) is the template's, not a name to look up.
    if (l1 && !level1 && !isPlaceholderName(l1.raw)) noteUnknown(unknown, l1);
    if (!l2) continue;
    if (!isKnownLevel2(l2.name)) {
      if (!isPlaceholderName(l2.raw)) noteUnknown(unknown, l2);
      continue;
    }
    if (!level1) continue;
    if (!allowedUnder(level1, l2.name)) {
      // 经济成本指标 under 产出指标 (seed 013): a 101号 name inside the classic framework.
      const mixed = level1 === "产出" && isCost2021Level2(l2.name);
      reportOnce(level2Key(l2, level1), {
        cell: a1(l2),
        related: l1 ? [a1(l1), nameCell(row)] : [nameCell(row)],
        anchor: `${block.project.name}|二级|${level1}|${l2.name}`,
        message: mixed
          ? `二级指标${quoted(l2.raw)}是财预〔2021〕101号体系中一级“成本指标”下的名称，不应放在产出指标下：应改为产出指标下的“成本指标”，或把一级指标改为“成本指标”`
          : `二级指标${quoted(l2.raw)}不应放在一级指标“${level1}指标”下，应归入“${parentOf(l2.name)}指标”`,
      });
      continue;
    }
    const fw = frameworkOf(level1, l2.name);
    if (fw === "classic") classicRow ??= row;
    if (fw === "2021") newRow ??= row;
    if (classicRow && newRow && !mixFlagged) {
      mixFlagged = true;
      // Flag the row that brought in the second framework.
      const late = classicRow.row > newRow.row ? classicRow : newRow;
      const cat = late.level2 ?? late.level1;
      scope.report.add({
        rule: "IND-HIERARCHY",
        cell: cat ? a1(cat) : nameCell(late),
        related: [nameCell(classicRow), nameCell(newRow)],
        anchor: `${block.project.name}|指标体系混用`,
        message: "本项目同时把成本指标列为产出指标下的二级指标和独立的一级指标，混用了两种指标体系，应统一为其中一种",
      });
    }
  }
  reportUnknown(scope, unknown);
}

/** IND-LEVEL-SHIFT: the block's 一级 column holds 二级 names; the block was read one level down. */
export function checkLevelShift(scope: BlockScope): void {
  const at = scope.block.shifted;
  if (!at) return;
  scope.report.add({
    rule: "IND-LEVEL-SHIFT",
    cell: a1(at),
    anchor: `${scope.block.project.name}|类别错位`,
    message:
      "“一级指标”一栏填的是数量指标、质量指标等二级指标名称，“二级指标”一栏填的是具体指标：已按下移一级的结构检查；规范的写法是一级填产出、效益、满意度指标，二级填数量、质量等指标",
  });
}

function checkMisfiled(scope: BlockScope): void {
  const { block } = scope;
  for (const row of realRows(block)) {
    if (row.level1?.name !== "满意度" || row.name === "" || SATISFACTION_TOPIC.test(row.name)) continue;
    scope.report.add({
      rule: "IND-MISFILED",
      cell: firstValueCell(row),
      related: [nameCell(row)],
      anchor: rowAnchor(block, row),
      message: `满意度指标下的三级指标${quoted(row.name)}与满意度、投诉无关，疑似放错了类别`,
    });
  }
}

function checkMissing(scope: BlockScope): void {
  const { block } = scope;
  // A block not yet filled in at all (a blank template) is said once, as IND-PART-BLANK.
  const rows = realRows(block);
  if (rows.length === 0) return;
  const present = new Set<string>();
  for (const row of rows) {
    const l1 = row.level1 ? level1Of(row.level1.name) : null;
    if (l1) present.add(l1);
    // A level-2 name alone still shows the category when the form has no level-1 column.
    const parent = row.level2 ? parentOf(row.level2.name) : null;
    if (parent) present.add(parent === "成本" ? "产出" : parent);
  }
  if (present.has("成本")) present.add("产出");
  const missing = REQUIRED.filter((c) => !present.has(c));
  if (missing.length === 0) return;
  const h = block.header;
  scope.report.add({
    rule: "IND-MISSING-CATEGORY",
    cell: toA1(h.row, h.level1 ?? h.level3),
    anchor: `${block.project.name}|缺少类别`,
    message: `项目“${block.project.name}”缺少${missing.map((m) => `${m}指标`).join("、")}，绩效指标应涵盖产出、效益和满意度三类`,
  });
}

function checkDuplicates(scope: BlockScope): void {
  const { block } = scope;
  const seen = new Map<string, IndicatorRow>();
  for (const row of realRows(block)) {
    if (row.name === "" || NOT_APPLICABLE.test(row.name)) continue;
    const key = compactName(row.name);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, row);
      continue;
    }
    scope.report.add({
      rule: "IND-DUPLICATE",
      cell: firstValueCell(row),
      related: [nameCell(row), nameCell(first)],
      anchor: `${rowAnchor(block, row)}|重复`,
      message: `三级指标${quoted(row.name)}在本项目中重复出现（第 ${first.row + 1} 行与第 ${row.row + 1} 行）`,
    });
  }
}

function checkUnused(scope: BlockScope): void {
  const { block } = scope;
  for (const u of block.unused) {
    if (isPlaceholderName(u.level2.raw)) continue;
    const valueCol = block.header.values[0]?.col ?? u.level2.col;
    scope.report.add({
      rule: "IND-UNUSED",
      cell: toA1(u.row, valueCol),
      related: [a1(u.level2)],
      anchor: `${block.project.name}|未使用|${u.level2.name}`,
      message: `二级指标${quoted(u.level2.raw)}这一行既无三级指标也无指标值，若不适用可删除或注明“不适用”`,
    });
  }
}
