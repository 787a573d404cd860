import { PackageText } from "./package";
import { parseCellFormats } from "./parse/styles";
import { attr, MalformedPartError, prefixOf, scanRoot, splice } from "./xml";

/** Built-in ids a fix may need (ECMA-376 §18.8.30). */
const BUILT_IN_ID: Record<string, number> = { General: 0, "#,##0.00": 4, "@": 49 };
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
    return this.derive(style, { numberFormat });
  }

  /** A cell format like `style` with another number format and/or a bold font, appended once per change. */
  async derive(style: number, change: { numberFormat?: string; bold?: boolean }): Promise<number> {
    const key = `${style}|${change.numberFormat ?? ""}|${change.bold ? "b" : ""}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    if (!this.part) throw new MalformedPartError("no styles part");
    let xml = await this.pkg.need(this.part);
    const p = prefixOf(scanRoot(xml).root);
    const attrs: string[] = [];
    if (change.numberFormat !== undefined) {
      const id = numberFormatId(xml, change.numberFormat);
      if (id.add) xml = addNumFmt(xml, p, id.id, change.numberFormat);
      attrs.push(`numFmtId="${id.id}" applyNumberFormat="1"`);
    }
    const xfs = list(xml, "cellXfs", "xf");
    const base = xfs.items[style] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    if (change.bold) {
      const fontId = Number(/\sfontId\s*=\s*"(\d+)"/.exec(base)?.[1] ?? 0);
      const fonts = list(xml, "fonts", "font");
      const font = fonts.items[fontId] ?? `<${p}font/>`;
      const boldFont = /<(?:[\w.-]+:)?b\b/.test(font)
        ? font
        : font.endsWith("/>")
          ? font.replace(/\s*\/>$/, `><${p}b/></${fonts.child}>`)
          : font.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
      xml = append(xml, "fonts", boldFont);
      attrs.push(`fontId="${fonts.items.length}" applyFont="1"`);
    }
    const strip = [change.numberFormat !== undefined && "numFmtId|applyNumberFormat", change.bold && "fontId|applyFont"]
      .filter(Boolean)
      .join("|");
    const copy = base
      .replace(new RegExp(`\\s(?:${strip})\\s*=\\s*"[^"]*"`, "g"), "")
      .replace(/^<((?:[\w.-]+:)?xf)\b/, `<$1 ${attrs.join(" ")}`);
    const index = list(xml, "cellXfs", "xf").items.length;
    xml = append(xml, "cellXfs", copy);
    this.pkg.write(this.part, xml);
    this.made.set(key, index);
    return index;
  }
}

/** The children of a styles list (cellXfs, fonts) as written, and their element name. */
function list(xml: string, parent: string, child: string): { items: string[]; child: string } {
  const el = scanRoot(xml).children.find((c) => c.local === parent);
  if (!el) throw new MalformedPartError(`styles without ${parent}`);
  const text = xml.slice(el.start, el.end);
  const re = new RegExp(`<((?:[\\w.-]+:)?${child})\\b(?:[^>"']|"[^"]*"|'[^']*')*?(?:\\/>|>[\\s\\S]*?<\\/\\1>)`, "g");
  const items = [...text.slice(text.indexOf(">") + 1).matchAll(re)].map((m) => m[0]);
  const name = el.name.includes(":") ? `${el.name.slice(0, el.name.indexOf(":") + 1)}${child}` : child;
  return { items, child: name };
}

/** Appends an entry to a styles list and raises its count. */
function append(xml: string, parent: string, entry: string): string {
  const el = scanRoot(xml).children.find((c) => c.local === parent)!;
  const text = xml.slice(el.start, el.end);
  const count = list(xml, parent, parent === "fonts" ? "font" : "xf").items.length + 1;
  const open = text.endsWith("/>") ? text.slice(0, -2).replace(/\s+$/, "") : text.slice(0, text.indexOf(">"));
  const openTag = /\scount\s*=\s*"[^"]*"/.test(open)
    ? open.replace(/\scount\s*=\s*"[^"]*"/, ` count="${count}"`)
    : `${open} count="${count}"`;
  const inner = text.endsWith("/>") ? "" : text.slice(text.indexOf(">") + 1, text.length - `</${el.name}>`.length);
  return splice(xml, el.start, el.end - el.start, `${openTag}>${inner}${entry}</${el.name}>`);
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
