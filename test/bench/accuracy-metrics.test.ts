import Decimal from "decimal.js";
import { measure } from "../../bench/accuracy";
import { Flag, Outcome, accuracy, accuracyLine, freshFlags } from "../../bench/accuracy/metrics";
import type { Planting } from "../../bench/accuracy/plantings";
import { gridSheet } from "../../src/core/snapshot";
import type { CorpusFile } from "../support/corpus";

/** The accuracy bench's arithmetic, on a fake checker and made-up outcomes: not the real figures. */
const flag = (cell: string, rule = "R", severity = "error", sheet = "表"): Flag => ({ sheet, cell, rule, severity });

describe("accuracy metrics", () => {
  it("counts as new only the warnings and errors the unplanted file did not have", () => {
    const baseline = [flag("A1", "OLD", "warning"), flag("B2", "R", "info")];
    const planted = [flag("A1", "OLD", "warning"), flag("A1", "NEW"), flag("B2", "R", "info"), flag("C3", "R", "warning")];
    expect(freshFlags(baseline, planted)).toEqual([flag("A1", "NEW"), flag("C3", "R", "warning")]);
  });

  it("computes recall, culprit precision, other cells blamed and the share found at the cell", () => {
    const at = (cell: string, fresh: Flag[]): Outcome => ({ file: "f", sheet: "表", cell, fresh });
    const outcomes = [
      at("B2", [flag("B2")]), // found, exactly
      at("B3", [flag("B3"), flag("B9"), flag("B9", "S")]), // found, and one other cell (named twice) blamed
      at("B4", [flag("B8", "R", "warning")]), // found, but only elsewhere
      at("B5", []), // missed
    ];
    const a = accuracy(outcomes, 2);
    expect(a).toEqual({ n: 4, recall: 0.75, precision: 2 / 5, others: 2 / 4, falseAlarms: 2, atCell: 0.5 });
    expect(accuracyLine(a)).toBe(
      "accuracy: recall 0.750, culprit precision 0.400, other cells blamed 0.500, false alarms 2 (4 plantings)",
    );
  });

  it("gives 0, not NaN, when nothing was planted or nothing found", () => {
    expect(accuracy([], 0)).toMatchObject({ recall: 0, precision: 0, others: 0 });
    expect(accuracy([{ file: "f", sheet: "表", cell: "A1", fresh: [] }], 0).precision).toBe(0);
  });

  it("runs a planting through a checker and keeps what the planting brought", () => {
    // A fake checker: every figure in column B must be 5; it always warns about A1 and adds an info.
    const checker = (snapshots: { values: unknown[][] }[]): Flag[] => [
      flag("A1", "ALWAYS", "warning"),
      flag("A2", "NOTE", "info"),
      ...snapshots[0].values.flatMap((row, r) => (row[1] !== 5 && typeof row[1] === "number" ? [flag(`B${r + 1}`)] : [])),
    ];
    const sheet = gridSheet("表", [
      ["项目", "金额"],
      ["甲", 5],
      ["乙", 5],
    ]);
    const file: CorpusFile = { file: "fake.xlsx", origin: "fixture", snapshots: [sheet], quiet: new Set(["表"]), defects: [] };
    const planting: Planting = {
      file,
      sheet: "表",
      index: 0,
      cell: "B3",
      value: new Decimal(5),
      after: new Decimal(8),
      total: false,
      item: true,
      repeated: false,
    };
    const outcome = measure(planting, checker([sheet]), checker);
    expect(outcome).toEqual({ file: "fake.xlsx", sheet: "表", cell: "B3", fresh: [flag("B3")] });
    expect(sheet.values[2][1]).toBe(5);
  });
});
