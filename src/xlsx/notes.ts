import { parseA1, toA1 } from "../core/address";
import { CONTENT_TYPE, NS_RELATIONSHIPS, PackageText, REL, insertBeforeRootEnd } from "./package";
import { insertChild, parseWorksheet } from "./sheet-order";
import { allTags, attr, escapeXml, MalformedPartError, maxCaptured, nsPrefix, scanRoot, splice, xmlSafe } from "./xml";

/** The author our notes carry, so a reader sees where they came from. */
export const NOTE_AUTHOR = "预算表检查";
/** Excel holds 32,767 characters in a note; ours stay far below. */
const MAX_NOTE_CHARS = 8000;

export interface SheetNotesInput {
  sheetPart: string;
  sheetXml: string;
  /** Cell address → note text, for flagged cells. */
  notes: Map<string, string>;
}

/** Cells that already carry a note or a threaded comment: those are never touched. */
export async function commentedCells(pkg: PackageText, sheetPart: string): Promise<Set<string>> {
  const cells = new Set<string>();
  for (const rel of await pkg.relationships(sheetPart)) {
    if (rel.external || (rel.type !== REL.comments && rel.type !== REL.threadedComment)) continue;
    const text = await pkg.read(rel.part);
    if (!text) continue;
    const tag = rel.type === REL.comments ? "comment" : "threadedComment";
    for (const attrs of allTags(text, tag)) {
      const ref = attr(attrs, "ref");
      if (ref) cells.add(ref.replace(/\$/g, "").toUpperCase());
    }
  }
  return cells;
}

const cellOf = (ref: string) => ref.replace(/\$/g, "").toUpperCase();

/** Author indexes in a comments part whose name is ours. */
function ownAuthorIds(comments: string): Set<string> {
  const authors = /<(?:\w+:)?authors\s*>([\s\S]*?)<\/(?:\w+:)?authors>/.exec(comments)?.[1] ?? "";
  const names = [...authors.matchAll(/<(?:\w+:)?author\s*(?:\/>|>([\s\S]*?)<\/(?:\w+:)?author>)/g)].map((m) => m[1] ?? "");
  return new Set(names.flatMap((n, i) => (n === escapeXml(NOTE_AUTHOR) ? [String(i)] : [])));
}

/**
 * In an earlier copy of ours, removes the notes this tool added (its author) and their VML
 * shapes, so a new run replaces them instead of keeping stale messages. Returns how many.
 */
export async function removeOwnNotes(pkg: PackageText, sheetPart: string, sheetXml: string): Promise<number> {
  const rels = await pkg.relationships(sheetPart);
  const commentsRel = rels.find((r) => r.type === REL.comments && !r.external);
  const comments = commentsRel ? await pkg.read(commentsRel.part) : null;
  if (!commentsRel || !comments) return 0;
  const own = ownAuthorIds(comments);
  if (own.size === 0) return 0;
  const removed = new Set<string>();
  const kept = comments.replace(
    /<(\w+:)?comment\s((?:[^>"']|"[^"]*"|'[^']*')*?)(?:\/>|>[\s\S]*?<\/\1?comment>)/g,
    (whole, _p, attrs: string) => {
      if (!own.has(attr(attrs, "authorId") ?? "")) return whole;
      removed.add(cellOf(attr(attrs, "ref") ?? ""));
      return "";
    },
  );
  if (removed.size === 0) return 0;
  pkg.write(commentsRel.part, kept);
  const legacy = parseWorksheet(sheetXml).children.find((c) => c.local === "legacyDrawing");
  const legacyId = legacy ? (/\s[\w]+:id\s*=\s*"([^"]*)"/.exec(` ${legacy.attrs}`)?.[1] ?? "") : "";
  const vmlRel = rels.find((r) => r.id === legacyId && !r.external);
  const vml = vmlRel ? await pkg.read(vmlRel.part) : null;
  if (vmlRel && vml) {
    pkg.write(
      vmlRel.part,
      vml.replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (shape) => {
        const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
        const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
        if (!/ObjectType="Note"/.test(shape) || row === undefined || col === undefined) return shape;
        return removed.has(toA1(Number(row), Number(col))) ? "" : shape;
      }),
    );
  }
  return removed.size;
}

/**
 * Adds notes to one sheet: appended to its comments and VML parts when it has them, in new parts
 * otherwise. Returns the sheet XML (with a legacyDrawing when one was needed) and how many were added.
 */
export async function addNotes(pkg: PackageText, input: SheetNotesInput): Promise<{ sheetXml: string; added: number }> {
  if (input.notes.size === 0) return { sheetXml: input.sheetXml, added: 0 };
  const { sheetPart } = input;
  let sheetXml = input.sheetXml;
  const rels = await pkg.relationships(sheetPart);
  const sheet = parseWorksheet(sheetXml);
  const legacy = sheet.children.find((c) => c.local === "legacyDrawing");
  const legacyId = legacy ? (/\s[\w]+:id\s*=\s*"([^"]*)"/.exec(` ${legacy.attrs}`)?.[1] ?? "") : "";
  const vmlRel = legacy ? rels.find((r) => r.id === legacyId && !r.external) : undefined;
  const commentsRel = rels.find((r) => r.type === REL.comments && !r.external);

  // Comments part: our author, then one comment per note.
  let commentsPart = commentsRel?.part;
  let comments = commentsPart ? await pkg.read(commentsPart) : null;
  if (!commentsPart || comments === null) {
    commentsPart = pkg.freeName("xl/comments", ".xml");
    comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;
    await pkg.addRelationship(sheetPart, REL.comments, commentsPart);
    await pkg.addContentType(commentsPart, CONTENT_TYPE.comments);
  }
  pkg.write(commentsPart, appendComments(comments, input.notes));

  // VML part: one hidden note shape per cell.
  let vmlPart = vmlRel?.part;
  let vml = vmlPart ? await pkg.read(vmlPart) : null;
  if (!vmlPart || vml === null) {
    vmlPart = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
    vml = newVml(await freeIdmap(pkg));
    const rid = await pkg.addRelationship(sheetPart, REL.vmlDrawing, vmlPart);
    await pkg.addContentType(vmlPart, CONTENT_TYPE.vml);
    const r = nsPrefix(scanRoot(sheetXml).root.attrs, NS_RELATIONSHIPS);
    const tag = `<${sheet.prefix}legacyDrawing ${r ? `${r}:id="${rid}"` : `xmlns:r="${NS_RELATIONSHIPS}" r:id="${rid}"`}/>`;
    sheetXml = insertChild(sheetXml, "legacyDrawing", tag);
  }
  pkg.write(vmlPart, appendShapes(vml, [...input.notes.keys()]));
  return { sheetXml, added: input.notes.size };
}

function appendComments(xml: string, notes: Map<string, string>): string {
  const { root, children } = scanRoot(xml);
  const p = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  let out = xml;
  const authors = children.find((c) => c.local === "authors");
  const names = authors
    ? [...xml.slice(authors.start, authors.end).matchAll(/<(?:\w+:)?author\s*(?:\/>|>([\s\S]*?)<\/(?:\w+:)?author>)/g)].map(
        (m) => m[1] ?? "",
      )
    : [];
  let authorId = names.indexOf(escapeXml(NOTE_AUTHOR));
  if (authorId < 0) {
    authorId = names.length;
    const entry = `<${p}author>${escapeXml(NOTE_AUTHOR)}</${p}author>`;
    if (authors) out = insertIntoElement(out, authors, entry);
    else if (children.length) out = splice(out, children[0].start, 0, `<${p}authors>${entry}</${p}authors>`);
    else out = insertBeforeRootEnd(out, root, `<${p}authors>${entry}</${p}authors>`);
  }
  const list = scanRoot(out).children.find((c) => c.local === "commentList");
  const body = [...notes]
    .map(([cell, text]) => {
      const t = escapeXml(xmlSafe(text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS)}…` : text));
      return `<${p}comment ref="${cell}" authorId="${authorId}"><${p}text><${p}r><${p}rPr><${p}sz val="9"/></${p}rPr><${p}t xml:space="preserve">${t}</${p}t></${p}r></${p}text></${p}comment>`;
    })
    .join("");
  if (list) return insertIntoElement(out, list, body);
  const again = scanRoot(out);
  return insertBeforeRootEnd(out, again.root, `<${p}commentList>${body}</${p}commentList>`);
}

/** Inserts content before an element's end tag (expanding a self-closing element). */
function insertIntoElement(xml: string, el: { name: string; start: number; end: number }, content: string): string {
  const text = xml.slice(el.start, el.end);
  if (text.endsWith("/>"))
    return splice(xml, el.start, el.end - el.start, `${text.slice(0, -2).replace(/\s+$/, "")}>${content}</${el.name}>`);
  return splice(xml, el.end - `</${el.name}>`.length, 0, content);
}

/** VML idmap blocks already used in the package: each drawing owns shape ids 1024·n … 1024·n+1023. */
async function freeIdmap(pkg: PackageText): Promise<number> {
  let max = 0;
  for (const name of pkg.partNames()) {
    if (!name.toLowerCase().endsWith(".vml")) continue;
    const text = (await pkg.read(name)) ?? "";
    for (const m of text.matchAll(/idmap[^>]*data="([\d,\s]+)"/g))
      for (const n of m[1].split(/[,\s]+/)) max = Math.max(max, Number(n) || 0);
  }
  return max + 1;
}

const SHAPETYPE = `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function newVml(idmap: number): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}</xml>`
  );
}

function appendShapes(vml: string, cells: string[]): string {
  let out = vml;
  if (!/o:spt="202"/.test(out)) out = splice(out, out.lastIndexOf("</xml>"), 0, SHAPETYPE);
  const idmap = Number(/idmap[^>]*data="(\d+)/.exec(out)?.[1] ?? 1);
  let next = maxCaptured(out, /_x0000_s(\d+)/g, idmap * 1024) + 1;
  const shapes = cells
    .map((a1) => {
      const p = parseA1(a1)!;
      const id = next++;
      return (
        `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
        `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${p.col + 1}, 15, ${p.row}, 2, ${p.col + 5}, 15, ${p.row + 5}, 2</x:Anchor>` +
        `<x:AutoFill>False</x:AutoFill><x:Row>${p.row}</x:Row><x:Column>${p.col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  const end = out.lastIndexOf("</xml>");
  if (end < 0) throw new MalformedPartError("VML without </xml>");
  return splice(out, end, 0, shapes);
}
