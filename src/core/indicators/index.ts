import { CheckContext } from "../context";
import { Finding } from "../finding";
import { Reporter } from "../reporter";
import { reportNoIndicatorHeader } from "../sheet-rules";
import { SheetView } from "../snapshot";
import { checkActuals } from "./actual-values";
import { reportBlankBlock, reportPlaceholders } from "./blank-parts";
import { checkCosts } from "./cost-vs-budget";
import { blockErrorCells, fundsErrorCells, reportErrorCells } from "./error-cells";
import { checkFunds } from "./funds-block";
import { checkLevelShift, checkStructure } from "./indicator-structure";
import { checkValues } from "./indicator-values";
import { checkFundsScore, checkPoints } from "./points-and-scores";
import { checkScoreDeductions } from "./score-deductions";
import { IndicatorBlock, forEachBlock } from "./read/blocks";
import { FundsBlock } from "./read/funds";
import { BlockScope } from "./scope";
import { checkPlan } from "./spending-plan";

export { parseIndicatorValue } from "./read/value-grammar";
export type { IndicatorValue, IndicatorForm, Comparator } from "./read/value-grammar";
export { readBlocks } from "./read/blocks";
export type { IndicatorBlock, IndicatorRow } from "./read/blocks";

/** What the indicator rules found on a sheet, and which rows their tables cover. */
export interface IndicatorTables {
  findings: Finding[];
  /** Indicator tables read (0: the sheet holds none). */
  blocks: number;
  /** Rows of the indicator tables and self-evaluation funds blocks, inclusive: the rest of the sheet is for the totals rules. */
  covered: { from: number; to: number }[];
}

/** Indicator, spending-plan and self-evaluation rules for every indicator table of a sheet (docs/domain.md §6, §8). */
export function checkIndicatorTables(view: SheetView, ctx: CheckContext): IndicatorTables {
  const report = new Reporter(view.name);
  const covered: IndicatorTables["covered"] = [];
  if (view.rowCount === 0) return { findings: report.findings, blocks: 0, covered };
  let shiftSaid = false;
  const coverFunds = (funds: FundsBlock) => covered.push({ from: funds.headerRow, to: funds.lastRow });
  // Each block is checked as soon as it is read; see forEachBlock.
  const blocks = forEachBlock(
    view,
    ctx.unit,
    (block) => {
      const first = report.findings.length;
      const scope: BlockScope = { view, ctx, block, report };
      const { funds } = block.project;
      reportErrorCells(report, blockErrorCells(block), block.project.name);
      if (funds) reportErrorCells(report, fundsErrorCells(funds), block.project.name);
      // Said once per sheet: a stacked form repeats its layout in every block.
      if (block.shifted && !shiftSaid) {
        checkLevelShift(scope);
        shiftSaid = true;
      }
      // A block with nothing filled in is said once; its rows have nothing to judge.
      const blank = reportBlankBlock(scope);
      if (!blank) {
        checkStructure(scope);
        reportPlaceholders(scope);
        checkValues(scope);
        checkActuals(scope);
        checkCosts(scope);
      }
      checkPlan(scope);
      if (funds) {
        const scoreTexts = block.rows.flatMap((r) => (r.score?.value ? [r.score.text] : []));
        checkFunds(report, funds, ctx, block.project.name, scoreTexts);
        coverFunds(funds);
      }
      const beforePoints = report.findings.length;
      checkPoints(report, block);
      // Points that do not add up leave no 分值 to measure a deduction against.
      const pointsBroken = report.findings.slice(beforePoints).some((f) => f.rule === "EVAL-POINTS-SUM");
      if (!blank && !pointsBroken) checkScoreDeductions(scope);
      covered.push({ from: tableTop(block), to: block.lastRow });
      nameProject(report.findings, first, block.project.name);
    },
    (funds) => {
      const project = "预算执行情况";
      reportErrorCells(report, fundsErrorCells(funds), project);
      checkFunds(report, funds, ctx, project);
      checkFundsScore(report, funds, project);
      coverFunds(funds);
    },
  );
  return { findings: report.findings, blocks, covered };
}

function tableTop(block: IndicatorBlock): number {
  const section = block.header.sectionPoints;
  return section ? Math.min(section.row, block.header.row) : block.header.row;
}

/** The indicator rules alone, on a sheet known to be an indicator sheet: says so when it holds no readable table. */
export function checkIndicatorSheet(view: SheetView, ctx: CheckContext): Finding[] {
  const { findings, blocks } = checkIndicatorTables(view, ctx);
  if (blocks === 0 && view.rowCount > 0) reportNoIndicatorHeader(new Reporter(view.name, findings), view);
  return findings;
}

/** Findings from `first` on belong to this block's project; a form without a 项目名称 names none. */
function nameProject(findings: Finding[], first: number, project: string): void {
  if (!project) return;
  for (let i = first; i < findings.length; i++) findings[i].project = project;
}
