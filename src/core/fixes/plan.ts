import { parseA1 } from "../address";
import type { RuleId } from "../catalogue";
import type { Finding } from "../finding";
import { CellValue, SheetView } from "../snapshot";

/**
 * A cell as a fix reads and writes it: a formula ("=SUM(…)") or a value, and its number format.
 * For a formula, `value` is the result it gives (what a file writer caches); hosts compare and write
 * the formula only.
 */
export interface CellContent {
  value: CellValue;
  formula: string;
  /** Written only when given: a fix leaves the cell's format alone unless it must change it. */
  numberFormat?: string;
}

/** One cell a fix writes, only if it still holds `before`. */
export interface CellWrite {
  sheet: string;
  /** The sheet's own A1 address. */
  cell: string;
  before: CellContent;
  after: CellContent;
  /** The two contents in words the user can check: 文本“1,060.41”, 数字 1060.41, =SUM(B5:B7). */
  beforeText: string;
  afterText: string;
  /** One Chinese line: 收支总表!B8：手工录入的 175.00 → =SUM(B5:B7). */
  description: string;
}

/**
 * The fix of one finding: the cells it writes, in order (an undo writes them back in reverse). A
 * host applies a plan whole or not at all; it never edits one.
 */
export interface FixPlan {
  findingId: string;
  rule: RuleId;
  /** The button's text, such as 改为求和公式. */
  label: string;
  writes: CellWrite[];
}

/**
 * Why a finding whose rule has a planner gets no fix here, in one Chinese sentence the user reads
 * where the button would be: a fix that would not make its rule hold is refused, never offered.
 */
export interface FixRefusal {
  findingId: string;
  rule: RuleId;
  refused: string;
}

/**
 * Plans the fix of one rule's finding from what the sheet holds now. Returns null when the cell is
 * not what the rule's fix is for (it holds a formula already, say), or a refusal that says why a
 * fix here would be unsafe. Pure: the finding and the sheet in, cell writes out; hosts do the writing.
 */
export type FixPlanner = (
  finding: Finding,
  view: SheetView,
) => Omit<FixPlan, "findingId" | "rule"> | Pick<FixRefusal, "refused"> | null;

/** What a cell holds, read through the view at the finding's sheet address. */
export interface CellNow {
  row: number;
  col: number;
  content: CellContent;
  /** As displayed. */
  text: string;
}

export function cellAt(view: SheetView, a1: string): CellNow | null {
  const p = parseA1(a1);
  if (!p) return null;
  const formula = view.formula(p.row, p.col);
  return {
    row: p.row,
    col: p.col,
    content: { value: formula ? null : view.value(p.row, p.col), formula, numberFormat: view.numberFormat(p.row, p.col) },
    text: view.text(p.row, p.col),
  };
}

export function cellWrite(
  sheet: string,
  cell: string,
  change: Pick<CellWrite, "before" | "after" | "beforeText" | "afterText">,
): CellWrite {
  return { sheet, cell, ...change, description: `${sheet}!${cell}：${change.beforeText} → ${change.afterText}` };
}

/** The writes that take a plan back: each cell's old content, in reverse order, each only if it still holds what the fix wrote. */
export function undoWrites(plan: FixPlan): CellWrite[] {
  return [...plan.writes].reverse().map((w) =>
    cellWrite(w.sheet, w.cell, {
      // Excel may show the new content under another format than the one written: compare content only.
      before: { ...w.after, numberFormat: undefined },
      after: w.before,
      beforeText: w.afterText,
      afterText: w.beforeText,
    }),
  );
}
