import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { CorpusFile, loadCorpus } from "../../test/support/corpus";
import { cleanTables, describeSkipped } from "../../test/support/layout/clean-tables";
import { plant } from "../../test/support/layout/plant";
import { Flag, Outcome, accuracy, accuracyLine, freshFlags, serious, targetsMet } from "./metrics";
import { Planting, amountCells, choosePlantings } from "./plantings";
import { explain } from "./explain";
import { breakdown } from "./report";

/** A checker as the bench calls it: a workbook's snapshots in, its findings out. */
export type Checker = (snapshots: SheetSnapshot[]) => Flag[];

const realChecker: Checker = (snapshots) => checkWorkbook(snapshots).findings;

/** One planting through the checker: its new findings against the unplanted workbook's. */
export function measure(p: Planting, baseline: Flag[], checker: Checker): Outcome {
  const planted = p.file.snapshots.map((s, i) => (i === p.index ? plant(s, p.cell, p.after) : s));
  return { file: p.file.file, sheet: p.sheet, cell: p.cell, fresh: freshFlags(baseline, checker(planted)) };
}

const option = (argv: string[], name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};

/**
 * `npm run bench -- --accuracy [--plantings N] [--seed S] [--explain]`: plants one changed figure at a time in
 * the amount cells of every clean fixture and quiet wild sheet, runs the real checker in-process on
 * snapshots read by the CLI's reader, and prints recall, culprit precision, other cells blamed and
 * false alarms (definitions: metrics.ts). Progress goes to stderr; the last line is the figures.
 */
export async function benchAccuracy(argv: string[], checker: Checker = realChecker): Promise<void> {
  const n = option(argv, "--plantings", 1000);
  const seed = option(argv, "--seed", 16);
  const corpus = await loadCorpus();
  const { tables, skipped } = cleanTables(corpus);
  const cells = amountCells(tables);
  const plantings = choosePlantings(cells, n, seed);
  const baselines = new Map<CorpusFile, Flag[]>(corpus.map((f) => [f, checker(f.snapshots)]));
  const falseAlarms = (f: CorpusFile) => serious(baselines.get(f)!).filter((x) => f.quiet.has(x.sheet)).length;

  const outcomes = plantings.map((p, i) => {
    if (i % 20 === 0 || i === plantings.length - 1) process.stderr.write(`\r准确率基准：${i + 1}/${plantings.length}`);
    return measure(p, baselines.get(p.file)!, checker);
  });
  process.stderr.write("\n");

  const files = corpus.filter((f) => tables.some((t) => t.file === f));
  console.log(
    `${corpus.length} 个干净文件（${corpus.filter((f) => f.origin === "fixture").length} 个 fixture，` +
      `${corpus.filter((f) => f.origin === "wild").length} 个 wild），${tables.length} 张金额表，${cells.length} 个金额单元格；` +
      `未取用的工作表：${describeSkipped(skipped)}`,
  );
  console.log(
    "金额单元格：标尺自己的读法（test/support/layout/locate.ts，不经检查器）——干净表表体中金额列（表头为金额、非比率/分值/计数）的数字单元格；只取其恒等式全部成立的表。",
  );
  console.log(`种子 ${seed}；每次改动一个数字的一位，超出容差 0.01（表的单位）；文件轮流，文件内随机取格。\n`);
  console.log(breakdown(plantings, outcomes, files, falseAlarms));
  if (argv.includes("--explain")) console.log(explain(plantings, outcomes, tables));
  const all = accuracy(
    outcomes,
    corpus.reduce((s, f) => s + falseAlarms(f), 0),
  );
  console.log(`\nfound at the planted cell itself: ${all.atCell.toFixed(3)} of plantings`);
  console.log(`targets: ${targetsMet(all).join("; ")}`);
  console.log(accuracyLine(all));
}
