import { SheetSnapshot } from "./snapshot";
import { isHeaderWord } from "./totals/read/labels";

/**
 * The name of the unit (单位) a workbook belongs to, as its tables' headers state it, or null.
 * Two forms are read in the first rows of each sheet:
 * - a label such as 「主管部门」「部门（单位）名称」「部门：」「编制单位：…」 with the name after it,
 *   without the label, a stamp mark or a 填报人 on the same line;
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

const HEADER_ROWS = 8;
/** A stamp or signature mark after a label: 编制单位（盖章）：, 实施单位 (盖章). */
const STAMP = String.raw`\s*[（(]\s*(?:盖章|公章|签章|章)\s*[)）]`;
/**
 * Labels that name the department, most telling first: a department's own labels (an indicator
 * form's 主管部门 or 部门（单位）名称, 部门：, 编制部门：), then a unit's (编制单位, 单位名称…). A
 * 申请单位/申报单位 or the contractor (实施单位, 承担单位) is another party and is never read.
 */
const LABELS: RegExp[] = [
  /^(?:部门[（(]单位[)）]名称|部门名称|主管部门|编制部门|预算部门|部门(?=\s*[:：]))/,
  /^(?:单位名称|编制单位|预算单位|填报单位)/,
].map((r) => new RegExp(`${r.source}(?:${STAMP})?\\s*[:：]?\\s*(.*)$`));
const OTHER_PARTY = /^(?:申请单位|申报单位|实施单位|承担单位|承建单位|项目单位|执行单位)/;
/** Where a name ends inside a cell: the next label on the same line (填报人：…, 日期：…). */
const NEXT_LABEL = /\s*(?:填报人|填表人|联系人|负责人|审核人|制表人|经办人|联系电话|电话|填报日期|日期)\s*[:：].*$/;
/** Cells of the header row that are not the name: the unit of amounts, the year, dates, page marks, signatures. */
const NOT_A_NAME =
  /^(?:金额)?单位\s*[:：]|预算年度|年度\s*[:：]|^\d{4}\s*年(?:\d{1,2}\s*月(?:\d{1,2}\s*日)?)?$|^第\s*\d+\s*页|^[（(]?\s*\d{4}\s*年度?\s*[)）]?$|^(?:填报人|填表人|联系人|负责人|审核人|制表人|经办人|联系电话|电话|填报日期|日期)\s*[:：]?|盖章/;

function headerUnitName(s: SheetSnapshot): string | null {
  const rows = s.texts.slice(0, HEADER_ROWS).map((r) => r.map((t) => t.trim()));
  for (const label of LABELS) {
    for (const row of rows) {
      for (let c = 0; c < row.length; c++) {
        const m = label.exec(row[c]);
        if (!m) continue;
        const inline = cleanName(m[1]);
        if (inline) return inline;
        const next = row.slice(c + 1).find((t) => t !== "" && !new RegExp(`^${STAMP}$`).test(t));
        const name = next && !isLabel(next) ? cleanName(next) : null;
        if (name) return name;
      }
    }
  }
  for (const row of rows) {
    if (!row.some((t) => NOT_A_NAME.test(t))) continue;
    for (const t of row) {
      if (t === "" || NOT_A_NAME.test(t) || isLabel(t)) continue;
      const name = cleanName(t);
      if (name) return name;
    }
  }
  return null;
}

function isLabel(text: string): boolean {
  return OTHER_PARTY.test(text) || LABELS.some((l) => l.test(text));
}

/** Drops a leading unit code (`361秦皇岛市…`, `219001-…`); keeps only text that reads as a name. */
function cleanName(raw: string): string | null {
  const name = raw
    .replace(NEXT_LABEL, "")
    .replace(new RegExp(`${STAMP}$`), "")
    .replace(/^\d+\s*[-－—_.、\s]?\s*/, "")
    .trim();
  if (/盖章|填报人|联系人|^[（(]/.test(name)) return null;
  if (name.length < 2 || name.length > 60) return null;
  if (!/[\u4e00-\u9fff]/.test(name)) return null;
  // A table title is not a unit's name, nor is a column header (项目 beside 2011年预算数).
  if (/表$|^（?\s*\d{4}/.test(name) || isHeaderWord(name)) return null;
  return name;
}
