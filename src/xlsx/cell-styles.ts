import { PackageText } from "./package";
import { parseCellFormats } from "./parse/styles";
import { attr, MalformedPartError, prefixOf, scanRoot, splice } from "./xml";

/** Built-in ids a fix may need (ECMA-376 §18.8.30). */
const BUILT_IN_ID: Record<string, number> = { General: 0, "@": 49 };
/** Custom number formats start here. */
const FIRST_CUSTOM_ID = 164;

/**
 * Cell formats (cellXfs) derived from a cell's own: the same font, fill, border and alignment, a
 * different number format. Each is appended once; the styles part changes only by these entries.
 */
export class CellFormats {
  private readonly made = new Map<string, number>();

  constructor(
    private readonly pkg: PackageText,
    private readonly part: string | undefined,
  ) {}

  /** The number format of a cell format index, as the reader reads it. */
  async formatOf(style: number): Promise<string> {
    const xml = this.part ? await this.pkg.read(this.part) : null;
    return parseCellFormats(xml)[style] ?? "General";
  }

  /** The index of a cell format like `style` but with `numberFormat`; `style` itself when it already has it. */
  async withNumberFormat(style: number, numberFormat: string): Promise<number> {
    if ((await this.formatOf(style)) === numberFormat) return style;
    const key = `${style}|${numberFormat}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    if (!this.part) throw new MalformedPartError("no styles part");
    let xml = await this.pkg.need(this.part);
    const { root, children } = scanRoot(xml);
    const p = prefixOf(root);
    const id = numberFormatId(xml, numberFormat);
    if (id.add) xml = addNumFmt(xml, p, id.id, numberFormat);
    const cellXfs = scanRoot(xml).children.find((c) => c.local === "cellXfs");
    if (!cellXfs || !children.length) throw new MalformedPartError("styles without cellXfs");
    const text = xml.slice(cellXfs.start, cellXfs.end);
    const xfs = [...text.matchAll(/<(?:[\w.-]+:)?xf\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?xf>)/g)];
    const base = xfs[style]?.[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const copy = base
      .replace(/\snumFmtId\s*=\s*"[^"]*"/, "")
      .replace(/\sapplyNumberFormat\s*=\s*"[^"]*"/, "")
      .replace(/^<((?:[\w.-]+:)?xf)\b/, `<$1 numFmtId="${id.id}" applyNumberFormat="1"`);
    const index = xfs.length;
    const closeAt = cellXfs.end - `</${cellXfs.name}>`.length;
    xml = splice(xml, closeAt, 0, copy);
    xml = xml.replace(
      new RegExp(`(<${cellXfs.name.replace(/[.]/g, "\\.")}\\b[^>]*?\\scount\\s*=\\s*")\\d+(")`),
      `$1${index + 1}$2`,
    );
    this.pkg.write(this.part, xml);
    this.made.set(key, index);
    return index;
  }
}

function numberFormatId(xml: string, code: string): { id: number; add: boolean } {
  if (code in BUILT_IN_ID) return { id: BUILT_IN_ID[code], add: false };
  let max = FIRST_CUSTOM_ID - 1;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt\s((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g)) {
    const id = Number(attr(m[1], "numFmtId"));
    if (attr(m[1], "formatCode") === code) return { id, add: false };
    if (Number.isFinite(id)) max = Math.max(max, id);
  }
  return { id: max + 1, add: true };
}

function addNumFmt(xml: string, p: string, id: number, code: string): string {
  const entry = `<${p}numFmt numFmtId="${id}" formatCode="${code.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"/>`;
  const { children } = scanRoot(xml);
  const numFmts = children.find((c) => c.local === "numFmts");
  if (numFmts) {
    const text = xml.slice(numFmts.start, numFmts.end);
    if (text.endsWith("/>"))
      return splice(xml, numFmts.start, text.length, `<${numFmts.name} count="1">${entry}</${numFmts.name}>`);
    const count = (text.match(/<(?:[\w.-]+:)?numFmt\s/g) ?? []).length + 1;
    const closed = splice(xml, numFmts.end - `</${numFmts.name}>`.length, 0, entry);
    return closed.replace(/(<(?:[\w.-]+:)?numFmts\b[^>]*?\scount\s*=\s*")\d+(")/, `$1${count}$2`);
  }
  // numFmts is the styleSheet's first child.
  const first = children[0];
  return splice(xml, first ? first.start : xml.lastIndexOf("</"), 0, `<${p}numFmts count="1">${entry}</${p}numFmts>`);
}
