import { unescapeXml } from "../xml";

/**
 * Text content as Excel holds it: XML entities decoded, then OOXML's `_xHHHH_` escapes (how a
 * writer stores control characters such as a carriage return) turned back into characters.
 */
export function cellText(xml: string): string {
  return ooxmlText(xml.includes("&") ? unescapeXml(xml) : xml);
}

/** Decoded text with OOXML's `_xHHHH_` escapes turned back into characters. */
export function ooxmlText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

const T_RUN = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;

/** The text of an `<si>` or `<is>`: its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
export function runText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(PHONETIC, "") : xml;
  let out = "";
  T_RUN.lastIndex = 0;
  for (let m = T_RUN.exec(body); m; m = T_RUN.exec(body)) if (m[1]) out += m[1];
  return cellText(out);
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A start tag's attributes by name, values decoded. Cheaper than one search per name on hot paths. */
export function attributes(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attrs); m; m = ATTRIBUTE.exec(attrs)) {
    const raw = m[2] ?? m[3];
    out[m[1]] = raw.includes("&") ? unescapeXml(raw) : raw;
  }
  return out;
}
