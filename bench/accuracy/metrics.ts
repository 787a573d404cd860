/**
 * The accuracy figures of `npm run bench -- --accuracy`, defined on findings alone so a test can
 * feed them a fake checker. Only warnings and errors count; info never does.
 *
 * - A planting's *new findings* are the warnings and errors of the planted workbook whose
 *   (sheet, cell, rule) the unplanted workbook did not have, on any sheet.
 * - R, recall: the share of plantings with at least one new finding.
 * - P, culprit precision: of all new findings of all plantings, the share whose cell is the
 *   planted cell.
 * - O, other cells blamed: the distinct cells other than the planted one that new findings name,
 *   per planting.
 * - F, false alarms: the warnings and errors on the clean sheets of the unplanted files.
 */
export interface Flag {
  sheet: string;
  cell: string;
  rule: string;
  severity: string;
  /** The cells the finding relates to (a sum's items): `--explain` shows whether it names the planted cell. */
  related?: string[];
}

export interface Outcome {
  file: string;
  sheet: string;
  cell: string;
  /** Warnings and errors the planting brought. */
  fresh: Flag[];
}

export interface Accuracy {
  n: number;
  recall: number;
  precision: number;
  others: number;
  falseAlarms: number;
  /** Share of plantings with a new finding at the planted cell itself. */
  atCell: number;
}

export const serious = <F extends Flag>(flags: F[]): F[] =>
  flags.filter((f) => f.severity === "error" || f.severity === "warning");

const key = (f: Flag) => `${f.sheet}\u0000${f.cell}\u0000${f.rule}`;

/** The warnings and errors of `planted` that `baseline` did not have. */
export function freshFlags(baseline: Flag[], planted: Flag[]): Flag[] {
  const before = new Set(serious(baseline).map(key));
  return serious(planted).filter((f) => !before.has(key(f)));
}

export function accuracy(outcomes: Outcome[], falseAlarms: number): Accuracy {
  const n = outcomes.length;
  const at = (o: Outcome) => o.fresh.filter((f) => f.sheet === o.sheet && f.cell === o.cell);
  const flags = outcomes.reduce((s, o) => s + o.fresh.length, 0);
  const onCell = outcomes.reduce((s, o) => s + at(o).length, 0);
  const others = outcomes.reduce(
    (s, o) =>
      s + new Set(o.fresh.filter((f) => !(f.sheet === o.sheet && f.cell === o.cell)).map((f) => `${f.sheet}!${f.cell}`)).size,
    0,
  );
  return {
    n,
    recall: n === 0 ? 0 : outcomes.filter((o) => o.fresh.length > 0).length / n,
    // With no finding at all nothing was precise: 0, not an undefined 0/0.
    precision: flags === 0 ? 0 : onCell / flags,
    others: n === 0 ? 0 : others / n,
    falseAlarms,
    atCell: n === 0 ? 0 : outcomes.filter((o) => at(o).length > 0).length / n,
  };
}

/** The bench's last line, to the letter of issue 16. */
export function accuracyLine(a: Accuracy): string {
  return (
    `accuracy: recall ${a.recall.toFixed(3)}, culprit precision ${a.precision.toFixed(3)}, ` +
    `other cells blamed ${a.others.toFixed(3)}, false alarms ${a.falseAlarms} (${a.n} plantings)`
  );
}

export const TARGETS = { recall: 0.98, precision: 0.95, others: 0.1, falseAlarms: 0 };

export function targetsMet(a: Accuracy): string[] {
  return [
    `recall ≥ ${TARGETS.recall}: ${a.recall >= TARGETS.recall ? "met" : "NOT met"}`,
    `culprit precision ≥ ${TARGETS.precision}: ${a.precision >= TARGETS.precision ? "met" : "NOT met"}`,
    `other cells blamed ≤ ${TARGETS.others}: ${a.others <= TARGETS.others ? "met" : "NOT met"}`,
    `false alarms = ${TARGETS.falseAlarms}: ${a.falseAlarms === TARGETS.falseAlarms ? "met" : "NOT met"}`,
  ];
}
