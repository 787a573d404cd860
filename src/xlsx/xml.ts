/** Small string-level XML helpers for patching package parts without re-serialising them. */

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** Drops characters XML 1.0 cannot hold (control characters, lone surrogates). */
export function xmlSafe(text: string): string {
  return text.replace(
    // Matching control characters is the point here.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    "",
  );
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!;
  });
}

/** A part whose markup is not what a package part must be: an input problem, not a bug. */
export class MalformedPartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedPartError";
  }
}

export interface XmlElement {
  /** Qualified name as written, e.g. "x:conditionalFormatting". */
  name: string;
  /** Name without its prefix. */
  local: string;
  start: number;
  /** Offset just past the element's end tag (or its self-closing tag). */
  end: number;
  /** The start tag's attribute text. */
  attrs: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/**
 * Children whose content the patcher never looks into, skipped in one search for their end tag:
 * a sheet's cell data is most of its text and cannot nest another sheetData.
 */
const OPAQUE = new Set(["sheetData"]);

/** The root element and its direct children, with their offsets. Throws on unbalanced markup. */
export function scanRoot(xml: string): { root: XmlElement; children: XmlElement[] } {
  TOKEN.lastIndex = 0;
  let depth = 0;
  let root: XmlElement | null = null;
  let open: XmlElement | null = null;
  const children: XmlElement[] = [];
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const [whole, closing, name, attrs, selfClosing] = m;
    if (name === undefined) continue;
    const local = name.slice(name.indexOf(":") + 1);
    if (closing) {
      depth--;
      if (depth === 1 && open) {
        if (open.name !== name) throw new MalformedPartError(`mismatched </${name}>`);
        open.end = m.index + whole.length;
        children.push(open);
        open = null;
      } else if (depth === 0 && root) {
        root.end = m.index + whole.length;
        return { root, children };
      }
      if (depth < 0) throw new MalformedPartError("unbalanced XML");
      continue;
    }
    const el: XmlElement = { name, local, start: m.index, end: m.index + whole.length, attrs };
    if (depth === 0) root = el;
    else if (depth === 1) {
      if (selfClosing) children.push(el);
      else if (OPAQUE.has(local)) {
        const close = xml.indexOf(`</${name}>`, TOKEN.lastIndex);
        if (close < 0) throw new MalformedPartError(`unterminated <${name}>`);
        el.end = close + name.length + 3;
        children.push(el);
        TOKEN.lastIndex = el.end;
        continue;
      } else open = el;
    }
    if (!selfClosing) depth++;
    else if (depth === 0) return { root: el, children };
  }
  throw new MalformedPartError("unterminated XML");
}

/** The prefix (with its colon) an element is written with: "" or "x:". */
export function prefixOf(el: XmlElement): string {
  const i = el.name.indexOf(":");
  return i < 0 ? "" : el.name.slice(0, i + 1);
}

export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/** Every element with this local name anywhere in the text (start tags only), with its attributes. */
export function allTags(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(\\s(?:[^>"']|"[^"]*"|'[^']*')*?)?/?>`, "g");
  return [...xml.matchAll(re)].map((m) => m[1] ?? "");
}

export function splice(xml: string, at: number, remove: number, insert: string): string {
  return xml.slice(0, at) + insert + xml.slice(at + remove);
}

/** The prefix a root element binds to a namespace ("r"), or null when it declares none. */
export function nsPrefix(rootAttrs: string, uri: string): string | null {
  for (const m of rootAttrs.matchAll(/xmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) if ((m[2] ?? m[3]) === uri) return m[1];
  return null;
}
