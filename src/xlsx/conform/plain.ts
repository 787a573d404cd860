import { attributes } from "../parse/text";
import { isXmlChar } from "../xml";

/** Rich-text run properties (CT_RPrElt): they may sit inside a string's runs. */
const RUN_PROPERTIES = "b|i|strike|condense|extend|outline|shadow|u|vertAlign|sz|color|rFont|family|charset|scheme";
const STRING_ITEM = `t|r|rPr|rPh|phoneticPr|${RUN_PROPERTIES}`;

/** The elements the fast readers may meet in the regions they scan (the region's own element first). */
const SHEET_DATA = `sheetData|row|c|f|v|is|${STRING_ITEM}`;
const MERGE_CELLS = "mergeCells|mergeCell";
const SHARED_STRINGS = `sst|si|${STRING_ITEM}`;

/** The parts the fast readers read: a worksheet's cells and merges, the shared string table. */
export type FastPart = "worksheet" | "sharedStrings";

/** Where the fast readers may read a part, and the prefix its elements carry ("" or "x:"). */
export interface PlainPart {
  prefix: string;
}

const ROOT = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
/** A reference a conforming parser accepts: the five named ones and character references. */
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;
const CHAR_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;
// Characters XML 1.0 does not allow, written raw.
// eslint-disable-next-line no-control-regex
const BAD_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** An attribute value holding ">" or white space, which the fast patterns do not read as a parser does. */
const ODD_VALUE = /=\s*"[^"<]*[>\t\n]|=\s*'[^'<]*[>\t\n]/g;

/**
 * Whether the fast regular-expression readers read this part exactly as a conforming XML parser
 * would, so the parser can be skipped. The part must be plain: no comment, CDATA section, DTD or
 * processing instruction (beyond the declaration); references a parser accepts; its root binding
 * its prefix to the expected namespace, never rebound; and, in the region the readers scan (a
 * worksheet's <sheetData> and <mergeCells>, the whole shared string table), only the elements they
 * know, with that prefix, and attribute values without ">" or white space. Null when it is not, and
 * the part goes through the parser instead. Line ends are the caller's (see `normalizeLineEnds`).
 */
export function plainPart(text: string, part: FastPart, namespace: string): PlainPart | null {
  if (text.includes("<!") || BAD_REFERENCE.test(text) || BAD_CHARACTER.test(text) || !charReferencesValid(text)) return null;
  let at = 0;
  if (text.startsWith("<?xml")) {
    at = text.indexOf("?>") + 2;
    if (at === 1) return null;
  }
  if (text.indexOf("<?", at) >= 0) return null;
  at = text.indexOf("<", at);
  ROOT.lastIndex = at;
  const root = ROOT.exec(text);
  if (!root || root[2] !== (part === "worksheet" ? "worksheet" : "sst")) return null;
  const prefix = root[1] ?? "";
  const bound = attributes(root[3])[prefix ? `xmlns:${prefix.slice(0, -1)}` : "xmlns"];
  if (bound !== namespace) return null;
  const rootEnd = at + root[0].length;
  const rebinding = prefix ? `xmlns:${prefix.slice(0, -1)}` : "xmlns";
  if (new RegExp(`\\s${rebinding}\\s*=`).test(text.slice(rootEnd))) return null;
  // Truncated text is not plain: the parser refuses it.
  if (!root[3].endsWith("/") && !text.trimEnd().endsWith(`</${prefix}${root[2]}>`)) return null;
  if (part === "sharedStrings") return regionPlain(text, rootEnd, text.length, prefix, SHARED_STRINGS) ? { prefix } : null;
  const sheetData = regionOf(text, prefix, "sheetData", rootEnd);
  if (sheetData === null || (sheetData && !regionPlain(text, sheetData.start, sheetData.end, prefix, SHEET_DATA))) return null;
  const merges = regionOf(text, prefix, "mergeCells", sheetData ? sheetData.end : rootEnd);
  if (merges === null || (merges && !regionPlain(text, merges.start, merges.end, prefix, MERGE_CELLS))) return null;
  // The rest is not read by the fast readers, but a parser refuses the whole part when it is unbalanced.
  const rootClose = text.lastIndexOf("</");
  const outside = sheetData
    ? [text.slice(rootEnd, sheetData.start), text.slice(sheetData.end, rootClose)]
    : [text.slice(rootEnd, rootClose)];
  if (root[3].endsWith("/") || outside.every(balanced)) return { prefix };
  return null;
}

/**
 * The span of the first `<prefix+name>` element from `from`: false when there is none, null when it
 * is not closed or an element of that name is written with another prefix (not plain).
 */
function regionOf(text: string, prefix: string, name: string, from: number): { start: number; end: number } | false | null {
  const open = new RegExp(`<${literal(prefix)}${name}[\\s/>]`, "g");
  open.lastIndex = from;
  const m = open.exec(text);
  if (!m) return new RegExp(`[<:/]${name}[\\s/>]`).test(text.slice(from)) ? null : false;
  const tagEnd = text.indexOf(">", m.index);
  if (text[tagEnd - 1] === "/") return { start: m.index, end: tagEnd + 1 };
  const close = text.indexOf(`</${prefix}${name}>`, tagEnd);
  return close < 0 ? null : { start: m.index, end: close + name.length + prefix.length + 3 };
}

/** Every tag of the region is one of `names` with the prefix, and no attribute value holds ">" or white space. */
function regionPlain(text: string, start: number, end: number, prefix: string, names: string): boolean {
  const foreign = new RegExp(`<(?!/?${literal(prefix)}(?:${names})[\\s/>])`, "g");
  foreign.lastIndex = start;
  const f = foreign.exec(text);
  if (f && f.index < end) return false;
  ODD_VALUE.lastIndex = start;
  const v = ODD_VALUE.exec(text);
  return !v || v.index >= end;
}

const TAG = /<(\/?)([^\s/>]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/** Every element opened in the text is closed in it, in order (comments and the like are already excluded). */
function balanced(text: string): boolean {
  const open: string[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    if (m[3]) continue;
    if (!m[1]) open.push(m[2]);
    else if (open.pop() !== m[2]) return false;
  }
  return open.length === 0 && !/<(?![^<>]*>)/.test(text.replace(TAG, ""));
}

const literal = (prefix: string) => prefix.replace(/\./g, "\\.");

function charReferencesValid(text: string): boolean {
  if (!text.includes("&#")) return true;
  CHAR_REFERENCE.lastIndex = 0;
  for (let m = CHAR_REFERENCE.exec(text); m; m = CHAR_REFERENCE.exec(text)) {
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
    if (!isXmlChar(code)) return false;
  }
  return true;
}

/** XML 1.0 §2.11: a parser reads every CR LF and lone CR as LF, before anything else. */
export function normalizeLineEnds(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
