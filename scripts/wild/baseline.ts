/**
 * Runs today's checker on the wild corpus and prints, as Markdown, what it finds: each recorded defect found or
 * missed, each quiet sheet's false warnings and errors, and a summary (recall, false alarms).
 * This script measures the checker, so unlike identities.ts it does use src/.
 *
 * Run: node bin/run-ts.js scripts/wild/baseline.ts > /tmp/baseline.md   (--details lists every finding)
 */
import { join, resolve } from "path";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { checkWorkbook } from "../../src/core/check";
import { ManifestEntry } from "./corpus";
import { ROOT, WILD_DIR } from "./identities";
import { readFileSync } from "fs";

const RANK: Record<string, number> = { info: 0, warning: 1, error: 2 };

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(WILD_DIR, "manifest.json"), "utf8")) as ManifestEntry[];
  const details = process.argv.includes("--details");
  const out: string[] = [];
  let defects = 0;
  let found = 0;
  let foundWeaker = 0;
  const bySeverity: Record<string, [number, number]> = { info: [0, 0], warning: [0, 0], error: [0, 0] };
  let quietSheets = 0;
  let quietNoisy = 0;
  let falseWarnings = 0;
  let falseErrors = 0;
  out.push(
    "| file | defects found / recorded | missed (cell: min → best found there) | quiet sheets clean / listed | false warnings | false errors | rules of the false alarms |",
  );
  out.push("|---|---|---|---|---|---|---|");
  for (const e of manifest) {
    const { findings } = checkWorkbook(await readWorkbookFile(join(ROOT, e.file)));
    let f = 0;
    const missed: string[] = [];
    for (const d of e.defects) {
      defects++;
      bySeverity[d.min][1]++;
      const here = findings.filter((x) => x.sheet === d.sheet && x.cell === d.cell);
      const best = here.reduce((m, x) => Math.max(m, RANK[x.severity]), -1);
      if (best >= RANK[d.min]) {
        f++;
        bySeverity[d.min][0]++;
      } else {
        if (best >= 0) foundWeaker++;
        const name = best < 0 ? "nothing" : Object.keys(RANK).find((k) => RANK[k] === best);
        missed.push(`${d.sheet}!${d.cell}: ${d.min} → ${name}`);
      }
    }
    found += f;
    let clean = 0;
    let w = 0;
    let er = 0;
    const rules = new Map<string, number>();
    for (const s of e.quiet) {
      quietSheets++;
      const bad = findings.filter((x) => x.sheet === s && x.severity !== "info");
      if (bad.length === 0) clean++;
      else quietNoisy++;
      for (const x of bad) {
        if (x.severity === "error") er++;
        else w++;
        rules.set(x.rule, (rules.get(x.rule) ?? 0) + 1);
      }
    }
    falseWarnings += w;
    falseErrors += er;
    const name = e.file.replace("test/wild/", "");
    out.push(
      `| ${name} | ${e.defects.length ? `${f} / ${e.defects.length}` : "–"} | ${missed.join("; ") || "–"} | ${
        e.quiet.length ? `${clean} / ${e.quiet.length}` : "–"
      } | ${w} | ${er} | ${[...rules].map(([r, n]) => (n > 1 ? `${r} ×${n}` : r)).join(", ") || "–"} |`,
    );
    if (details) {
      for (const x of findings) out.push(`    ${x.sheet}!${x.cell} ${x.severity} ${x.rule}: ${x.message}`);
    }
  }
  out.push("");
  out.push(`| | count |`);
  out.push(`|---|---|`);
  out.push(
    `| defects recorded | ${defects} (error ${bySeverity.error[1]}, warning ${bySeverity.warning[1]}, info ${bySeverity.info[1]}) |`,
  );
  out.push(
    `| defects found at their cell with at least their severity | ${found} (error ${bySeverity.error[0]}, warning ${bySeverity.warning[0]}, info ${bySeverity.info[0]}) |`,
  );
  out.push(`| found at the cell but weaker than required | ${foundWeaker} |`);
  out.push(`| recall | ${defects ? (found / defects).toFixed(2) : "–"} |`);
  out.push(`| quiet sheets | ${quietSheets} (${quietSheets - quietNoisy} clean, ${quietNoisy} with false alarms) |`);
  out.push(
    `| false alarms on quiet sheets | ${falseWarnings + falseErrors} (warnings ${falseWarnings}, errors ${falseErrors}) |`,
  );
  console.log(out.join("\n"));
}

if (resolve(process.argv[1] ?? "") === __filename) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
