import { Decimal } from "../amount";
import { signedDifference } from "../excerpt";
import { appendAll } from "../finding";
import { SheetChecker } from "./sheet-checker";
import { findCrossings } from "./crossing";
import { cellStyle, displayAmount } from "./display";
import { readRows } from "./read/rows";
import { columnName, rowLabelNear } from "./read/table-helpers";
import { locateTables } from "./read/table-layout";

/**
 * One wrong figure, one finding (docs/domain.md §8): totals that are off only because of a cell that is
 * reported already give way to it, and a cell that both its row and its column identity blame is
 * reported once, as SUM-CROSS, in place of the two totals it throws off.
 */
export function resolveCrossings(ck: SheetChecker): void {
  if (ck.broken.length < 2) return;
  const { explained, culprits } = findCrossings(ck.broken, (c) => ck.amounts.value(c.row, c.col), ck.ctx.band);
  const drop = new Set([...explained, ...culprits.flatMap((c) => c.because)].map((b) => b.finding));
  if (drop.size === 0) return;
  const kept = ck.findings.filter((f) => !drop.has(f));
  ck.findings.length = 0;
  appendAll(ck.findings, kept);
  const tables = locateTables(ck.view);
  for (const c of culprits) {
    const { row, col } = c.cell;
    const table = tables.find((t) => row >= t.firstRow && row <= t.lastRow && t.columns.some((x) => x.col === col));
    // Names repeat under different codes (行政运行): the code keeps the message and the id apart.
    const code = table ? readRows(ck.view, table, table.labelCols[0]).find((r) => r.row === row)?.code : null;
    const name = table
      ? `${code ? `${code} ` : ""}${rowLabelNear(ck.view, table, row, col)}（${columnName(ck.view, table, col)}）`
      : ck.view.address(row, col);
    const style = cellStyle(ck.view, row, col);
    const show = (v: Decimal) => displayAmount(v, style);
    const [along, down] = c.because;
    ck.report.add({
      rule: "SUM-CROSS",
      cell: ck.view.address(row, col),
      related: [ck.view.address(along.total.row, along.total.col), ck.view.address(down.total.row, down.total.col)],
      anchor: name,
      message:
        `${name} ${show(c.actual)} 有误：按本行「${along.subject}」和本列「${down.subject}」推算都应为 ${show(c.expected)}，` +
        `相差 ${signedDifference(c.actual.minus(c.expected), show)}（${ck.ctx.unit}）；这两处合计因它而不符，不另行列出`,
      expected: c.expected,
      actual: c.actual,
      unit: ck.ctx.unit,
    });
  }
}
