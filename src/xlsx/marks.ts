import { rectToA1 } from "../core/address";
import { SEVERITIES, Severity } from "../core/severity";
import { MARK_FILL, SheetMarks, isMarkFormula, markFormula } from "../core/mark-layout";
import { CONTENT_TYPE, PackageText, REL } from "./package";
import { insertChild, removeChildren } from "./sheet-order";
import { escapeXml, maxCaptured, prefixOf, scanRoot, splice } from "./xml";

/** ARGB as styles.xml writes colours: "#FFC7CE" → "FFFFC7CE". */
export const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/**
 * Appends one differential format (a solid fill) per severity to styles.xml — what Excel's own
 * conditional formats point at — and returns their dxfIds. Cell styles (cellXfs) are not touched.
 */
export async function addMarkStyles(pkg: PackageText, stylesPart: string): Promise<Record<Severity, number>> {
  const xml = await pkg.need(stylesPart);
  const { root, children } = scanRoot(xml);
  const p = prefixOf(root);
  const dxf = (s: Severity) =>
    `<${p}dxf><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(MARK_FILL[s])}"/><${p}bgColor rgb="${argb(MARK_FILL[s])}"/></${p}patternFill></${p}fill></${p}dxf>`;
  const ours = SEVERITIES.map(dxf).join("");
  const dxfs = children.find((c) => c.local === "dxfs");
  let out: string;
  let first: number;
  if (dxfs) {
    const text = xml.slice(dxfs.start, dxfs.end);
    first = scanRoot(text).children.filter((c) => c.local === "dxf").length;
    const count = first + SEVERITIES.length;
    const open = text.endsWith("/>") ? text.slice(0, -2).replace(/\s+$/, "") : text.slice(0, text.indexOf(">"));
    const openTag = /\scount\s*=\s*"[^"]*"/.test(open)
      ? open.replace(/\scount\s*=\s*"[^"]*"/, ` count="${count}"`)
      : `${open} count="${count}"`;
    const inner = text.endsWith("/>") ? "" : text.slice(text.indexOf(">") + 1, text.length - `</${dxfs.name}>`.length);
    out = splice(xml, dxfs.start, dxfs.end - dxfs.start, `${openTag}>${inner}${ours}</${dxfs.name}>`);
  } else {
    first = 0;
    // styleSheet order: … cellStyles, dxfs, tableStyles, colors, extLst.
    const later = children.find((c) => ["tableStyles", "colors", "extLst"].includes(c.local));
    const fragment = `<${p}dxfs count="${SEVERITIES.length}">${ours}</${p}dxfs>`;
    out = later ? splice(xml, later.start, 0, fragment) : splice(xml, xml.lastIndexOf("</", root.end - 1), 0, fragment);
  }
  pkg.write(stylesPart, out);
  return { error: first, warning: first + 1, info: first + 2 };
}

/** Drops conditional formats an earlier run of this tool added (known by their marker formula). */
export function removeOldMarks(sheetXml: string): string {
  if (!sheetXml.includes("budget-check:")) return sheetXml;
  return removeChildren(sheetXml, (el, text) => el.local === "conditionalFormatting" && isMarkFormula(unescapeFormula(text)));
}

const unescapeFormula = (text: string) => text.replace(/&quot;/g, '"');

/**
 * Adds the marks of one sheet as conditional formats with the add-in's marker formula, after the
 * sheet's own conditional formats and with lower priority, so the user's rules keep theirs.
 */
export function addMarks(sheetXml: string, prefix: string, plan: SheetMarks[], dxfIds: Record<Severity, number>): string {
  if (plan.length === 0) return sheetXml;
  let priority = maxCaptured(sheetXml, /<(?:[\w.-]+:)?cfRule\s[^>]*?priority="(\d+)"/g, 0);
  const p = prefix;
  const fragment = plan
    .map((marks) => {
      const sqref = marks.rects.map(rectToA1).join(" ");
      const formula = escapeXml(markFormula(marks.severity).replace(/^=/, ""));
      priority++;
      return `<${p}conditionalFormatting sqref="${sqref}"><${p}cfRule type="expression" dxfId="${dxfIds[marks.severity]}" priority="${priority}"><${p}formula>${formula}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
    })
    .join("");
  return insertChild(sheetXml, "conditionalFormatting", fragment);
}

/** The smallest styles part Excel accepts (one font, the two reserved fills, one border, one format). */
const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

/**
 * Adds a minimal styles part to a workbook that has none (Excel then uses its defaults), at the
 * name its relationship already gives when only the part itself is missing; returns its name.
 */
export async function addMinimalStyles(pkg: PackageText, workbookPart: string, related?: string): Promise<string> {
  const part = related ?? pkg.freeName("xl/styles", ".xml");
  pkg.write(part, MINIMAL_STYLES);
  if (!related) await pkg.addRelationship(workbookPart, REL.styles, part);
  await pkg.addContentType(part, CONTENT_TYPE.styles);
  return part;
}
