import Decimal from "decimal.js";
import { MoneyUnit, parseAmountText, readAmount } from "../../amount";
import { SheetView, isErrorValue } from "../../snapshot";
import { FundsBlock, readFunds } from "./funds";

export interface CellPos {
  row: number;
  col: number;
}

export interface PlanPoint {
  /** `3月底`, `6月底` … as written. */
  label: string;
  month: number;
  row: number;
  col: number;
  /** Null for a blank cell. */
  value: Decimal | null;
  /** The cell shows a % sign (typed, or from its number format). */
  percentShown: boolean;
  /** `#DIV/0!` and the like: reported as CELL-ERROR; the plan rules skip the point. */
  error?: string;
}

export interface SpendingPlan {
  labelCell: CellPos;
  /** The header says （%）. */
  percentHeader: boolean;
  points: PlanPoint[];
}

/** What the rows above an indicator header say about the project (001 and 003 layouts). */
export interface ProjectHeader {
  /** 项目名称, or the block title when there is none. */
  name: string;
  nameCell: CellPos | null;
  budget: Decimal | null;
  budgetCell: CellPos | null;
  budgetUnit: MoneyUnit;
  /** A 预算数 cell holding an error value: CELL-ERROR, and nothing is judged against the budget. */
  budgetError: (CellPos & { code: string }) | null;
  plan: SpendingPlan | null;
  /** The funds block of a self-evaluation form (年初预算数 / 全年预算数 / 全年执行数 …). */
  funds: FundsBlock | null;
}

const NAME = /^项目名称$/;
/** 本年度项目金额 is the year's budget; 项目总金额（中期规划） spans years and is not matched. */
const BUDGET =
  /^(?:预算数|本年度项目金额|年度预算数|本年预算数|本年度预算数|预算金额|年度资金总额|资金总额|项目金额)(?:[（(](?:人民币)?(亿元|万元|千元|元)[）)])?$/;
const PLAN = /^资金支出计划/;
const MONTH = /^(\d{1,2})月(?:底|末)?$/;
const UNIT = /单位[:：](?:人民币)?(亿元|万元|千元|元)/;
const TITLE = /(?:绩效目标表|申报表|自评表|目标表)$/;
/** Another header label: a blank 项目名称 must not borrow the label beside it as the name. */
const OTHER_LABEL = /^(?:项目编码|项目编号|预算数|资金用途|申请单位|主管部门|实施期限|项目类型|一级预算单位)/;

/**
 * Every label above matches only text holding one of these characters (项目名称, 预算数/…金额,
 * 资金支出计划, …表, 单位). Testing the raw text first spares most cells (amounts, names, months)
 * the compacting and five regexes; white space inside a label does not hide a character.
 */
const LABEL_CHARS = /[称数额划表位]/;

function cleanLabel(view: SheetView, row: number, col: number): string {
  return view.label(row, col).replace(/[:：]$/, "");
}

function nextFilled(view: SheetView, row: number, col: number, limit = 4): number | null {
  const last = Math.min(view.lastCol, view.stepCol(col, limit));
  for (let c = view.nextCol(col); c <= last; c = view.nextCol(c)) if (view.text(row, c).trim() !== "") return c;
  return null;
}

function readPlanCell(
  view: SheetView,
  row: number,
  col: number,
): { value: Decimal | null; percentShown: boolean; error?: string } {
  const text = view.text(row, col).trim();
  if (text === "") return { value: null, percentShown: false };
  const raw = view.value(row, col);
  if (isErrorValue(raw)) return { value: null, percentShown: false, error: String(raw) };
  const percentShown = /[%％]$/.test(text);
  const fromText = parseAmountText(text.replace(/[%％]$/, ""));
  if (fromText.kind === "number") return { value: fromText.value, percentShown };
  const fromValue = readAmount(view.value(row, col));
  return { value: fromValue.kind === "number" ? fromValue.value : null, percentShown };
}

function readPlan(view: SheetView, row: number, col: number, lastRow: number): SpendingPlan | null {
  const months: { label: string; month: number; col: number }[] = [];
  let monthRow = row;
  for (const r of [row, view.nextRow(row)]) {
    for (let c = view.nextCol(col); c <= view.lastCol; c = view.nextCol(c)) {
      // Every month label holds 月: other cells (the amounts) skip the compacting and the regex.
      if (!view.text(r, c).includes("月")) continue;
      const label = view.label(r, c);
      const m = MONTH.exec(label);
      if (m) months.push({ label, month: Number(m[1]), col: c });
    }
    if (months.length > 0) {
      monthRow = r;
      break;
    }
  }
  if (months.length === 0) return null;
  // The amounts sit in the first row below the month labels that fills any month column.
  let amountRow = -1;
  const end = Math.min(lastRow, view.stepRow(monthRow, 3));
  for (let r = view.nextRow(monthRow); r <= end && amountRow < 0; r = view.nextRow(r)) {
    for (const m of months) {
      if (view.text(r, m.col).trim() !== "") {
        amountRow = r;
        break;
      }
    }
  }
  if (amountRow < 0) return null;
  // A plain literal per point: spreading two objects into each point was this reader's main cost.
  const points: PlanPoint[] = [];
  for (const m of months) {
    const cell = readPlanCell(view, amountRow, m.col);
    points.push({
      label: m.label,
      month: m.month,
      col: m.col,
      row: amountRow,
      value: cell.value,
      percentShown: cell.percentShown,
      error: cell.error,
    });
  }
  return { labelCell: { row, col }, percentHeader: /[%％]/.test(view.label(row, col)), points };
}

/** Reads the project header in rows [from, to]; a missing item stays null. */
export function readProjectHeader(
  view: SheetView,
  from: number,
  to: number,
  fallbackUnit: MoneyUnit,
  ordinal: number,
  lookForFunds = true,
): ProjectHeader {
  let name = "";
  let nameCell: CellPos | null = null;
  let title = "";
  let budget: Decimal | null = null;
  let budgetCell: CellPos | null = null;
  let labelUnit: MoneyUnit | null = null;
  let statedUnit: MoneyUnit | null = null;
  let plan: SpendingPlan | null = null;
  let budgetError: ProjectHeader["budgetError"] = null;
  for (let r = from; r <= to; r = view.nextRow(r)) {
    for (const c of view.cols()) {
      if (!LABEL_CHARS.test(view.text(r, c))) continue;
      const l = cleanLabel(view, r, c);
      if (l === "") continue;
      if (!nameCell && NAME.test(l)) {
        const at = nextFilled(view, r, c);
        if (at !== null && !OTHER_LABEL.test(cleanLabel(view, r, at))) {
          name = view.text(r, at).trim();
          nameCell = { row: r, col: at };
        }
      } else if (!budgetCell && !budgetError && BUDGET.test(l)) {
        const at = nextFilled(view, r, c);
        const reading = at === null ? null : readAmount(view.value(r, at));
        if (at !== null && reading && reading.kind === "number") {
          budget = reading.value;
          budgetCell = { row: r, col: at };
          labelUnit = (BUDGET.exec(l)?.[1] as MoneyUnit | undefined) ?? null;
        } else if (at !== null && reading?.kind === "error") {
          budgetError = { row: r, col: at, code: reading.code };
        }
      } else if (!plan && PLAN.test(l)) {
        plan = readPlan(view, r, c, to);
      } else if (!title && TITLE.test(l)) {
        title = l.replace(/^\d+[、.．]/, "");
      }
      const unit = UNIT.exec(l);
      if (unit) statedUnit = unit[1] as MoneyUnit;
    }
  }
  const funds = lookForFunds && to >= from ? readFunds(view, from, to) : null;
  const header: ProjectHeader = {
    name: name || title || `第${ordinal}个指标表`,
    nameCell,
    budget,
    budgetCell,
    budgetUnit: labelUnit ?? statedUnit ?? fallbackUnit,
    budgetError,
    plan,
    funds,
  };
  return funds ? withFundsBudget(header, funds) : header;
}

/**
 * A self-evaluation form's budget is its funds block's: the larger of 年初预算数 and 全年预算数 on the
 * 总额 row, or of its parts' sums when the 总额 row is blank or zero (seed 011). The targets were set
 * on the budget at the start of the year, so a budget cut later does not make a cost target too high.
 */
function withFundsBudget(header: ProjectHeader, funds: FundsBlock): ProjectHeader {
  let best: { value: Decimal; row: number; col: number } | null = null;
  const consider = (value: Decimal | null, row: number, col: number) => {
    if (value !== null && value.greaterThan(0) && (!best || value.greaterThan(best.value))) best = { value, row, col };
  };
  for (const field of ["initial", "budget"] as const) {
    const c = funds.total?.cells[field];
    if (c) consider(c.value, c.row, c.col);
  }
  if (!best) {
    for (const field of ["initial", "budget"] as const) {
      const cells = funds.parts.map((p) => p.cells[field]).filter((c) => c !== undefined);
      if (cells.length === 0 || cells.some((c) => c!.error || c!.invalid)) continue;
      const sum = cells.reduce((acc, c) => acc.plus(c!.value ?? 0), new Decimal(0));
      consider(sum, cells[0]!.row, cells[0]!.col);
    }
  }
  const chosen = best as { value: Decimal; row: number; col: number } | null;
  if (!chosen) return { ...header, budget: null, budgetCell: null };
  return {
    ...header,
    budget: chosen.value,
    budgetCell: { row: chosen.row, col: chosen.col },
    budgetUnit: funds.unit ?? header.budgetUnit,
  };
}
