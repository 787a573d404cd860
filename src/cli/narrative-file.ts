import JSZip from "jszip";
import type { NarrativeText } from "../core/narrative";
import { WorkbookReadError } from "../xlsx/errors";
import { unescapeXml } from "../xlsx/xml";
import { InflateBudget, InflateLimitError, inflatePart } from "../xlsx/zip/inflate";
import { decodeTextFile } from "./text-bytes";
import { loadFileBytes } from "./xlsx-errors";

/**
 * The 说明 given with `--narrative FILE` (issue 20): a .txt (UTF-8, UTF-16 or GBK/GB18030, as
 * 记事本 saves it) or a .docx, one paragraph a
 * line, so a finding's line number is the paragraph's. Read through the same bounded file and
 * inflate limits as a workbook; a file it cannot read is a clear Chinese message, never a crash.
 */
export async function readNarrativeFile(path: string, shown: string): Promise<NarrativeText> {
  const bytes = await loadFileBytes(path);
  const name = shown.split(/[\\/]/).pop() || shown;
  if (/\.txt$/i.test(path)) return { name, text: plainText(bytes, shown) };
  if (/\.docx$/i.test(path)) return { name, text: await docxText(bytes, shown) };
  throw new WorkbookReadError("not-xlsx", `--narrative 只接受 .txt 或 .docx 文件：${shown}`);
}

function plainText(bytes: Uint8Array, shown: string): string {
  const { text, clean } = decodeTextFile(bytes);
  if (clean) return text;
  throw new WorkbookReadError(
    "unreadable",
    `说明文件既不是 UTF-8 也不是 GBK（GB18030）编码的文本，请在记事本中另存为 UTF-8 后重试：${shown}`,
  );
}

/** The text of a Word document's body, one paragraph a line. */
async function docxText(bytes: Uint8Array, shown: string): Promise<string> {
  let xml: Uint8Array | null;
  try {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    xml = inflatePart(zip, "word/document.xml", new InflateBudget());
    if (xml) return paragraphsOf(new TextDecoder("utf-8").decode(xml)).join("\n");
  } catch (e) {
    if (e instanceof InflateLimitError) throw new WorkbookReadError("too-large", `说明文件解压后过大，未读取：${shown}`);
    throw new WorkbookReadError("corrupt", `说明文件已损坏或不是 Word 文档（.docx），无法读取：${shown}`);
  }
  throw new WorkbookReadError("not-xlsx", `这不是 Word 文档（.docx），找不到正文：${shown}`);
}

/** Each <w:p> of the body as a line of its <w:t> runs; a tab or a break inside it is a space. */
export function paragraphsOf(documentXml: string): string[] {
  const paragraphs: string[] = [];
  for (const p of documentXml.match(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    let line = "";
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g))
      line += m[2] ? " " : unescapeXml(m[1]);
    paragraphs.push(line);
  }
  return paragraphs;
}
