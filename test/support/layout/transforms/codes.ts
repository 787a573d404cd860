import { readRows } from "../rows";
import { Panel } from "../table";
import { compact } from "../words";
import { leafHeader, writeHeader } from "./header";
import { Layout, Transform, deleteCols, edit, insertCols } from "./layout";

const PART_NAMES = ["类", "款", "项"];

/**
 * 科目编码 `2080505` → 类 | 款 | 项 (`208 | 05 | 05`; 经济分类 `30101` → 类 | 款). The 类 and 款
 * are either repeated on every row or written once and left to carry down (docs/domain.md §8).
 */
export const splitCode: Transform = {
  name: "split-code",
  title: "科目编码拆成类/款/项三列",
  apply(input, rng) {
    if (!input.table.panels.some((p) => p.code !== undefined)) return { skip: "没有单列的科目编码" };
    const l = edit(input);
    return splitAll(l, rng() < 0.5) ? l : { skip: "编码只有类级，无可拆分" };
  },
};

/** False when no coded panel has codes below the 类 level. */
function splitAll(l: Layout, repeat: boolean): boolean {
  let done = false;
  const coded = l.table.panels.map((p, i) => i).filter((i) => l.table.panels[i].code !== undefined);
  for (const i of coded.reverse()) {
    const panel = l.table.panels[i];
    const col = panel.code!;
    const codes = readRows(l.grid, panel).map((r) => r.code);
    const depth = Math.max(...codes.map((c) => ((c?.length ?? 3) - 1) >> 1));
    if (depth < 2) continue;
    done = true;
    const leaf = leafHeader(l.grid, l.table, col);
    insertCols(l, col + 1, depth - 1);
    const p = l.table.panels[i];
    p.split = Array.from({ length: depth }, (_, k) => col + k);
    delete p.code;
    p.split.forEach((c, k) =>
      writeHeader(l.grid, leaf ?? { top: l.table.header.bottom, bottom: l.table.header.bottom }, c, PART_NAMES[k]),
    );
    p.rows.forEach((r, k) => {
      const code = codes[k];
      if (!code) return;
      const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].filter((x) => x !== "");
      parts.forEach((part, j) => {
        if (repeat || j === parts.length - 1) l.grid.set(r, col + j, part);
        else l.grid.set(r, col + j, null);
      });
    });
  }
  return done;
}

/** 类 | 款 | 项 → one 科目编码 column, the carried 类 and 款 written out in full. */
export const joinCode: Transform = {
  name: "join-code",
  title: "类/款/项三列合并为科目编码",
  apply(input) {
    if (!input.table.panels.some((p) => p.split)) return { skip: "没有类/款/项分列" };
    const l = edit(input);
    const split = l.table.panels.map((p, i) => i).filter((i) => l.table.panels[i].split);
    for (const i of split.reverse()) {
      const panel = l.table.panels[i];
      const cols = panel.split!;
      const rows = readRows(l.grid, panel);
      const leaf = leafHeader(l.grid, l.table, cols[0]);
      panel.rows.forEach((r, k) => {
        const text = cols.map((c) => compact(l.grid.text(r, c))).find((t) => t !== "" && !/^\d+$/.test(t));
        l.grid.set(r, cols[0], rows[k].code ?? text ?? null);
      });
      if (leaf) writeHeader(l.grid, { top: leaf.top, bottom: leaf.top }, cols[0], "科目编码");
      deleteCols(l, cols[1], cols.length - 1);
      const p = l.table.panels[i];
      p.code = cols[0];
      delete p.split;
    }
    return l;
  },
};

/** 款 `05` written as the number 5, as a column that became numeric shows it (splits a code column first). */
export const shortKuan: Transform = {
  name: "short-kuan",
  title: "款级编码去掉前导零（05 → 5）",
  apply(input) {
    const l = edit(input);
    if (!l.table.panels.some((p) => p.split)) {
      if (!splitAll(l, true)) return { skip: "没有可拆分的科目编码" };
    }
    let changed = 0;
    for (const p of l.table.panels.filter((p): p is Panel & { split: number[] } => !!p.split && p.split.length > 1))
      for (const r of p.rows) {
        const t = compact(l.grid.text(r, p.split[1]));
        if (/^0\d$/.test(t)) {
          l.grid.set(r, p.split[1], Number(t));
          changed++;
        }
      }
    return changed > 0 ? l : { skip: "款级编码没有前导零" };
  },
};
