import { SheetSnapshot } from "./snapshot";

/**
 * The name of the unit (单位) a workbook belongs to, as its tables' headers state it, or null.
 * Two forms are read in the first rows of each sheet:
 * - a label such as 「单位名称」「部门（单位）名称」「编制单位：…」 with the name after it;
 * - the 部门预算 header row, where the name stands beside 「预算年度：…」 or 「单位：万元」.
 * The name found on most sheets wins (ties: the first sheet's), so one odd sheet cannot decide.
 */
export function unitNameOf(snapshots: readonly SheetSnapshot[]): string | null {
  const votes = new Map<string, number>();
  for (const s of snapshots) {
    const name = headerUnitName(s);
    if (name) votes.set(name, (votes.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestVotes = 0;
  for (const [name, n] of votes) {
    if (n > bestVotes) {
      best = name;
      bestVotes = n;
    }
  }
  return best;
}

const HEADER_ROWS = 6;
const LABEL =
  /^(?:部门[（(]单位[)）]名称|单位名称|部门名称|预算单位|预算部门|编制单位|填报单位|申报单位|申请单位|实施单位)\s*[:：]?\s*(.*)$/;
/** Cells of the header row that are not the name: the unit of amounts, the year, dates, page marks. */
const NOT_A_NAME = /^(?:金额)?单位\s*[:：]|预算年度|年度\s*[:：]|^\d{4}\s*年|^第\s*\d+\s*页|^[（(]?\s*\d{4}\s*年度?\s*[)）]?$/;

function headerUnitName(s: SheetSnapshot): string | null {
  const rows = s.texts.slice(0, HEADER_ROWS).map((r) => r.map((t) => t.trim()));
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const m = LABEL.exec(row[c]);
      if (!m) continue;
      const inline = cleanName(m[1]);
      if (inline) return inline;
      const next = row.slice(c + 1).find((t) => t !== "");
      const name = next && !LABEL.test(next) ? cleanName(next) : null;
      if (name) return name;
    }
  }
  for (const row of rows) {
    if (!row.some((t) => NOT_A_NAME.test(t))) continue;
    for (const t of row) {
      if (t === "" || NOT_A_NAME.test(t)) continue;
      const name = cleanName(t);
      if (name) return name;
    }
  }
  return null;
}

/** Drops a leading unit code (`361秦皇岛市…`, `219001-…`); keeps only text that reads as a name. */
function cleanName(raw: string): string | null {
  const name = raw.replace(/^\d+\s*[-－—_.、\s]?\s*/, "").trim();
  if (name.length < 2 || name.length > 60) return null;
  if (!/[\u4e00-\u9fff]/.test(name)) return null;
  // A table title is not a unit's name.
  if (/表$|^（?\s*\d{4}/.test(name)) return null;
  return name;
}
