import fc from "fast-check";
import JSZip from "jszip";
import { readdirSync, readFileSync } from "fs";
import path from "path";

/**
 * Hostile variants of the committed fixtures for the fuzz tests (issue 18): mutated at the byte
 * level (the file as a whole), the zip level (its parts) and the XML level (inside one part).
 * A mutation is plain data, so fast-check generates it from a seed and prints it on failure.
 */

const FIXTURES = path.resolve(__dirname, "../../fixtures");
const SAMPLE = path.resolve(__dirname, "../../../samples/示例预算表.xlsx");

export const fixtures: { name: string; bytes: Buffer }[] = [
  { name: "示例预算表.xlsx", bytes: readFileSync(SAMPLE) },
  ...readdirSync(FIXTURES)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(FIXTURES, name)) })),
];

/** Legal and illegal OOXML and XML a department's file, or a broken tool, could hold. */
const SNIPPETS = [
  '<!-- <c r="A1"><v>1</v></c> -->',
  "<!---->",
  "<![CDATA[123]]>",
  "<![CDATA[<v>9</v>]]>",
  "<?pi data?>",
  "&#x110000;",
  "&#27;[31m",
  "&#0;",
  "&amp;",
  "&nosuch;",
  "\u001b]52;c;ZXZpbA==\u0007",
  "\u009b2J",
  '<c r="XFD1048576" t="s"><v>999999</v></c>',
  '<c r="A1" t="e"><v>#REF!</v></c>',
  '<c r="B2" t="n"><f>SUM(B3:B9)</f></c>',
  '<c r="C3"><v>1e309</v></c>',
  '<c r="C4"><v>-0</v></c>',
  '<c r="C5" s="99999"><v>12345678901234567890</v></c>',
  '<c r="0"><v>1</v></c>',
  '<row r="0"/>',
  '<row r="1048577"><c r="A1048577"><v>1</v></c></row>',
  '<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="B2"><x:v>5</x:v></x:c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCells count="1"><mergeCell ref="B2:A1"/></mergeCells>',
  '<numFmt numFmtId="200" formatCode="0.000000000000000000000000000000"/>',
  '<sheet name="收支总表" sheetId="99" r:id="rId999"/>',
  '<Relationship Id="rId1" Type="x" Target="../../../../etc/passwd"/>',
  "合计",
  "本年支出合计",
  "<",
  ">",
  '"',
  "</sheetData>",
  "<sheetData>",
  "\u0000",
  "\uFEFF",
  "\uD800",
];

export type XmlEdit =
  | { op: "delete"; at: number; length: number }
  | { op: "insert"; at: number; text: string }
  | { op: "duplicate-element"; at: number }
  | { op: "replace-text"; at: number; text: string }
  | { op: "replace-attribute"; at: number; text: string };

export type Mutation =
  | { family: "byte-truncate"; at: number }
  | { family: "byte-flip"; flips: [number, number][] }
  | { family: "byte-insert"; at: number; bytes: number[] }
  | { family: "zip-drop-part"; part: number }
  | { family: "zip-garble-part"; part: number; bytes: number[] }
  | { family: "zip-swap-parts"; a: number; b: number }
  | { family: "zip-store-uncompressed" }
  | { family: "xml"; part: number; edits: XmlEdit[] };

export interface Mutant {
  fixture: number;
  mutation: Mutation;
}

/** A position as a fraction of whatever it indexes; fc.double would crowd near 0, where [Content_Types].xml sorts. */
const frac = fc.integer({ min: 0, max: 999_999 }).map((n) => n / 1_000_000);
const byte = fc.integer({ min: 0, max: 255 });
const hostileText = fc.oneof(
  fc.constantFrom(...SNIPPETS),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^-?\d{1,20}(\.\d{1,8})?(E[+-]?\d{1,3})?$/),
);

const xmlEdit: fc.Arbitrary<XmlEdit> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: frac, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant("insert" as const), at: frac, text: hostileText }),
  fc.record({ op: fc.constant("duplicate-element" as const), at: frac }),
  fc.record({ op: fc.constant("replace-text" as const), at: frac, text: hostileText }),
  fc.record({ op: fc.constant("replace-attribute" as const), at: frac, text: hostileText }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ family: fc.constant("byte-truncate" as const), at: frac }) },
  {
    weight: 1,
    arbitrary: fc.record({
      family: fc.constant("byte-flip" as const),
      flips: fc.array(fc.tuple(frac, byte), { minLength: 1, maxLength: 6 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      family: fc.constant("byte-insert" as const),
      at: frac,
      bytes: fc.array(byte, { minLength: 1, maxLength: 32 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ family: fc.constant("zip-drop-part" as const), part: frac }) },
  {
    weight: 1,
    arbitrary: fc.record({
      family: fc.constant("zip-garble-part" as const),
      part: frac,
      bytes: fc.array(byte, { maxLength: 64 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ family: fc.constant("zip-swap-parts" as const), a: frac, b: frac }) },
  { weight: 1, arbitrary: fc.constant({ family: "zip-store-uncompressed" as const }) },
  {
    weight: 6,
    arbitrary: fc.record({
      family: fc.constant("xml" as const),
      part: frac,
      edits: fc.array(xmlEdit, { minLength: 1, maxLength: 4 }),
    }),
  },
);

export const mutant: fc.Arbitrary<Mutant> = fc.record({
  fixture: fc.integer({ min: 0, max: fixtures.length - 1 }),
  mutation,
});

/** A short name for reports: the family, the part it touched, and for XML the operations. */
export async function familyOf(m: Mutant): Promise<string> {
  const mu = m.mutation;
  switch (mu.family) {
    case "xml":
      return `xml:${pick(await xmlPartsOf(m.fixture), mu.part)}:${mu.edits.map((e) => e.op).join("+")}`;
    case "zip-drop-part":
    case "zip-garble-part":
      return `${mu.family}:${pick((await zipParts(fixtures[m.fixture].bytes)).parts, mu.part)}`;
    case "zip-swap-parts": {
      const { parts } = await zipParts(fixtures[m.fixture].bytes);
      return `${mu.family}:${pick(parts, mu.a)}<>${pick(parts, mu.b)}`;
    }
    default:
      return mu.family;
  }
}

const pick = <T>(items: T[], at: number): T => items[Math.min(items.length - 1, Math.floor(at * items.length))];

async function zipParts(bytes: Buffer): Promise<{ zip: JSZip; parts: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files)
    .filter((n) => !zip.files[n].dir)
    .sort();
  return { zip, parts };
}

/** The XML parts of a fixture, in the order `part` fractions index them. */
export async function xmlPartsOf(fixture: number): Promise<string[]> {
  const { parts } = await zipParts(fixtures[fixture].bytes);
  return parts.filter((p) => /\.(xml|rels)$/.test(p));
}

export async function applyMutant(m: Mutant): Promise<Buffer> {
  const source = fixtures[m.fixture].bytes;
  const mu = m.mutation;
  switch (mu.family) {
    case "byte-truncate":
      return source.subarray(0, Math.floor(mu.at * source.length));
    case "byte-flip": {
      const out = Buffer.from(source);
      for (const [at, value] of mu.flips) out[Math.floor(at * out.length)] = value;
      return out;
    }
    case "byte-insert": {
      const at = Math.floor(mu.at * source.length);
      return Buffer.concat([source.subarray(0, at), Buffer.from(mu.bytes), source.subarray(at)]);
    }
    default:
      return zipMutant(source, mu, m.fixture);
  }
}

async function zipMutant(source: Buffer, mu: Exclude<Mutation, { family: `byte-${string}` }>, fixture: number): Promise<Buffer> {
  const { zip, parts } = await zipParts(source);
  let compression: "DEFLATE" | "STORE" = "DEFLATE";
  switch (mu.family) {
    case "zip-drop-part":
      zip.remove(pick(parts, mu.part));
      break;
    case "zip-garble-part":
      zip.file(pick(parts, mu.part), Buffer.from(mu.bytes));
      break;
    case "zip-swap-parts": {
      const [a, b] = [pick(parts, mu.a), pick(parts, mu.b)];
      const [ca, cb] = await Promise.all([zip.file(a)!.async("nodebuffer"), zip.file(b)!.async("nodebuffer")]);
      zip.file(a, cb);
      zip.file(b, ca);
      break;
    }
    case "zip-store-uncompressed":
      compression = "STORE";
      break;
    case "xml": {
      const name = pick(await xmlPartsOf(fixture), mu.part);
      let xml = await zip.file(name)!.async("string");
      for (const edit of mu.edits) xml = editXml(xml, edit);
      zip.file(name, xml);
      break;
    }
  }
  return zip.generateAsync({ type: "nodebuffer", compression });
}

function editXml(xml: string, edit: XmlEdit): string {
  const at = Math.floor(edit.at * xml.length);
  switch (edit.op) {
    case "delete":
      return xml.slice(0, at) + xml.slice(at + edit.length);
    case "insert": {
      // Between two tags, where a snippet is most likely read rather than rejected at once.
      const gap = xml.indexOf("><", at);
      const where = gap < 0 ? at : gap + 1;
      return xml.slice(0, where) + edit.text + xml.slice(where);
    }
    case "duplicate-element": {
      const m = /<(\w+:)?(\w+)[^>]*?(\/>|>[^<]*<\/\1?\2>)/g;
      m.lastIndex = at;
      const found = m.exec(xml);
      return found ? xml.slice(0, found.index) + found[0] + xml.slice(found.index) : xml;
    }
    case "replace-text": {
      const m = />([^<>]+)</g;
      m.lastIndex = at;
      const found = m.exec(xml);
      return found ? xml.slice(0, found.index + 1) + edit.text + xml.slice(found.index + 1 + found[1].length) : xml;
    }
    case "replace-attribute": {
      const m = /="([^"]*)"/g;
      m.lastIndex = at;
      const found = m.exec(xml);
      return found ? xml.slice(0, found.index + 2) + edit.text + xml.slice(found.index + 2 + found[1].length) : xml;
    }
  }
}
