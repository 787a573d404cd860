import path from "path";
import type { CleanTable } from "../../test/support/layout/clean-tables";
import { indistinguishable } from "../../test/support/layout/identities";
import { Outcome } from "./metrics";
import type { Planting } from "./plantings";

/**
 * `--explain`: why the figures are what they are. For each planting, where it was planted, how
 * many cells arithmetic cannot tell from it (test/support/layout/identities.ts `indistinguishable`,
 * over its own table's identities: 1 = only the planted cell explains the change), and every new
 * finding, marked `=` at the planted cell, `~` at a cell it cannot be told from, `x` elsewhere
 * (`(names it)` where such a finding lists the planted cell among its related cells).
 * Then the counts by kind of cell and by outcome, and the rules of the findings made elsewhere.
 */
export function explain(plantings: Planting[], outcomes: Outcome[], tables: CleanTable[]): string {
  const lines: string[] = ["", "## explain: one line per planting", ""];
  const classes = new Map<string, number>();
  const elsewhere = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  plantings.forEach((p, i) => {
    const o = outcomes[i];
    const table = tables.find((t) => t.file === p.file && t.sheet === p.sheet)!;
    const tied = indistinguishable(table.identities, p.cell);
    const kind = p.total ? "total" : p.item ? "item" : "none";
    const where = `${kind}${p.repeated ? "+repeated" : ""}`;
    const marks = o.fresh.map((f) => {
      const mark = f.sheet === p.sheet && f.cell === p.cell ? "=" : f.sheet === p.sheet && tied.has(f.cell) ? "~" : "x";
      if (mark !== "=") bump(elsewhere, `${mark} ${f.rule}${f.sheet === p.sheet ? "" : " (other sheet)"}`);
      // A finding elsewhere that names the planted cell among its related cells (a sum's items) points at it.
      const names = mark !== "=" && f.sheet === p.sheet && (f.related ?? []).includes(p.cell) ? "(names it)" : "";
      return `${mark}${f.rule}@${f.sheet === p.sheet ? "" : f.sheet + "!"}${f.cell}${names}`;
    });
    const at = marks.some((m) => m.startsWith("="));
    const off = marks.filter((m) => !m.startsWith("="));
    const outcome =
      o.fresh.length === 0
        ? "missed"
        : at && off.length === 0
          ? "at the cell only"
          : at
            ? "at the cell and elsewhere"
            : off.every((m) => m.startsWith("~"))
              ? "only at cells it cannot be told from"
              : "elsewhere";
    bump(classes, `${where} | ${tied.size === 1 ? "unique" : "tied"} | ${outcome}`);
    lines.push(
      `${i + 1}\t${path.basename(p.file.file)}\t${p.sheet}!${p.cell} ${p.value.toString()}→${p.after.toString()}\t${where}\ttied ${tied.size}\t${o.fresh.length} new\t${marks.join(" ")}`,
    );
  });
  lines.push("", "## explain: plantings by kind | can arithmetic single it out | outcome", "");
  for (const [k, n] of [...classes].sort()) lines.push(`${String(n).padStart(5)}  ${k}`);
  lines.push("", "## explain: findings not at the planted cell, by rule", "");
  for (const [k, n] of [...elsewhere].sort((a, b) => b[1] - a[1])) lines.push(`${String(n).padStart(5)}  ${k}`);
  return lines.join("\n");
}
