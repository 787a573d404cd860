import { SaxesParser } from "saxes";
import { MalformedPartError } from "../xml";

/** The namespace of `r:id` and its kin, the only prefixed attributes the readers look at. */
export const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const TEXT_SPECIAL = /[&<>\r]/;
const ATTR_SPECIAL = /[&<>"\t\n\r]/;
// Most text and values hold nothing to escape: a test is cheaper than a replace that finds nothing.
const escapeText = (t: string) => (TEXT_SPECIAL.test(t) ? t.replace(/[&<>\r]/g, (c) => ESCAPES[c]) : t);
const escapeAttr = (t: string) => (ATTR_SPECIAL.test(t) ? t.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES[c]) : t);
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/**
 * A part as a conforming, namespace-aware XML parser (saxes) reads it, written back in the plain
 * form the fast readers expect: UTF-16 text, comments, CDATA, processing instructions and any
 * prefix are resolved away. Elements of `namespace` are written without a prefix; elements of any
 * other namespace (extensions, markup-compatibility wrappers) are left out with their content, as
 * they are nothing the readers look for; `r:` attributes keep that prefix, other prefixed
 * attributes are dropped. Text is escaped so that the fast readers decode exactly what the parser
 * delivered. A part that is not well-formed, or that holds a DTD (which a package must not,
 * ECMA-376 Part 2 §8.1.4), is refused.
 */
export function canonicalXml(text: string, part: string, namespace: string): string {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const out = new Output();
  /** Depth inside an element that is left out; 0 while writing. */
  let skipping = 0;
  let root = true;
  let failure: string | null = null;
  parser.on("error", (e) => {
    failure ??= e.message;
  });
  parser.on("doctype", () => {
    failure ??= "DTD";
  });
  parser.on("opentag", (tag) => {
    if (skipping || tag.uri !== namespace) {
      if (root) failure ??= `root element in namespace "${tag.uri}"`;
      skipping++;
      root = false;
      return;
    }
    let start = `<${tag.local}`;
    if (root) start += ` xmlns="${escapeAttr(namespace)}" xmlns:r="${NS_RELATIONSHIPS}"`;
    root = false;
    const attributes = tag.attributes;
    for (const name in attributes) {
      const a = attributes[name];
      if (a.prefix === "" && a.local !== "xmlns") start += ` ${a.local}="${escapeAttr(a.value)}"`;
      else if (a.uri === NS_RELATIONSHIPS) start += ` r:${a.local}="${escapeAttr(a.value)}"`;
    }
    out.add(`${start}>`);
  });
  parser.on("closetag", (tag) => {
    if (skipping) skipping--;
    else out.add(`</${tag.local}>`);
  });
  const onText = (t: string) => {
    if (!skipping && !root) out.add(escapeText(t));
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= e instanceof Error ? e.message : String(e);
  }
  if (failure !== null) throw new MalformedPartError(failure, part);
  return out.text();
}

/** Pieces joined a batch at a time: millions of small strings held to the end cost more in GC than the parse. */
class Output {
  private readonly chunks: string[] = [];
  private pieces: string[] = [];

  add(piece: string): void {
    this.pieces.push(piece);
    if (this.pieces.length === 4096) {
      this.chunks.push(this.pieces.join(""));
      this.pieces = [];
    }
  }

  text(): string {
    return this.chunks.join("") + this.pieces.join("");
  }
}
