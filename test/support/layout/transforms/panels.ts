import { readRows } from "../rows";
import { panelCols } from "../table";
import { Transform, deleteRows, edit } from "./layout";

/**
 * A long code-keyed table as two side-by-side panels (as 基本支出表 forms put 301/303 left and
 * 302/310 right): the rows from a top-level code near the middle move, cells and all, into a copy
 * of the panel's columns on the right; the header is copied; rows left empty at the bottom go.
 */
export const twoPanels: Transform = {
  name: "two-panels",
  title: "长表改为左右两栏",
  apply(input, rng) {
    if (input.table.panels.length !== 1) return { skip: "已是多栏的表" };
    const panel = input.table.panels[0];
    const rows = readRows(input.grid, panel).filter((r) => r.kind !== "blank");
    const coded = rows.filter((r) => r.code);
    if (coded.length === 0) return { skip: "不是按科目编码排列的表" };
    if (rows.length < 8) return { skip: "表太短（不足 8 行）" };
    const top = Math.min(...coded.map((r) => r.code!.length));
    const level = coded.filter((r) => r.code!.length === top).length >= 2 ? top : top + 2;
    const middle = rows[Math.floor(rows.length / 2)].row;
    const starts = coded.filter((r) => r.code!.length === level && r.row > rows[0].row).map((r) => r.row);
    if (starts.length === 0) return { skip: "找不到可分栏的位置" };
    const best = Math.min(...starts.map((r) => Math.abs(r - middle)));
    const split = rng.pick(starts.filter((r) => Math.abs(r - middle) === best));

    const l = edit(input);
    const { grid } = l;
    const cols = panelCols(panel);
    const left = cols[0];
    const width = cols[cols.length - 1] - left + 1;
    const at = grid.colCount;
    const shift = at - left;
    grid.insertCols(at, width);
    for (let r = l.table.header.top; r <= l.table.header.bottom; r++)
      for (let j = 0; j < width; j++) {
        const from = grid.at(r, left + j);
        Object.assign(grid.at(r, at + j), { v: from.v, t: from.t, fmt: from.fmt });
      }
    for (const m of [...grid.merges])
      if (m.top >= l.table.header.top && m.bottom <= l.table.header.bottom && m.left >= left && m.right < left + width)
        grid.merges.push({ ...m, left: m.left + shift, right: m.right + shift });
    const moving = panel.rows.filter((r) => r >= split);
    const first = panel.rows[0];
    moving.forEach((r, k) => {
      for (let j = 0; j < width; j++) {
        grid.cells[first + k][at + j] = grid.cells[r][left + j];
        grid.cells[r][left + j] = grid.blank();
      }
    });
    const leftRows = panel.rows.filter((r) => r < split);
    const rightRows = moving.map((_, k) => first + k);
    const height = Math.max(leftRows.length, rightRows.length);
    l.table = {
      ...l.table,
      panels: [
        { ...panel, rows: leftRows },
        {
          counters: panel.counters.map((c) => c + shift),
          ...(panel.code !== undefined ? { code: panel.code + shift } : {}),
          ...(panel.split ? { split: panel.split.map((c) => c + shift) } : {}),
          ...(panel.label !== undefined ? { label: panel.label + shift } : {}),
          amounts: panel.amounts.map((c) => c + shift),
          rows: rightRows,
        },
      ],
      colSums: [
        ...l.table.colSums,
        ...l.table.colSums.map((s) => ({ panel: 1, total: s.total + shift, parts: s.parts.map((c) => c + shift) })),
      ],
    };
    const last = panel.rows[panel.rows.length - 1];
    if (last >= first + height) deleteRows(l, first + height, last - (first + height) + 1);
    return l;
  },
};
