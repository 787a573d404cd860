import { runText } from "./text";

const ITEM = /<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;

/** The shared string table (xl/sharedStrings.xml): rich text is read as its plain text; null without one. */
export function parseSharedStrings(xml: string | null): string[] | null {
  if (xml === null) return null;
  const out: string[] = [];
  ITEM.lastIndex = 0;
  for (let m = ITEM.exec(xml); m; m = ITEM.exec(xml)) out.push(m[1] ? runText(m[1]) : "");
  return out;
}
