import { parseA1, toA1 } from "../core/address";
import { escapeXml, MalformedPartError, splice, xmlSafe } from "./xml";

/** What a fix puts into one cell of a worksheet part. */
export interface CellPatch {
  /** The sheet's own A1 address. */
  cell: string;
  content: { number: number } | { text: string } | { formula: string; result: number | null };
  /** The cell format index (`s`) to give it; undefined keeps the cell's own. */
  style?: number;
}

/** The style index (`s`) a cell has now, 0 when it has none or does not exist. */
export function cellStyleIndex(xml: string, a1: string): number {
  const cell = locate(xml).cells.get(a1);
  return cell ? Number(/(?:^|\s)s\s*=\s*"(\d+)"/.exec(cell.attrs)?.[1] ?? 0) : 0;
}

interface Span {
  start: number;
  end: number;
  attrs: string;
  /** Offset just past the start tag; equals end for a self-closing element. */
  openEnd: number;
  selfClosing: boolean;
}

interface SheetDataIndex {
  prefix: string;
  /** Offset where a new row goes when it comes after every row. */
  insertAt: number;
  rows: Map<number, Span & { number: number }>;
  cells: Map<string, Span>;
}

// Comments, CDATA and processing instructions are skipped as wholes, so markup inside them is never
// taken for a cell (a conforming parser ignores it too).
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)(?:([\w.-]+):)?(sheetData|row|c)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/**
 * Finds every row and cell of <sheetData> by its `r` attribute. A part with a row or cell without
 * one (legal, but then a cell's place depends on its neighbours) is refused rather than guessed.
 */
function locate(xml: string): SheetDataIndex {
  const index: SheetDataIndex = { prefix: "", insertAt: -1, rows: new Map(), cells: new Map() };
  let row: (Span & { number: number }) | null = null;
  let cell: Span | null = null;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const [whole, closing, prefix, name, attrs, selfClosing] = m;
    if (name === undefined) continue;
    const end = m.index + whole.length;
    if (name === "sheetData") {
      if (closing) {
        index.insertAt = m.index;
        return index;
      }
      index.prefix = prefix ? `${prefix}:` : "";
      if (selfClosing) throw new MalformedPartError("empty sheetData");
      continue;
    }
    if (closing) {
      if (name === "c" && cell) cell.end = end;
      if (name === "row" && row) row.end = end;
      continue;
    }
    const r = /(?:^|\s)r\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
    const span = { start: m.index, end, attrs, openEnd: end, selfClosing: selfClosing === "/" };
    if (name === "row") {
      if (!r || !/^\d+$/.test(r)) throw new MalformedPartError("a row without its number");
      row = { ...span, number: Number(r) };
      index.rows.set(row.number, row);
    } else {
      if (!r || !parseA1(r)) throw new MalformedPartError("a cell without its address");
      cell = span;
      index.cells.set(r.toUpperCase(), cell);
    }
  }
  throw new MalformedPartError("worksheet without sheetData");
}

function cellXml(p: string, a1: string, oldAttrs: string, patch: CellPatch): string {
  // The cell keeps its other attributes (style, phonetic flag); its type follows the new content,
  // and value metadata (cm, vm) that described the old value goes.
  const kept = oldAttrs
    .replace(/\s(?:r|t|cm|vm)\s*=\s*(?:"[^"]*"|'[^']*')/g, "")
    .replace(/\ss\s*=\s*(?:"[^"]*"|'[^']*')/, patch.style === undefined ? "$&" : "")
    .trim();
  const style = patch.style === undefined ? "" : ` s="${patch.style}"`;
  const attrs = `r="${a1}"${kept ? ` ${kept}` : ""}${style}`;
  const { content } = patch;
  if ("number" in content) return `<${p}c ${attrs}><${p}v>${numberText(content.number)}</${p}v></${p}c>`;
  if ("text" in content)
    return `<${p}c ${attrs} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(xmlSafe(content.text))}</${p}t></${p}is></${p}c>`;
  const f = `<${p}f>${escapeXml(content.formula.replace(/^=/, ""))}</${p}f>`;
  return `<${p}c ${attrs}>${f}${content.result === null ? "" : `<${p}v>${numberText(content.result)}</${p}v>`}</${p}c>`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new MalformedPartError("not a finite number");
  return String(n);
}

/**
 * Writes cells into a worksheet part's XML, changing nothing else: each cell element is replaced
 * whole (or inserted in column order, its row too when missing), and every other byte of the part
 * stays as it was.
 */
export function patchSheetCells(xml: string, patches: CellPatch[]): string {
  if (patches.length === 0) return xml;
  const index = locate(xml);
  const p = index.prefix;
  const edits: { at: number; remove: number; insert: string }[] = [];
  const newRows = new Map<number, string[]>();
  const addInto = new Map<number, { col: number; xml: string }[]>();
  for (const patch of patches) {
    const ref = parseA1(patch.cell);
    if (!ref) throw new MalformedPartError(`bad address ${patch.cell}`);
    const a1 = toA1(ref.row, ref.col);
    const existing = index.cells.get(a1);
    if (existing) {
      edits.push({ at: existing.start, remove: existing.end - existing.start, insert: cellXml(p, a1, existing.attrs, patch) });
      continue;
    }
    const number = ref.row + 1;
    const fresh = { col: ref.col, xml: cellXml(p, a1, "", patch) };
    if (index.rows.has(number)) addInto.set(number, [...(addInto.get(number) ?? []), fresh]);
    else newRows.set(number, [...(newRows.get(number) ?? []), fresh.xml]);
  }
  for (const [number, cells] of addInto) edits.push(...insertIntoRow(xml, index, number, cells));
  const rowNumbers = [...index.rows.keys()].sort((a, b) => a - b);
  for (const [number, cells] of newRows) {
    const after = rowNumbers.find((n) => n > number);
    const at = after === undefined ? index.insertAt : index.rows.get(after)!.start;
    edits.push({ at, remove: 0, insert: `<${p}row r="${number}">${cells.join("")}</${p}row>` });
  }
  // Right to left, so earlier offsets stay valid; inserts at one offset keep their order.
  edits.sort((a, b) => b.at - a.at);
  let out = xml;
  for (const e of edits) out = splice(out, e.at, e.remove, e.insert);
  return out;
}

function insertIntoRow(xml: string, index: SheetDataIndex, number: number, cells: { col: number; xml: string }[]) {
  const row = index.rows.get(number)!;
  const p = index.prefix;
  const inRow = [...index.cells.entries()]
    .filter(([, span]) => span.start > row.start && span.end <= row.end)
    .map(([a1, span]) => ({ col: parseA1(a1)!.col, span }));
  const edits: { at: number; remove: number; insert: string }[] = [];
  // The row's `spans` is only a hint for the reader; one that no longer covers its cells is dropped.
  const openTag = xml.slice(row.start, row.openEnd).replace(/\sspans\s*=\s*"[^"]*"/, "");
  if (row.selfClosing) {
    const open = openTag.replace(/\s*\/>$/, ">");
    const body = cells
      .sort((a, b) => a.col - b.col)
      .map((c) => c.xml)
      .join("");
    return [{ at: row.start, remove: row.end - row.start, insert: `${open}${body}</${p}row>` }];
  }
  edits.push({ at: row.start, remove: row.openEnd - row.start, insert: openTag });
  for (const cell of cells.sort((a, b) => a.col - b.col)) {
    const next = inRow.find((c) => c.col > cell.col);
    const at = next ? next.span.start : xml.lastIndexOf("</", row.end - 1);
    edits.push({ at, remove: 0, insert: cell.xml });
  }
  return edits;
}
