/** What panel detection needs to know of a column. */
export interface PanelColumn {
  col: number;
  role: "serial" | "code" | "label" | "amount" | "count" | "none";
}

/**
 * Column ranges of the panels of a code-keyed table printed side by side (基本支出 tables: left
 * 301/303, right 302/310), each with its own code, name and amount columns. A panel starts at a
 * code column that follows a non-code column; with fewer than two such starts, or a part without
 * names or figures, the table is one panel and null is returned. Income and spending halves of a
 * 收支总表 carry no codes, so they stay one table for the summary rules.
 */
export function panelRanges(columns: PanelColumn[]): { from: number; to: number }[] | null {
  const starts: number[] = [];
  columns.forEach((c, i) => {
    if (c.role === "code" && (i === 0 || columns[i - 1].role !== "code")) starts.push(i);
  });
  if (starts.length < 2) return null;
  const ranges = starts.map((s, k) => ({ from: s, to: k + 1 < starts.length ? starts[k + 1] - 1 : columns.length - 1 }));
  // Columns before the first code column (a 序号) belong to the first panel.
  ranges[0].from = 0;
  for (const r of ranges) {
    const part = columns.slice(r.from, r.to + 1);
    if (!part.some((c) => c.role === "label") || !part.some((c) => c.role === "amount")) return null;
  }
  return ranges.map((r) => ({ from: columns[r.from].col, to: columns[r.to].col }));
}

/**
 * A table without codes whose names and figures repeat side by side (收入 | 执行数 | 支出 | 执行数):
 * a panel starts at a label column after an amount column, where amount columns follow it (a
 * 备注 or 增减原因 column after the figures is part of the panel before it). Null for one panel.
 */
export function labelPanels<T extends { columns: PanelColumn[]; amountCols: number[]; labelCols: number[]; codeCols: number[] }>(
  table: T,
): (T & { panel: { index: number; count: number } })[] | null {
  if (table.codeCols.length > 0) return null;
  const cols = table.columns;
  const starts = [0];
  for (let i = 1; i < cols.length; i++) {
    const afterFigures = cols.slice(starts[starts.length - 1], i).some((c) => c.role === "amount");
    if (
      cols[i].role === "label" &&
      cols[i - 1].role !== "label" &&
      afterFigures &&
      cols.slice(i).some((c) => c.role === "amount")
    )
      starts.push(i);
  }
  if (starts.length < 2) return null;
  return starts.map((s, index) => {
    const to = index + 1 < starts.length ? starts[index + 1] : cols.length;
    const inside = new Set(cols.slice(s, to).map((c) => c.col));
    return {
      ...table,
      columns: table.columns.filter((c) => inside.has(c.col)),
      amountCols: table.amountCols.filter((c) => inside.has(c)),
      labelCols: table.labelCols.filter((c) => inside.has(c)),
      panel: { index, count: starts.length },
    };
  });
}
