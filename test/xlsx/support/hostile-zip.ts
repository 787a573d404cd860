import { constants, deflateRawSync } from "zlib";

/** One zip entry, its data already compressed (method 8) or stored (method 0), its sizes as stated. */
export interface RawEntry {
  name: string;
  data: Buffer;
  method: 0 | 8;
  /** The uncompressed size the directory states: anything, as a bomb states. */
  statedSize: number;
}

/** Deflates text as one entry that states its true size. */
export function deflated(name: string, text: string): RawEntry {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), method: 8, statedSize: bytes.length };
}

/**
 * A raw deflate stream of `head`, then `fill` repeated to about `bytes` bytes, then `tail`, built
 * in milliseconds: one 16 MiB run is compressed once (full flush, so it stands alone) and its
 * compressed bytes are repeated. This is how a zip bomb gets near deflate's 1,032-to-1 ceiling.
 */
export function bombStream(head: string, fill: string, bytes: number, tail: string): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const run = 16 * 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(run, fill), flush);
  const parts = [deflateRawSync(Buffer.from(head), flush)];
  for (let n = 0; n < Math.ceil(bytes / run); n++) parts.push(block);
  parts.push(deflateRawSync(Buffer.from(tail)));
  return Buffer.concat(parts);
}

/** The bytes of a zip holding the entries as given: no check of what they state. */
export function zipOf(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14); // CRC: JSZip does not check it unless asked
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.statedSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(e.data.length, 20);
    header.writeUInt32LE(e.statedSize >>> 0, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    central.push(header, name);
    offset += local.length + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a one-sheet workbook around the given sheet (and, optionally, shared strings) entries. */
export function workbookAround(sheet: RawEntry | string, sharedStrings?: RawEntry | string): RawEntry[] {
  const asEntry = (name: string, e: RawEntry | string) => (typeof e === "string" ? deflated(name, e) : { ...e, name });
  return [
    deflated(
      "[Content_Types].xml",
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    deflated(
      "_rels/.rels",
      `<?xml version="1.0"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflated(
      "xl/workbook.xml",
      `<?xml version="1.0"?><workbook ${MAIN} ${R}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0"?><Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${TYPE}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (sharedStrings ? `<Relationship Id="rId2" Type="${TYPE}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
        `</Relationships>`,
    ),
    asEntry("xl/worksheets/sheet1.xml", sheet),
    ...(sharedStrings ? [asEntry("xl/sharedStrings.xml", sharedStrings)] : []),
  ];
}

export const SHEET_HEAD = `<?xml version="1.0"?><worksheet ${MAIN}><sheetData>`;
export const SHEET_TAIL = `</sheetData></worksheet>`;
