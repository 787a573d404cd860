import { compactLabel } from "../../../core/snapshot";
import { decodeTextFile } from "../../text-bytes";
import type { ListedUnit } from "./expect-match";

/** A list that cannot be used, with the sentence that says why. */
export class ListError extends Error {}

const NAME_HEADER = /^(单位名称|单位全称|部门名称|部门[（(]单位[)）]名称|预算单位名称|单位)$/;
const CODE_HEADER = /^(单位编码|单位代码|预算单位编码|部门编码|编码|代码)$/;
/** The header row is among the first rows: a title may stand above it. */
const HEADER_ROWS = 10;

/**
 * The units of a list, from its rows as text: the first row (among the first ten) that holds a
 * 单位名称 header names the columns; every row below with a name is a unit. Blank rows, and rows
 * repeating a name already listed, add nothing.
 */
export function listedUnits(rows: readonly (readonly string[])[], label: string): ListedUnit[] {
  for (let r = 0; r < Math.min(rows.length, HEADER_ROWS); r++) {
    const cells = rows[r].map((t) => compactLabel(t ?? ""));
    const nameCol = cells.findIndex((t) => NAME_HEADER.test(t));
    if (nameCol < 0) continue;
    const codeCol = cells.findIndex((t) => CODE_HEADER.test(t));
    const units: ListedUnit[] = [];
    const seen = new Set<string>();
    for (const row of rows.slice(r + 1)) {
      const name = (row[nameCol] ?? "").trim();
      if (name === "" || seen.has(name)) continue;
      seen.add(name);
      const code = codeCol >= 0 ? (row[codeCol] ?? "").trim() : "";
      units.push(code ? { name, code } : { name });
    }
    if (units.length === 0) throw new ListError(`单位名单中「单位名称」列下没有单位：${label}`);
    return units;
  }
  throw new ListError(`单位名单的前 ${HEADER_ROWS} 行中找不到「单位名称」列（可另有「单位编码」列）：${label}`);
}

/**
 * A CSV's rows (RFC 4180: quoted fields may hold commas, quotes and line breaks). The bytes are
 * UTF-8 (with or without a byte-order mark) or, as Excel in China saves a CSV, GB18030.
 */
export function csvRows(bytes: Uint8Array): string[][] {
  const { text } = decodeTextFile(bytes);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
