import type { LastYearFile } from "../../last-year";
import { fileNameKey, unitKey } from "./unit-key";

/** Last year's files of `--compare-dir`, by the key of the unit their tables name and of their file name. */
export interface LastYearIndex {
  files: LastYearFile[];
  byUnit: Record<string, number[]>;
  byFileName: Record<string, number[]>;
}

/** One of last year's files, with the unit its tables name (null: none, or it could not be read). */
export interface LastYearFacts extends LastYearFile {
  unit: string | null;
}

export function lastYearIndex(facts: readonly LastYearFacts[]): LastYearIndex {
  const index: LastYearIndex = { files: [], byUnit: {}, byFileName: {} };
  const put = (map: Record<string, number[]>, key: string, i: number) => {
    if (key) (map[key] ??= []).push(i);
  };
  facts.forEach((f, i) => {
    index.files.push({ path: f.path, file: f.file });
    if (f.unit) put(index.byUnit, unitKey(f.unit), i);
    put(index.byFileName, fileNameKey(f.file), i);
  });
  return index;
}

export type Pairing =
  | { last: LastYearFile; by: "unit" | "file-name" }
  | { last: null; ambiguous: LastYearFile[] }
  | { last: null; ambiguous?: undefined };

/**
 * Last year's file of this year's file: the one whose tables name the same unit, else the one whose
 * file name is the same but for the year. Two candidates that nothing tells apart are named, and
 * neither is taken: a wrong pair would report a year's worth of false changes.
 */
export function pairLastYear(index: LastYearIndex, unit: string | null, file: string): Pairing {
  const byUnit = unit ? (index.byUnit[unitKey(unit)] ?? []) : [];
  const byName = index.byFileName[fileNameKey(file)] ?? [];
  if (byUnit.length === 1) return { last: index.files[byUnit[0]], by: "unit" };
  if (byUnit.length > 1) {
    // Several files of one unit last year: the file name may still tell them apart.
    const both = byUnit.filter((i) => byName.includes(i));
    if (both.length === 1) return { last: index.files[both[0]], by: "unit" };
    return { last: null, ambiguous: byUnit.map((i) => index.files[i]) };
  }
  if (byName.length === 1) return { last: index.files[byName[0]], by: "file-name" };
  if (byName.length > 1) return { last: null, ambiguous: byName.map((i) => index.files[i]) };
  return { last: null };
}
