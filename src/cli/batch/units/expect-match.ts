import { unitKey } from "./unit-key";

/** One unit of the list that must report (`--expect UNITS.xlsx|UNITS.csv`). */
export interface ListedUnit {
  name: string;
  code?: string;
}

/** What the run knows of one file: its name, the unit its tables name, the year they are for. */
export interface FileFacts {
  file: string;
  unit: string | null;
  year: number | null;
}

/** How one file stands against the list; several marks may hold at once (a duplicate of last year's file). */
export interface FileMark {
  /** The listed unit the file was matched to, by the list's spelling. */
  unit?: string;
  duplicate: boolean;
  wrongYear: boolean;
  offList: boolean;
  /** Two or more listed units fit the file equally: all are named, none is chosen. */
  ambiguous?: string[];
}

export interface ExpectResult {
  /** One mark per file, in the files' order. */
  marks: FileMark[];
  /** Listed units no file was matched to, in the list's order. */
  missing: ListedUnit[];
  /** The batch's year: `--year`, else the year most files carry (null when none states one). */
  year: number | null;
}

/**
 * Matches the files of a batch to the list of units that must report. A file goes to a unit by the
 * name its tables state (unitKey-equal), else by its file name (the one listed name it contains, or
 * the longest when each of the others is part of it), else by a 单位编码 in its file name. Anything
 * else that fits more than one unit is ambiguous and shown as such, never settled by a guess.
 */
export function matchExpected(list: readonly ListedUnit[], files: readonly FileFacts[], year?: number): ExpectResult {
  const keyed = list.map((u) => ({ unit: u, key: unitKey(u.name) })).filter((u) => u.key !== "");
  const batchYear = year ?? commonYear(files);
  const marks: FileMark[] = files.map((f) => {
    const found = matchOne(keyed, f);
    const mark: FileMark = {
      duplicate: false,
      wrongYear: batchYear !== null && f.year !== null && f.year !== batchYear,
      offList: found.length === 0,
    };
    if (found.length === 1) mark.unit = found[0].name;
    if (found.length > 1) mark.ambiguous = found.map((u) => u.name);
    return mark;
  });
  const byUnit = new Map<string, number[]>();
  marks.forEach((m, i) => {
    if (m.unit !== undefined) byUnit.set(m.unit, [...(byUnit.get(m.unit) ?? []), i]);
  });
  for (const indexes of byUnit.values()) if (indexes.length > 1) for (const i of indexes) marks[i].duplicate = true;
  // A unit an ambiguous file may belong to is not called missing: the reviewer decides.
  const maybe = new Set(marks.flatMap((m) => m.ambiguous ?? []));
  const missing = list.filter((u) => !byUnit.has(u.name) && !maybe.has(u.name));
  return { marks, missing, year: batchYear };
}

function matchOne(keyed: { unit: ListedUnit; key: string }[], f: FileFacts): ListedUnit[] {
  if (f.unit) {
    const key = unitKey(f.unit);
    const same = keyed.filter((u) => u.key === key);
    if (same.length) return distinct(same.map((u) => u.unit));
  }
  const base = unitKey((f.file.split(/[\\/]/).pop() ?? f.file).replace(/\.(xlsx|xlsm|xls)$/i, ""));
  const inName = keyed.filter((u) => base.includes(u.key));
  if (inName.length) {
    const longest = inName.reduce((a, b) => (b.key.length > a.key.length ? b : a));
    if (
      inName.every((u) => u === longest || longest.key.includes(u.key)) &&
      inName.filter((u) => u.key === longest.key).length === 1
    )
      return [longest.unit];
    return distinct(inName.map((u) => u.unit));
  }
  const byCode = keyed.filter((u) => u.unit.code && new RegExp(`(^|\\D)${escape(u.unit.code)}(\\D|$)`).test(base));
  return distinct(byCode.map((u) => u.unit));
}

/** The same listed name twice in the list is one unit. */
function distinct(units: ListedUnit[]): ListedUnit[] {
  const seen = new Set<string>();
  return units.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The year most files carry; ties go to the later year, the one a batch is usually for. */
export function commonYear(files: readonly { year: number | null }[]): number | null {
  const votes = new Map<number, number>();
  for (const f of files) if (f.year !== null) votes.set(f.year, (votes.get(f.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of votes) {
    const bestN = best === null ? 0 : votes.get(best)!;
    if (n > bestN || (n === bestN && best !== null && y > best)) best = y;
  }
  return best;
}

/** 状态 words for a file's mark, in the order a reviewer acts on them; empty for a plain listed file. */
export function markWords(mark: FileMark): string[] {
  const words: string[] = [];
  if (mark.offList) words.push("名单外");
  if (mark.ambiguous) words.push(`对应单位不明（${mark.ambiguous.join("、")}）`);
  if (mark.duplicate) words.push("重复");
  if (mark.wrongYear) words.push("年度不符");
  return words;
}
