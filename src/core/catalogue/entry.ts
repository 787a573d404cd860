import type { Severity } from "../severity";

/**
 * A cell of an example workbook, as JSON can carry it: empty, text, a number, a formula with its
 * cached result (or none), an error value, or a value with a number format (`{"value":0.85,"numFmt":"0%"}`).
 */
export type ExampleCell =
  | null
  | string
  | number
  /** Without a result: a formula as programs that do not calculate write it. */
  | { formula: string; result?: number | string }
  | { error: string }
  | { value: string | number; numFmt: string };

/** A small workbook that shows the rule, and the cell where the rule fires on it. */
export interface RuleExample {
  sheets: { name: string; rows: ExampleCell[][] }[];
  sheet: string;
  cell: string;
  /** Last year's workbook, for the rules that compare two years (`--compare`): the example is checked against it. */
  last?: { name: string; rows: ExampleCell[][] }[];
}

/**
 * One rule of the catalogue. Every field is required, so a rule without help or an example does
 * not compile. The severity here is the only one: a finding is milder only when its gap lies
 * within the rounding band (src/core/judge.ts).
 */
export interface RuleEntry {
  severity: Severity;
  /** One line, Chinese: what must hold. */
  title: string;
  /** Repository-relative path of the one file that raises the rule. */
  module: string;
  /** Two or three plain Chinese sentences for an accountant: what it means and how to fix it in Excel. */
  help: string;
  /** What the task pane's one-click fix does, in one Chinese sentence; null when there is none. */
  fix: string | null;
  example: RuleExample;
}

/** A rule family: entries keyed by rule id, in the order docs/rules.md lists them. */
export type RuleFamily = Record<string, RuleEntry>;
