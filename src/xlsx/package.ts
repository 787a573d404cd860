import type JSZip from "jszip";
import { canonicalXml } from "./conform/canonical";
import { decodePart } from "./conform/decode";
import { FastPart, normalizeLineEnds, plainPart } from "./conform/plain";
import { distinctSheetNames } from "./sheet-names";
import { attr, escapeXml, scanRoot, splice } from "./xml";
import { InflateBudget, inflatePart } from "./zip/inflate";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  xml: "application/xml",
} as const;

export const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The namespace of each kind of part the package is read for. */
export const NAMESPACE = {
  worksheet: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  sharedStrings: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  workbook: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  styles: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  comments: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
} as const;

export type PartKind = keyof typeof NAMESPACE;

/** Thrown when the package has a shape the patcher does not handle; the message is Chinese. */
export class AnnotateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnnotateError";
  }
}

export interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a part name without a leading slash ("xl/worksheets/sheet1.xml"). */
  part: string;
  external: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels" ("" → "_rels/.rels"). */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart
    .slice(0, fromPart.lastIndexOf("/") + 1)
    .split("/")
    .filter(Boolean);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** A relative target from one part to another, as Office writes them. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/**
 * The parts of the package as text, read once and written back only if changed. Every part is
 * inflated under one budget (zip/inflate.ts): a failure is an InflateLimitError or a
 * MalformedPartError, which the reader and the patcher word for the user.
 */
export class PackageText {
  private readonly cache = new Map<string, string>();
  private readonly conforming = new Map<string, string>();
  private readonly changed = new Set<string>();

  constructor(
    readonly zip: JSZip,
    readonly budget = new InflateBudget(),
  ) {}

  /**
   * A part's text as it is, to be patched: decoded leniently, and a UTF-16 part's declaration
   * made to say UTF-8, since a changed part is written back in UTF-8.
   */
  async read(part: string): Promise<string | null> {
    if (this.cache.has(part)) return this.cache.get(part)!;
    const bytes = inflatePart(this.zip, part, this.budget);
    if (bytes === null) return null;
    const { text, encoding } = decodePart(bytes, part, false);
    const asWritten = encoding === "utf-8" ? text : text.replace(/^(<\?xml\s[^?]*?\bencoding\s*=\s*["'])[^"']*/, "$1UTF-8");
    this.cache.set(part, asWritten);
    return asWritten;
  }

  /**
   * A part's text as a conforming XML parser reads it (see conform/): as it is when the fast
   * readers read it the same, else in the parser's plain rewriting. Worksheets and the shared
   * strings are checked for that; other parts are small and always go through the parser.
   */
  async xml(part: string, kind: PartKind): Promise<string | null> {
    const known = this.conforming.get(part);
    if (known !== undefined) return known;
    let text: string;
    if (this.changed.has(part)) text = this.cache.get(part)!;
    else {
      const bytes = inflatePart(this.zip, part, this.budget);
      if (bytes === null) return null;
      text = decodePart(bytes, part, true).text;
    }
    const plain = normalizeLineEnds(text);
    const fast = kind === "worksheet" || kind === "sharedStrings" ? (kind as FastPart) : null;
    const out = fast && plainPart(plain, fast, NAMESPACE[kind]) ? plain : canonicalXml(text, part, NAMESPACE[kind]);
    this.conforming.set(part, out);
    return out;
  }

  async need(part: string): Promise<string> {
    const text = await this.read(part);
    if (text === null) throw new AnnotateError(`工作簿缺少必要的部件 ${part}，无法写出标注副本`);
    return text;
  }

  write(part: string, text: string): void {
    this.cache.set(part, text);
    this.conforming.delete(part);
    this.changed.add(part);
  }

  /** Every part name, including parts written in this session. */
  partNames(): string[] {
    return [...new Set([...Object.keys(this.zip.files).filter((n) => !this.zip.files[n].dir), ...this.cache.keys()])];
  }

  /** A part name not yet in the package: prefix + n + suffix. */
  freeName(prefix: string, suffix: string): string {
    const taken = new Set(Object.keys(this.zip.files).map((n) => n.toLowerCase()));
    for (const n of this.cache.keys()) taken.add(n.toLowerCase());
    for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}${suffix}`.toLowerCase())) return `${prefix}${n}${suffix}`;
  }

  /** Writes every changed part into the zip. */
  flush(): void {
    for (const part of this.changed) this.zip.file(part, this.cache.get(part)!);
    this.changed.clear();
  }

  async relationships(part: string): Promise<Relationship[]> {
    const text = await this.xml(relsPathOf(part), "relationships");
    if (text === null) return [];
    return [...text.matchAll(/<(?:\w+:)?Relationship\s((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g)].map((m) => {
      const external = attr(m[1], "TargetMode") === "External";
      const target = attr(m[1], "Target") ?? "";
      return {
        id: attr(m[1], "Id") ?? "",
        type: attr(m[1], "Type") ?? "",
        part: external ? target : resolveTarget(part, target),
        external,
      };
    });
  }

  /** Adds a relationship from `part` to `toPart`; returns its id. */
  async addRelationship(part: string, type: string, toPart: string): Promise<string> {
    const relsPath = relsPathOf(part);
    const existing = await this.read(relsPath);
    const text =
      existing ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const ids = new Set((await this.relationships(part)).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const { root } = scanRoot(text);
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, toPart))}"/>`;
    this.write(relsPath, insertBeforeRootEnd(text, root, rel));
    return id;
  }

  /** Registers a part's content type unless a matching Default already covers it. */
  async addContentType(part: string, contentType: string): Promise<void> {
    const text = await this.need("[Content_Types].xml");
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const types = (await this.xml("[Content_Types].xml", "contentTypes"))!;
    const defaults = [...types.matchAll(/<Default\s([^>]*?)\/?>/g)].map((m) => ({
      ext: (attr(m[1], "Extension") ?? "").toLowerCase(),
      type: attr(m[1], "ContentType"),
    }));
    if (defaults.some((d) => d.ext === ext && d.type === contentType)) return;
    const overridden = [...types.matchAll(/<Override\s([^>]*?)\/?>/g)].map((m) => (attr(m[1], "PartName") ?? "").toLowerCase());
    if (overridden.includes(`/${part}`.toLowerCase())) return;
    const { root } = scanRoot(text);
    const entry =
      ext === "vml" && !defaults.some((d) => d.ext === "vml")
        ? `<Default Extension="vml" ContentType="${contentType}"/>`
        : `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
    this.write("[Content_Types].xml", insertBeforeRootEnd(text, root, entry));
  }
}

/** Inserts text just before the root's end tag (turning a self-closing root into an open one). */
export function insertBeforeRootEnd(xml: string, root: { name: string; start: number; end: number }, insert: string): string {
  const tail = xml.slice(0, root.end);
  if (tail.endsWith("/>")) {
    const openTag = tail.slice(root.start, -2).replace(/\s+$/, "");
    return xml.slice(0, root.start) + `${openTag}>${insert}</${root.name}>` + xml.slice(root.end);
  }
  const closeAt = xml.lastIndexOf("</", root.end - 1);
  return splice(xml, closeAt, 0, insert);
}

export interface WorkbookSheet {
  /** Its name, made distinct from earlier sheets' (see distinctSheetNames). */
  name: string;
  /** The worksheet part; "" for a chart or dialog sheet, which has no cells. */
  part: string;
  rid: string;
  sheetId: number;
  state: string;
  /** No relationship answers its r:id: the package is damaged. */
  unresolved: boolean;
}

/** The workbook part and its sheets (name → part), in workbook order. */
export async function workbookSheets(pkg: PackageText): Promise<{ workbookPart: string; sheets: WorkbookSheet[] }> {
  const rootRels = await pkg.relationships("");
  const workbookPart = rootRels.find((r) => r.type === REL.officeDocument)?.part;
  if (!workbookPart) throw new AnnotateError("工作簿结构不完整（找不到 workbook 部件），无法写出标注副本");
  if (rootRels.some((r) => r.type.startsWith("http://purl.oclc.org/"))) {
    throw new AnnotateError("这是“Strict Open XML”格式的工作簿，暂不支持写出标注副本，请在 Excel 中另存为普通 .xlsx 后重试");
  }
  const xml = await pkg.xml(workbookPart, "workbook");
  if (xml === null) throw new AnnotateError(`工作簿缺少必要的部件 ${workbookPart}，无法写出标注副本`);
  const rels = new Map((await pkg.relationships(workbookPart)).map((r) => [r.id, r]));
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\s((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g)].map((m) => {
    // The parser's rewriting writes the relationship attribute as r:id, whatever its prefix was.
    const rid = attr(m[1], "r:id") ?? "";
    const rel = rels.get(rid);
    return {
      name: attr(m[1], "name") ?? "",
      part: rel && rel.type === REL.worksheet && !rel.external ? rel.part : "",
      rid,
      sheetId: Number(attr(m[1], "sheetId") ?? 0),
      state: attr(m[1], "state") ?? "visible",
      unresolved: !rel || rel.external,
    };
  });
  const names = distinctSheetNames(sheets.map((s) => s.name));
  return { workbookPart, sheets: sheets.map((s, i) => ({ ...s, name: names[i] })) };
}

/**
 * The package holds macros (.xlsm): its workbook part's own type, or a VBA project, says so. Not any
 * mention of macroEnabled: SheetJS's .xlsx (an .xls's copy) declares a `bin` default typed
 * binary.macroEnabled without any such part.
 */
export function declaresMacros(contentTypes: string): boolean {
  return /macroEnabled\.main\+xml|vbaProject/i.test(contentTypes);
}
