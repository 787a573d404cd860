import { Decimal, MoneyUnit } from "./amount";
import { RuleId, ruleById } from "./catalogue";
import { CompareRef, Finding, makeFinding } from "./finding";
import type { Judgement } from "./judge";

/** Where a finding lands: the flagged cell, the cells it relates to, and what keeps its id stable. */
export interface Place {
  cell: string;
  related?: string[];
  /** The cells a sum adds, where `related` names more (Finding.items). */
  items?: string[];
  /** Keeps the id stable when rows move, such as the row's label; defaults to the cell. */
  anchor?: string;
  /** For text given beside the workbook (a pasted 说明, a --narrative file): its line, 1-based. */
  line?: number;
  /** Last year's cell, for the year-on-year rules. */
  compare?: CompareRef;
}

/**
 * A numeric finding carries both figures and the unit they are in ("" for counts such as 户数, which
 * no money unit fits); others carry none.
 */
type Figures = { expected?: never; actual?: never; unit?: never } | { expected: Decimal; actual: Decimal; unit: MoneyUnit | "" };

/** What a rule reports: its id, where, and one Chinese sentence. There is no severity: see Reporter. */
export type Report = Place & Figures & { rule: RuleId; message: string };

/**
 * The one way to add a finding. A plain report gets its rule's catalogue severity; a broken
 * identity comes with the judge's verdict (src/core/judge.ts), the only thing that makes a
 * finding milder. One reporter per sheet; several may share one list.
 */
export class Reporter {
  constructor(
    readonly sheet: string,
    readonly findings: Finding[] = [],
  ) {}

  add(report: Report): void {
    this.findings.push(makeFinding({ ...report, sheet: this.sheet }, ruleById(report.rule).severity));
  }

  addJudgement(judgement: Judgement, place: Place): void {
    const { rule, message, expected, actual, unit, severity } = judgement;
    this.findings.push(makeFinding({ ...place, rule, message, expected, actual, unit, sheet: this.sheet }, severity));
  }
}
