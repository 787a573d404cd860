import { Grid } from "./grid";
import { Panel, keyCols } from "./table";
import { CODE, compact, isFigure, numberingLevel, totalRank } from "./words";

export type RowKind = "blank" | "item" | "total" | "breakdown" | "sub";

export interface RowInfo {
  row: number;
  kind: RowKind;
  /** 1 小计, 2 合计, 3 总计 for totals; 0 otherwise. */
  rank: number;
  label: string;
  code?: string;
  /** For a breakdown or sub-item: the grid row of the item it breaks down. */
  parent?: number;
}

interface Open {
  info: RowInfo;
  level: number;
}

/**
 * What each body row of a panel is, from its label alone:
 * - a total: …合计 / 小计 / 总计 (without a code);
 * - a breakdown: `其中…`, and the rows after it numbered at the same level, or indented under an
 *   unnumbered one (三公 tables' continuation rows); it breaks down the item above;
 * - a sub-item: numbered one level deeper than an item above it (一、 then 1. 2.);
 * - else an item. Codes come from the code column, or from 类/款/项 columns with the 类 and 款
 *   carried down and a 款 or 项 that lost its leading zero padded back.
 */
export function readRows(grid: Grid, panel: Panel): RowInfo[] {
  const codes = readCodes(grid, panel);
  const out: RowInfo[] = [];
  let open: Open[] = [];
  panel.rows.forEach((row, i) => {
    const raw = keyText(grid, panel, row);
    const label = compact(raw);
    const code = codes[i];
    const figures = panel.amounts.some((c) => grid.at(row, c).v !== null && compact(String(grid.at(row, c).v)) !== "");
    const info: RowInfo = { row, kind: "item", rank: 0, label, ...(code ? { code } : {}) };
    out.push(info);
    const rank = label.startsWith("其中") || label.length > 14 ? 0 : totalRank(label);
    if (label === "" && !figures) return void (info.kind = "blank");
    if (code) return void (open = []);
    if (rank > 0) {
      Object.assign(info, { kind: "total", rank });
      return void (open = []);
    }
    const level = numberingLevel(label.replace(/^其中[:：]?/, "")) || (label.startsWith("其中") ? 9 : 0);
    const top = open[open.length - 1];
    const indented = /^[\s\u3000\u00a0]+\S/.test(raw);
    let at = -1;
    if (label.startsWith("其中") && top) {
      Object.assign(info, { kind: "breakdown", parent: top.info.row });
      at = open.length;
    } else if (level === 0 && indented && top?.info.kind === "breakdown" && top.level === 9) {
      Object.assign(info, { kind: "breakdown", parent: top.info.parent });
      at = open.length - 1;
    } else if (level > 0) {
      const sibling = open.findIndex((o) => o.level === level);
      const outer = open.map((o) => o.level < level).lastIndexOf(true);
      if (sibling >= 0 && sibling > outer) {
        const s = open[sibling].info;
        Object.assign(info, { kind: s.kind, ...(s.parent !== undefined ? { parent: s.parent } : {}) });
        at = sibling;
      } else if (outer >= 0) {
        Object.assign(info, { kind: "sub", parent: open[outer].info.row });
        at = outer + 1;
      } else at = 0;
    } else at = 0;
    open = [...open.slice(0, at), { info, level: info.kind === "breakdown" && level === 0 ? 9 : level }];
  });
  return out;
}

/** The row's label: the label column, or else the first key cell with text (合计 written in the 类 or 序号 column). */
function keyText(grid: Grid, panel: Panel, row: number): string {
  if (panel.label !== undefined && compact(grid.text(row, panel.label)) !== "") return grid.text(row, panel.label);
  for (const c of keyCols(panel)) {
    const t = grid.text(row, c);
    if (compact(t) !== "" && !isFigure(grid.at(row, c).v) && !/^[①-⑳]/.test(compact(t))) return t;
  }
  return "";
}

function readCodes(grid: Grid, panel: Panel): (string | undefined)[] {
  if (panel.code !== undefined) {
    const col = panel.code;
    return panel.rows.map((r) => {
      const t = compact(grid.text(r, col));
      return CODE.test(t) ? t : undefined;
    });
  }
  const split = panel.split;
  if (!split) return panel.rows.map(() => undefined);
  const carried: string[] = [];
  return panel.rows.map((r) => {
    const parts = split.map((c) => compact(grid.text(r, c)));
    if (parts.some((p) => p !== "" && !/^\d{1,3}$/.test(p))) return undefined;
    const deepest = parts.map((p) => p !== "").lastIndexOf(true);
    if (deepest < 0) return undefined;
    const code: string[] = [];
    for (let i = 0; i <= deepest; i++) {
      const own = parts[i] !== "" ? (i === 0 ? parts[i] : parts[i].padStart(2, "0")) : carried[i];
      if (own === undefined) return undefined;
      if (parts[i] !== "" && own !== carried[i]) carried.length = i;
      carried[i] = own;
      code.push(own);
    }
    const whole = code.join("");
    return CODE.test(whole) ? whole : undefined;
  });
}

/** Item rows are the ones a total adds: not totals, not breakdowns or sub-items, not blank. */
export const isItem = (r: RowInfo): boolean => r.kind === "item";
