import Decimal from "decimal.js";
import { toA1 } from "../address";
import { quoted, shownNumber } from "../excerpt";
import { CategoryCell, IndicatorBlock } from "./read/blocks";
import { FundsBlock, FundsCell } from "./read/funds";
import { Reporter } from "../reporter";

/**
 * EVAL-POINTS-SUM and EVAL-SCORE-OVER on a self-evaluation form (docs/domain.md §8): the indicators'
 * 分值 (权重) add up to each 一级 label's points (`产出指标(50分)`), to the section's (`绩效指标(90分)`)
 * and, with the funds block's points, to the 合计 row; no 得分 exceeds its 分值.
 * Points are compared exactly: they are whole or half points, never money.
 */

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);

type Readable = FundsCell & { value: Decimal };

const readable = (c: FundsCell | null | undefined): c is Readable => !!c && c.value !== null;
const unreadable = (c: FundsCell | null | undefined): boolean => !!c && (c.error !== undefined || c.invalid === true);
const a1 = (c: { row: number; col: number }) => toA1(c.row, c.col);

export function checkPoints(report: Reporter, block: IndicatorBlock): void {
  if (block.header.points === null && block.header.score === null && !block.project.funds) return;
  const project = block.project.name;
  checkScores(block, report);
  const cells = block.rows.map((r) => r.points);
  // A form whose points are not filled in (or cannot be read) has no sum to check.
  if (!cells.some(readable) || cells.some(unreadable)) return;
  const groupsOk = checkGroups(block, report);
  if (!groupsOk) return;
  const sum = cells.reduce((s, c) => s.plus(c?.value ?? ZERO), ZERO);
  const section = block.header.sectionPoints;
  if (section && !sum.equals(section.value)) {
    report.add({
      rule: "EVAL-POINTS-SUM",
      cell: a1(section),
      related: cells.filter(readable).map(a1),
      anchor: `${project}|分值|绩效指标`,
      message: `绩效指标注明 ${shownNumber(section.value)} 分，而各项指标分值之和为 ${shownNumber(sum)} 分，相差 ${shownNumber(sum.minus(section.value).abs())} 分`,
    });
    return;
  }
  checkTotalRow(block, sum, "points", report);
}

/** Each 一级 group whose label states its points; false when one of them does not add up. */
function checkGroups(block: IndicatorBlock, report: Reporter): boolean {
  const groups = new Map<string, { label: CategoryCell; cells: Readable[]; sum: Decimal }>();
  for (const row of block.rows) {
    const l1 = row.level1;
    if (!l1 || l1.points === null) continue;
    const key = `${l1.row}:${l1.col}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label: l1, cells: [], sum: ZERO }));
    if (readable(row.points)) {
      g.cells.push(row.points);
      g.sum = g.sum.plus(row.points.value);
    }
  }
  let ok = true;
  for (const g of groups.values()) {
    const stated = g.label.points!;
    if (g.cells.length === 0 || g.sum.equals(stated)) continue;
    ok = false;
    report.add({
      rule: "EVAL-POINTS-SUM",
      cell: a1(g.label),
      related: g.cells.map(a1),
      anchor: `${block.project.name}|分值|${g.label.name}`,
      message: `一级指标${quoted(g.label.raw)}注明 ${shownNumber(stated)} 分，而其下各项指标分值之和为 ${shownNumber(g.sum)} 分，相差 ${shownNumber(g.sum.minus(stated).abs())} 分`,
    });
  }
  return ok;
}

/**
 * The 合计 row: the indicators' points alone, or with the funds block's (预算执行 10 分 + 绩效指标 90 分).
 * A form that states its section points but shows no funds block (seed 013: the block is on the
 * previous page) may total 100.
 */
function checkTotalRow(block: IndicatorBlock, sum: Decimal, field: "points" | "score", report: Reporter): void {
  const total = block.total?.[field];
  if (!readable(total)) return;
  const funds = block.project.funds?.total?.cells[field] ?? block.project.funds?.parts[0]?.cells[field];
  if (unreadable(funds)) return;
  const fundsValue = readable(funds) ? funds.value : null;
  const accepted = [sum];
  if (fundsValue) accepted.push(sum.plus(fundsValue));
  else if (field === "points" && block.header.sectionPoints && !block.project.funds) accepted.push(HUNDRED);
  if (accepted.some((a) => a.equals(total.value))) return;
  const what = field === "points" ? "分值" : "得分";
  const expected = fundsValue ? sum.plus(fundsValue) : sum;
  const withFunds = fundsValue ? `（含预算执行 ${shownNumber(fundsValue)} 分）` : "";
  report.add({
    rule: "EVAL-POINTS-SUM",
    cell: a1(total),
    related: block.rows
      .map((r) => r[field])
      .filter(readable)
      .map(a1),
    anchor: `${block.project.name}|${what}|合计`,
    message: `合计${what} ${shownNumber(total.value)} 与各项${what}之和 ${shownNumber(expected)}${withFunds}不一致，相差 ${shownNumber(expected.minus(total.value).abs())} 分`,
  });
}

/** EVAL-SCORE-OVER per row and for the funds block; then the 合计 得分. */
function checkScores(block: IndicatorBlock, report: Reporter): void {
  for (const r of block.rows) scoreOver(r.name, r.points, r.score, block.project.name, report);
  if (block.project.funds) checkFundsScore(report, block.project.funds, block.project.name);
  const scores = block.rows.map((r) => r.score);
  if (scores.some(readable) && !scores.some(unreadable)) {
    checkTotalRow(
      block,
      scores.reduce((s, c) => s.plus(readable(c) ? c.value : ZERO), ZERO),
      "score",
      report,
    );
  }
}

/** The funds block's own 得分 against its 分值. */
export function checkFundsScore(report: Reporter, funds: FundsBlock, project: string): void {
  const row = funds.total ?? funds.parts[0];
  if (row) scoreOver(row.label, row.cells.points, row.cells.score, project, report);
}

function scoreOver(
  label: string,
  points: FundsCell | null | undefined,
  score: FundsCell | null | undefined,
  project: string,
  report: Reporter,
): void {
  if (!readable(score) || !readable(points) || !score.value.greaterThan(points.value)) return;
  report.add({
    rule: "EVAL-SCORE-OVER",
    cell: a1(score),
    related: [a1(points)],
    anchor: `${project}|得分|${label.slice(0, 100)}`,
    message: `${quoted(label)}的得分 ${shownNumber(score.value)} 超过其分值 ${shownNumber(points.value)}，超出 ${shownNumber(score.value.minus(points.value))} 分`,
  });
}
