import type JSZip from "jszip";
import { attr, escapeXml, scanRoot, splice } from "./xml";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
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
  xml: "application/xml",
} as const;

export const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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

/** The parts of the package as text, read once and written back only if changed. */
export class PackageText {
  private readonly cache = new Map<string, string>();
  private readonly changed = new Set<string>();

  constructor(readonly zip: JSZip) {}

  async read(part: string): Promise<string | null> {
    if (this.cache.has(part)) return this.cache.get(part)!;
    const file = this.zip.file(part);
    if (!file) return null;
    let text: string;
    try {
      text = await file.async("string");
    } catch {
      throw new AnnotateError(`工作簿中的部件 ${part} 已损坏，无法写出标注副本；请在 Excel 中打开并另存为 .xlsx 后重试`);
    }
    this.cache.set(part, text);
    return text;
  }

  async need(part: string): Promise<string> {
    const text = await this.read(part);
    if (text === null) throw new AnnotateError(`工作簿缺少必要的部件 ${part}，无法写出标注副本`);
    return text;
  }

  write(part: string, text: string): void {
    this.cache.set(part, text);
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
    const text = await this.read(relsPathOf(part));
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
    const defaults = [...text.matchAll(/<(?:\w+:)?Default\s([^>]*?)\/?>/g)].map((m) => ({
      ext: (attr(m[1], "Extension") ?? "").toLowerCase(),
      type: attr(m[1], "ContentType"),
    }));
    if (defaults.some((d) => d.ext === ext && d.type === contentType)) return;
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

/** The workbook part and its sheets (name → part), in workbook order. */
export async function workbookSheets(
  pkg: PackageText,
): Promise<{ workbookPart: string; sheets: { name: string; part: string; rid: string; sheetId: number; state: string }[] }> {
  const rootRels = await pkg.relationships("");
  const workbookPart = rootRels.find((r) => r.type === REL.officeDocument)?.part;
  if (!workbookPart) throw new AnnotateError("工作簿结构不完整（找不到 workbook 部件），无法写出标注副本");
  if (rootRels.some((r) => r.type.startsWith("http://purl.oclc.org/"))) {
    throw new AnnotateError("这是“Strict Open XML”格式的工作簿，暂不支持写出标注副本，请在 Excel 中另存为普通 .xlsx 后重试");
  }
  const xml = await pkg.need(workbookPart);
  const rels = new Map((await pkg.relationships(workbookPart)).map((r) => [r.id, r]));
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\s((?:[^>"']|"[^"]*"|'[^']*')*?)\/?>/g)].map((m) => {
    const rid = attr(m[1], "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(` ${m[1]}`)?.[1] ?? "";
    const rel = rels.get(rid);
    return {
      name: attr(m[1], "name") ?? "",
      part: rel && rel.type === REL.worksheet ? rel.part : "",
      rid,
      sheetId: Number(attr(m[1], "sheetId") ?? 0),
      state: attr(m[1], "state") ?? "visible",
    };
  });
  return { workbookPart, sheets };
}
