import { Grid } from "./grid";
import { Panel, keyCols } from "./table";
import { CODE, SUB_NUMBER, compact, isFigure, totalRank } from "./words";

export type RowKind = "blank" | "item" | "total" | "breakdown" | "sub";

export interface RowInfo {
  row: number;
  kind: RowKind;
  /** 1 小计, 2 合计, 3 总计 for totals; 0 otherwise. */
  rank: number;
  label: string;
  code?: string;
}

/**
 * What each body row of a panel is, from its label alone: a total (…合计 / 小计 / 总计), a 其中
 * row or its indented continuation (a breakdown of the row above), a numbered sub-item (1. …)
 * under an item, or an item. Codes come from the code column, or from 类/款/项 columns with the
 * 类 and 款 carried down and a 款 or 项 that lost its leading zero padded back.
 */
export function readRows(grid: Grid, panel: Panel): RowInfo[] {
  const codes = readCodes(grid, panel);
  const out: RowInfo[] = [];
  panel.rows.forEach((row, i) => {
    const raw = keyText(grid, panel, row);
    const label = compact(raw);
    const figures = panel.amounts.some((c) => grid.at(row, c).v !== null && compact(String(grid.at(row, c).v)) !== "");
    const code = codes[i];
    const prev = [...out].reverse().find((r) => r.kind !== "blank");
    const rank = label.startsWith("其中") || label.length > 14 ? 0 : totalRank(label);
    let kind: RowKind = "item";
    if (label === "" && !figures) kind = "blank";
    else if (rank > 0 && !code) kind = "total";
    else if (label.startsWith("其中")) kind = "breakdown";
    else if (/^[\s\u3000\u00a0]+\S/.test(raw) && prev?.kind === "breakdown" && !code) kind = "breakdown";
    else if (SUB_NUMBER.test(label) && !code && prev && prev.kind !== "total") kind = "sub";
    out.push({ row, kind, rank: kind === "total" ? rank : 0, label, ...(code ? { code } : {}) });
  });
  return out;
}

/** The row's label: the label column, or else the first key cell with text (合计 written in the 类 column). */
function keyText(grid: Grid, panel: Panel, row: number): string {
  if (panel.label !== undefined && compact(grid.text(row, panel.label)) !== "") return grid.text(row, panel.label);
  for (const c of keyCols(panel)) {
    const t = grid.text(row, c);
    if (!panel.counters.includes(c) && compact(t) !== "" && !isFigure(grid.at(row, c).v)) return t;
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
