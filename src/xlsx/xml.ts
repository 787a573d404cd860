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

/** Decodes references; one to a character XML cannot hold (`&#x110000;`, `&#1;`) makes the part malformed. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== "#") return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e]!;
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!isXmlChar(code)) throw new MalformedPartError(`reference to character ${e}`);
    return String.fromCodePoint(code);
  });
}

/** XML 1.0's Char production. */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** A part whose markup is not what a package part must be: an input problem, not a bug. */
export class MalformedPartError extends Error {
  constructor(
    message: string,
    /** The part, when the place that found the problem knows it. */
    readonly part?: string,
  ) {
    super(part ? `${part}: ${message}` : message);
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

/**
 * Every element with this local name anywhere in the text (start tags only), with its attributes:
 * with any prefix, or with exactly `prefix` ("" or "x:") when one is given.
 */
export function allTags(xml: string, local: string, prefix?: string): string[] {
  const p = prefix === undefined ? "(?:[\\w.-]+:)?" : prefix.replace(/\./g, "\\.");
  const re = new RegExp(`<${p}${local}(\\s(?:[^>"']|"[^"]*"|'[^']*')*?)?/?>`, "g");
  return [...xml.matchAll(re)].map((m) => m[1] ?? "");
}

/**
 * The largest number a pattern's first group captures in the text, or `floor`. A loop, not
 * Math.max(...all): a sheet with 130,000 conditional formats would overflow the stack.
 */
export function maxCaptured(text: string, pattern: RegExp, floor: number): number {
  let max = floor;
  for (const m of text.matchAll(pattern)) max = Math.max(max, Number(m[1]));
  return max;
}

export function splice(xml: string, at: number, remove: number, insert: string): string {
  return xml.slice(0, at) + insert + xml.slice(at + remove);
}

/** The prefix a root element binds to a namespace ("r"), or null when it declares none. */
export function nsPrefix(rootAttrs: string, uri: string): string | null {
  for (const m of rootAttrs.matchAll(/xmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) if ((m[2] ?? m[3]) === uri) return m[1];
  return null;
}
