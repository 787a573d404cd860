import { SheetSnapshot } from "./snapshot";

/** Rows above a table's header where its title states the year. */
const TITLE_ROWS = 6;
/** `2024年`, `2024 年度`: a year as titles write it; 1990–2099, so an amount is never read as one. */
const YEAR = /(?:19|20)\d{2}(?=\s*年)/g;
/** A title cell is short; a cell of a 说明 quotes years of its own. */
const MAX_TITLE_CHARS = 60;

/**
 * The year a workbook's tables are for (2024 for 「2024年部门预算」, 2023 for 「2023年度部门决算」),
 * or null when no title states one. Each sheet votes once, with the latest year its first rows
 * name: a 2024 table heads its columns 「2023年预算数 | 2024年预算数」 under a 2024 title. The year
 * most sheets carry wins (ties: the first sheet's), so one table copied from last year cannot
 * decide the package's year.
 */
export function packageYearOf(snapshots: readonly SheetSnapshot[]): number | null {
  const votes = new Map<number, number>();
  for (const s of snapshots) {
    const year = sheetYear(s);
    if (year !== null) votes.set(year, (votes.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestVotes = 0;
  for (const [year, n] of votes) {
    if (n > bestVotes) {
      best = year;
      bestVotes = n;
    }
  }
  return best;
}

/** The latest year named in the sheet's name or first rows, or null. */
export function sheetYear(s: SheetSnapshot): number | null {
  let latest: number | null = null;
  const take = (text: string) => {
    if (text.length > MAX_TITLE_CHARS) return;
    for (const m of text.matchAll(YEAR)) {
      const y = Number(m[0]);
      if (latest === null || y > latest) latest = y;
    }
  };
  take(s.name);
  for (const row of s.texts.slice(0, TITLE_ROWS)) for (const t of row) if (t) take(t);
  return latest;
}
