import path from "path";
import type { CorpusFile } from "../../test/support/corpus";
import { Outcome, accuracy } from "./metrics";
import type { Planting } from "./plantings";

const f3 = (x: number) => x.toFixed(3);

/** The mix of plantings, then the figures per file and per kind of cell: what sits above the last line. */
export function breakdown(
  plantings: Planting[],
  outcomes: Outcome[],
  files: CorpusFile[],
  falseAlarms: (f: CorpusFile) => number,
): string {
  const count = (test: (p: Planting) => boolean) => plantings.filter(test).length;
  const lines = [
    `mix: ${count((p) => p.total)} in totals, ${count((p) => p.item)} in items, ` +
      `${count((p) => p.repeated)} in figures another table repeats (${count((p) => p.repeated && p.total)} of them totals), ` +
      `${count((p) => !p.total && !p.item)} in no identity`,
    "",
    "| file | plantings | recall | culprit precision | other cells blamed | at the cell | false alarms |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const file of files) {
    const mine = outcomes.filter((o) => o.file === file.file);
    const a = accuracy(mine, falseAlarms(file));
    lines.push(
      `| ${path.basename(file.file)} | ${a.n} | ${f3(a.recall)} | ${f3(a.precision)} | ${f3(a.others)} | ${f3(a.atCell)} | ${a.falseAlarms} |`,
    );
  }
  lines.push(
    "",
    "| planted in | plantings | recall | culprit precision | other cells blamed | at the cell |",
    "|---|---|---|---|---|---|",
  );
  const kinds: [string, (p: Planting) => boolean][] = [
    ["a total", (p) => p.total],
    ["an item", (p) => p.item],
    ["a figure another table repeats", (p) => p.repeated],
  ];
  for (const [label, test] of kinds) {
    const a = accuracy(
      outcomes.filter((_, i) => test(plantings[i])),
      0,
    );
    lines.push(`| ${label} | ${a.n} | ${f3(a.recall)} | ${f3(a.precision)} | ${f3(a.others)} | ${f3(a.atCell)} |`);
  }
  return lines.join("\n");
}
