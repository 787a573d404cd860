/**
 * Reads a wild-corpus source text (test/wild/sources/NN-*.txt): the header lines, the transcribed sheets, the
 * identities declared per sheet, the defects, the quiet sheets, the 说明 text and the verbatim copy.
 *
 * Standalone on purpose: it does not import src/core, so the identities computed from it are independent of
 * the checker.
 *
 * Format:
 *   # SOURCE: / # TITLE: / # PROVINCE: / # DATE: / # KIND: / # COPY: / # READING:  (free text continues on `#` lines)
 *   ## SHEET <name>        then grid lines `| a | b |`, `@merge A1:C1`, `@widths 30,14`
 *   ## IDENTITIES <sheet>  then `lhs = rhs` lines; a trailing `!broken` marks a real defect of the document
 *   ## DEFECT <sheet>!<cell> <info|warning|error>  then one line: why
 *   ## QUIET               then one sheet name per line
 *   ## 说明                the document's own explanation text (`# NOTE` lines are mine)
 *   ## VERBATIM            the copy the grids were transcribed from
 * Cell tokens: empty → blank; a leading ' → text; 1,234.50 or -12.5 → number with the source's decimals and
 * separators as its number format; 12.5% → 0.125 shown as a percentage; anything else → text.
 */
import Decimal from "decimal.js";

export type Severity = "info" | "warning" | "error";

export interface SourceCell {
  /** The value written into the workbook: null for a blank. */
  v: string | number | null;
  /** Number format: only for numbers that show decimals, separators or a percent sign. */
  fmt?: string;
}

export interface SourceSheet {
  name: string;
  rows: SourceCell[][];
  /** Merged ranges, 0-based, inclusive. */
  merges: Rect[];
  widths?: number[];
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Identity {
  sheet: string;
  lhs: string;
  rhs: string;
  /** A real defect of the published document: the identity must NOT hold. */
  broken: boolean;
  line: number;
}

export interface SourceDefect {
  sheet: string;
  cell: string;
  min: Severity;
  why: string;
}

export interface WildSource {
  file: string;
  meta: Record<string, string>;
  sheets: SourceSheet[];
  identities: Identity[];
  defects: SourceDefect[];
  quiet: string[];
  shuoming: string | null;
  verbatim: string | null;
}

const NUMBER_PLAIN = /^-?\d+(\.\d+)?$/;
const NUMBER_GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^-?\d+(\.\d+)?%$/;

function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Turns one transcribed cell into the workbook's value and number format. */
export function cellToken(raw: string): SourceCell {
  const text = raw;
  if (text === "") return { v: null };
  if (text.startsWith("'")) return { v: text.slice(1) };
  if (NUMBER_GROUPED.test(text)) {
    const d = decimalsOf(text);
    return { v: Number(text.replace(/,/g, "")), fmt: d > 0 ? `#,##0.${"0".repeat(d)}` : "#,##0" };
  }
  if (NUMBER_PLAIN.test(text)) {
    const d = decimalsOf(text);
    return d > 0 ? { v: Number(text), fmt: `0.${"0".repeat(d)}` } : { v: Number(text) };
  }
  if (PERCENT.test(text)) {
    const body = text.slice(0, -1);
    const d = decimalsOf(body);
    return { v: new Decimal(body).div(100).toNumber(), fmt: d > 0 ? `0.${"0".repeat(d)}%` : "0%" };
  }
  return { v: text };
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseA1(address: string): { row: number; col: number } {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function parseRect(range: string): Rect {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Splits `| a | b |` into its cells: one leading space and all trailing spaces are dropped, indentation is kept. */
export function gridCells(line: string): string[] {
  const parts = line.split("|");
  parts.shift();
  if (parts.length > 0 && parts[parts.length - 1].trim() === "") parts.pop();
  return parts.map((p) => p.replace(/^ /, "").replace(/\s+$/, ""));
}

const HEADER = /^# ([A-Z]+):\s?(.*)$/;

export function parseSource(text: string, file: string): WildSource {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const src: WildSource = {
    file,
    meta: {},
    sheets: [],
    identities: [],
    defects: [],
    quiet: [],
    shuoming: null,
    verbatim: null,
  };
  type Mode = "head" | "sheet" | "identities" | "defect" | "quiet" | "shuoming" | "verbatim";
  let mode: Mode = "head";
  let lastMeta = "";
  let sheet: SourceSheet | null = null;
  let idSheet = "";
  let defect: SourceDefect | null = null;
  const shuoming: string[] = [];
  const verbatim: string[] = [];
  const fail = (i: number, msg: string): never => {
    throw new Error(`${file}:${i + 1}: ${msg}`);
  };

  lines.forEach((line, i) => {
    if (line.startsWith("## ")) {
      const head = line.slice(3).trim();
      defect = null;
      if (head.startsWith("SHEET ")) {
        sheet = { name: head.slice(6).trim(), rows: [], merges: [] };
        src.sheets.push(sheet);
        mode = "sheet";
      } else if (head.startsWith("IDENTITIES ")) {
        idSheet = head.slice(11).trim();
        mode = "identities";
      } else if (head.startsWith("DEFECT ")) {
        const m = /^DEFECT (.+)!([A-Z]{1,3}\d+) (info|warning|error)$/.exec(head);
        if (!m) fail(i, `bad DEFECT line: ${line}`);
        defect = { sheet: m![1], cell: m![2], min: m![3] as Severity, why: "" };
        src.defects.push(defect);
        mode = "defect";
      } else if (head === "QUIET") {
        mode = "quiet";
      } else if (head === "说明") {
        mode = "shuoming";
      } else if (head === "VERBATIM") {
        mode = "verbatim";
      } else {
        fail(i, `unknown section: ${line}`);
      }
      return;
    }
    switch (mode) {
      case "head": {
        const m = HEADER.exec(line);
        if (m) {
          lastMeta = m[1];
          src.meta[lastMeta] = m[2].trim();
        } else if (line.startsWith("#") && lastMeta) {
          src.meta[lastMeta] += " " + line.replace(/^#\s?/, "").trim();
        } else if (line.trim() !== "") {
          fail(i, `unexpected line before the first section: ${line}`);
        }
        return;
      }
      case "sheet": {
        if (line.startsWith("|")) sheet!.rows.push(gridCells(line).map(cellToken));
        else if (line.startsWith("@merge ")) sheet!.merges.push(parseRect(line.slice(7).trim()));
        else if (line.startsWith("@widths ")) sheet!.widths = line.slice(8).split(",").map(Number);
        else if (line.trim() !== "" && !line.startsWith("#")) fail(i, `unexpected line in a sheet: ${line}`);
        return;
      }
      case "identities": {
        if (line.trim() === "" || line.startsWith("#")) return;
        let body = line.trim();
        let broken = false;
        if (body.endsWith("!broken")) {
          broken = true;
          body = body.slice(0, -"!broken".length).trim();
        }
        const eq = body.indexOf("=");
        if (eq < 0 || body.indexOf("=", eq + 1) >= 0) fail(i, `an identity needs exactly one "=": ${line}`);
        src.identities.push({
          sheet: idSheet,
          lhs: body.slice(0, eq).trim(),
          rhs: body.slice(eq + 1).trim(),
          broken,
          line: i + 1,
        });
        return;
      }
      case "defect": {
        if (line.trim() === "" || line.startsWith("#")) return;
        defect!.why = defect!.why ? `${defect!.why} ${line.trim()}` : line.trim();
        return;
      }
      case "quiet": {
        if (line.trim() !== "" && !line.startsWith("#")) src.quiet.push(line.trim());
        return;
      }
      case "shuoming":
        shuoming.push(line);
        return;
      case "verbatim":
        verbatim.push(line);
        return;
    }
  });
  if (shuoming.length) src.shuoming = shuoming.join("\n").trim();
  if (verbatim.length) src.verbatim = verbatim.join("\n").trim();
  for (const key of ["SOURCE", "PROVINCE", "KIND"]) if (!src.meta[key]) throw new Error(`${file}: missing # ${key}:`);
  const names = new Set(src.sheets.map((s) => s.name));
  for (const id of src.identities) if (!names.has(id.sheet)) throw new Error(`${file}:${id.line}: no sheet ${id.sheet}`);
  for (const d of src.defects) {
    if (!names.has(d.sheet)) throw new Error(`${file}: defect on unknown sheet ${d.sheet}`);
    if (!d.why) throw new Error(`${file}: defect ${d.sheet}!${d.cell} has no why`);
  }
  for (const q of src.quiet) if (!names.has(q)) throw new Error(`${file}: quiet sheet ${q} does not exist`);
  return src;
}
