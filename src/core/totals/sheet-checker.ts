import { cellKey } from "../address";
import { CheckContext } from "../context";
import { Finding } from "../finding";
import { Reporter } from "../reporter";
import { SheetView } from "../snapshot";
import { AmountReader, amountsOf } from "./read/amounts";
import { BrokenIdentity } from "./crossing";

/** A broken identity and the finding that reports it, kept for the crossing analysis. */
export interface ReportedIdentity extends BrokenIdentity {
  finding: Finding;
  subject: string;
}

/** A total cell that a sum rule checked, remembered for FORMULA-CONST. */
export interface CheckedTotal {
  row: number;
  col: number;
  hasFormula: boolean;
  group: string;
  subject: string;
  anchor: string;
}

/**
 * Everything the rules of one sheet share: the readers and the reporter. A cell gets at most one
 * sum finding, so a 合计 that breaks both its row and its column identity is reported once.
 */
export class SheetChecker {
  readonly report: Reporter;
  readonly amounts: AmountReader;
  readonly totals: CheckedTotal[] = [];
  /** Identities broken beyond the band, in the order they were found. */
  readonly broken: ReportedIdentity[] = [];
  private readonly sumFlagged = new Set<number>();
  private readonly totalSeen = new Set<number>();

  constructor(
    readonly view: SheetView,
    readonly ctx: CheckContext,
  ) {
    this.amounts = amountsOf(view);
    this.report = new Reporter(view.name);
  }

  get findings(): Finding[] {
    return this.report.findings;
  }

  hasSumFinding(row: number, col: number): boolean {
    return this.sumFlagged.has(cellKey(row, col));
  }

  markSumFinding(row: number, col: number): void {
    this.sumFlagged.add(cellKey(row, col));
  }

  recordTotal(total: CheckedTotal): void {
    const key = cellKey(total.row, total.col);
    if (this.totalSeen.has(key)) return;
    this.totalSeen.add(key);
    this.totals.push(total);
  }
}
