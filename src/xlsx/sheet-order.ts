import { MalformedPartError, prefixOf, scanRoot, splice, XmlElement } from "./xml";

/** CT_Worksheet's children in schema order (ECMA-376 Part 1, sml.xsd). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

export type WorksheetChild = (typeof WORKSHEET_ORDER)[number];

const RANK = new Map<string, number>(WORKSHEET_ORDER.map((n, i) => [n, i]));

/**
 * Schema ranks of the children; an element the schema does not list (mc:AlternateContent
 * wrapping controls, say) takes the rank of what it wraps, or of the element before it.
 */
function ranks(xml: string, children: XmlElement[]): number[] {
  let last = -1;
  return children.map((el) => {
    let rank = RANK.get(el.local);
    if (rank === undefined && el.local === "AlternateContent") {
      const inner = /<(?:mc:)?Choice[^>]*>\s*<(?:[\w.-]+:)?([\w]+)/.exec(xml.slice(el.start, el.end));
      rank = inner ? RANK.get(inner[1]) : undefined;
    }
    last = rank ?? last;
    return last;
  });
}

export interface WorksheetXml {
  xml: string;
  /** "" or "x:": the prefix the sheet writes its own elements with. */
  prefix: string;
}

export function parseWorksheet(xml: string): WorksheetXml & { children: XmlElement[] } {
  const { root, children } = scanRoot(xml);
  if (root.local !== "worksheet") throw new MalformedPartError(`root is ${root.name}`);
  return { xml, prefix: prefixOf(root), children };
}

/** Inserts fragments for one child type where the schema puts it: after any of its kind, before anything later. */
export function insertChild(xml: string, child: WorksheetChild, fragment: string): string {
  const { root, children } = scanRoot(xml);
  const want = RANK.get(child)!;
  const r = ranks(xml, children);
  const before = children.findIndex((_, i) => r[i] > want);
  if (before >= 0) return splice(xml, children[before].start, 0, fragment);
  if (xml.slice(0, root.end).endsWith("/>")) throw new MalformedPartError("empty worksheet root");
  return splice(xml, xml.lastIndexOf("</", root.end - 1), 0, fragment);
}

/**
 * Puts the children back in schema order when a writer misplaced one (exceljs writes legacyDrawing
 * after extLst, which Excel "repairs"). Whole elements move, their text unchanged; a sheet already in
 * order is returned as is.
 */
export function intoSchemaOrder(xml: string): string {
  const { children } = scanRoot(xml);
  if (children.length < 2) return xml;
  const r = ranks(xml, children);
  if (r.every((x, i) => i === 0 || r[i - 1] <= x)) return xml;
  const order = children.map((el, i) => ({ el, rank: r[i], i })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  const start = children[0].start;
  const end = children[children.length - 1].end;
  // What sits between elements (white space) stays where it was, in sequence.
  const gaps = children.slice(1).map((el, i) => xml.slice(children[i].end, el.start));
  let body = "";
  order.forEach((o, k) => {
    body += xml.slice(o.el.start, o.el.end) + (k < gaps.length ? gaps[k] : "");
  });
  return xml.slice(0, start) + body + xml.slice(end);
}

/** Removes the direct children for which `drop` is true. */
export function removeChildren(xml: string, drop: (el: XmlElement, text: string) => boolean): string {
  const { children } = scanRoot(xml);
  let out = xml;
  for (const el of [...children].reverse()) {
    const text = xml.slice(el.start, el.end);
    if (drop(el, text)) out = splice(out, el.start, el.end - el.start, "");
  }
  return out;
}

/** True when the children appear in schema order (unknown elements are ignored). */
export function inSchemaOrder(xml: string): boolean {
  const { children } = scanRoot(xml);
  const known = children.map((c) => RANK.get(c.local)).filter((r): r is number => r !== undefined);
  return known.every((r, i) => i === 0 || known[i - 1] <= r);
}

/** Names of the direct children, for tests. */
export function childNames(xml: string): string[] {
  return scanRoot(xml).children.map((c) => c.local);
}
