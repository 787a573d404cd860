import { TOTAL } from "./words";

/**
 * Column totals from the header tree. A column whose header path is P + [合计/小计] + Q adds up its
 * siblings under P that end in Q (Q pairs columns: 预算数 with 预算数). A sibling group that has a
 * total of its own contributes only that total (合计 = 本年收入小计 + 上年结转, not every source twice).
 */
export function columnSums(cols: number[], paths: string[][]): { total: number; parts: number[] }[] {
  const out: { total: number; parts: number[] }[] = [];
  for (const total of cols) {
    const path = paths[total];
    const i = path.findIndex((t) => TOTAL.test(t));
    if (i < 0) continue;
    const parts = contributors(path.slice(0, i), path.slice(i + 1), cols, paths).filter((c) => c !== total);
    if (parts.length > 0) out.push({ total, parts });
  }
  return out;
}

const startsWith = (p: string[], prefix: string[]) => prefix.every((t, i) => p[i] === t);
const endsWith = (p: string[], suffix: string[]) => suffix.every((t, i) => p[p.length - suffix.length + i] === t);

function contributors(prefix: string[], suffix: string[], cols: number[], paths: string[][]): number[] {
  const under = cols.filter((c) => {
    const p = paths[c];
    return p.length > prefix.length + suffix.length && startsWith(p, prefix) && endsWith(p, suffix);
  });
  const groups = [...new Set(under.map((c) => paths[c][prefix.length]))].filter((g) => !TOTAL.test(g));
  return groups.flatMap((g) => {
    const members = under.filter((c) => paths[c][prefix.length] === g);
    const leaf = members.find((c) => paths[c].length === prefix.length + 1 + suffix.length);
    if (leaf !== undefined) return [leaf];
    const own = members.find(
      (c) => paths[c].length === prefix.length + 2 + suffix.length && TOTAL.test(paths[c][prefix.length + 1]),
    );
    return own !== undefined ? [own] : contributors([...prefix, g], suffix, cols, paths);
  });
}
