import Decimal from "decimal.js";
import { formatAmount } from "./amount";
import { RuleId, ruleById } from "./catalogue";
import type { Severity } from "./severity";

// Kept where they were long imported from; they live in severity.ts.
export { SEVERITY_LABEL, SEVERITY_ORDER } from "./severity";
export type { Severity } from "./severity";

export interface Finding {
  /** Stable across re-checks: rule, sheet and the finding's anchor (a row label or the cell). */
  id: string;
  rule: RuleId;
  severity: Severity;
  sheet: string;
  /** A1 address of the flagged cell. */
  cell: string;
  /** A1 addresses of the cells the finding relates to, such as the items of a sum. */
  related: string[];
  /**
   * The cells a sum adds, where `related` names more (the other identities a wrong total throws
   * off): what a =SUM fix sums. Absent when `related` is exactly that; empty when the flagged cell
   * is one item of a sum, the culprit, not its total (isItemCulprit).
   */
  items?: string[];
  /** One Chinese sentence. */
  message: string;
  /** Exact decimal strings, for numeric rules only. */
  expected?: string;
  actual?: string;
  difference?: string;
  /** The unit of the three figures, such as 万元 (the table's unit); numeric rules only. */
  unit?: string;
  /** The project (项目名称) an indicator finding belongs to, so a list can name it. */
  project?: string;
  /**
   * Set for a finding on text given beside the workbook (a pasted 说明, a `--narrative` file): the
   * line or paragraph, 1-based. Its `sheet` then names the text, not a sheet, and `cell` is `A{line}`.
   */
  line?: number;
  /** Last year's cell a year-on-year finding compares with (`--compare`, issue 21). */
  compare?: CompareRef;
}

/** A cell of last year's workbook: the file as the user named it, the sheet, the cell, its figure. */
export interface CompareRef {
  file: string;
  sheet: string;
  cell: string;
  /** The figure as an exact decimal string (in last year's own unit), or the cell's text. */
  value: string;
}

export interface FindingInput {
  rule: RuleId;
  sheet: string;
  cell: string;
  message: string;
  related?: string[];
  items?: string[];
  /** What keeps the id stable when rows move, such as the row's label; defaults to the cell. */
  anchor?: string;
  expected?: Decimal | string;
  actual?: Decimal | string;
  unit?: string;
  line?: number;
  compare?: CompareRef;
}

/**
 * Builds a finding. Rules do not call this: they report through a Reporter (src/core/reporter.ts),
 * which passes the catalogue's severity or the judge's. Tests build findings with it directly.
 */
export function makeFinding(input: FindingInput, severity: Severity = ruleById(input.rule).severity): Finding {
  const finding: Finding = {
    id: `${input.rule}|${input.sheet}|${input.anchor ?? input.cell}`,
    rule: input.rule,
    severity,
    sheet: input.sheet,
    cell: input.cell,
    related: input.related ?? [],
    message: input.message,
  };
  if (input.items !== undefined) finding.items = input.items;
  if (input.line !== undefined) finding.line = input.line;
  if (input.expected !== undefined && input.actual !== undefined) {
    const expected = typeof input.expected === "string" ? new Decimal(input.expected) : input.expected;
    const actual = typeof input.actual === "string" ? new Decimal(input.actual) : input.actual;
    finding.expected = formatAmount(expected);
    finding.actual = formatAmount(actual);
    finding.difference = formatAmount(actual.minus(expected));
    if (input.unit !== undefined) finding.unit = input.unit;
  }
  if (input.compare) finding.compare = input.compare;
  return finding;
}

function cellOrder(a1: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) ?? ["", "A", "0"];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** A total order, so the same input always lists the same findings the same way. */
export function compareFindings(sheetOrder: Map<string, number>) {
  return (a: Finding, b: Finding): number => {
    const sa = sheetOrder.get(a.sheet) ?? 1e9;
    const sb = sheetOrder.get(b.sheet) ?? 1e9;
    if (sa !== sb) return sa - sb;
    const [ra, ca] = cellOrder(a.cell);
    const [rb, cb] = cellOrder(b.cell);
    if (ra !== rb) return ra - rb;
    if (ca !== cb) return ca - cb;
    if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Where a finding is, as a person reads it: `收支总表!E20`, or `核对说明文字 第 3 行` for text beside the workbook. */
export function findingPlace(f: Pick<Finding, "sheet" | "cell" | "line">): string {
  return f.line !== undefined ? `${f.sheet} 第 ${f.line} 行` : `${f.sheet}!${f.cell}`;
}

/** What a finding's three figures are called wherever they are printed beside its sentence. */
export interface FigureWords {
  expected: string;
  actual: string;
  difference: string;
}

/**
 * 应为/实际/相差, except where 应为 is a ceiling, not a target: IND-COST-BUDGET's figure is the budget
 * a cost must stay under, so its figures are 上限/填报/超出.
 */
export function figureWords(rule: RuleId): FigureWords {
  return rule === "IND-COST-BUDGET"
    ? { expected: "上限", actual: "填报", difference: "超出" }
    : { expected: "应为", actual: "实际", difference: "相差" };
}

/**
 * A sum's finding flagged at one of its items (the only figure that can make the sum hold), not at
 * its total: what to do is correct that figure, so no SUM fix applies and none is talked about.
 */
export function isItemCulprit(f: Pick<Finding, "items">): boolean {
  return f.items !== undefined && f.items.length === 0;
}

/** Ids must be unique in one result; a second finding with the same id gets a numbered suffix. */
export function uniquifyIds(findings: Finding[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const n = seen.get(f.id) ?? 0;
    seen.set(f.id, n + 1);
    return n === 0 ? f : { ...f, id: `${f.id}#${n + 1}` };
  });
}

/**
 * Appends in a loop: `into.push(...items)` passes every item as an argument, and past about 125,000
 * of them (a sheet full of error values) V8's stack overflows, which dropped every finding of the sheet.
 */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
